package vn.khien.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.SystemLevels;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.Systems;
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Which systems owe a drill under the rule pack in force and whether they had it: a
 * system in use whose approved level a drill obligation covers is required; it is met
 * once a live-fire drill run targeting it was held in the obligation's period (this
 * calendar year for a yearly one), overdue otherwise. One line per system and obligation.
 */
@Component
public class DrillCoverage implements ObligationRecords {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final RulePacks packs;

	private final Systems systems;

	private final SystemLevels levels;

	DrillCoverage(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, RulePacks packs, Systems systems,
			SystemLevels levels) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.packs = packs;
		this.systems = systems;
		this.levels = levels;
	}

	public enum State {

		REQUIRED, MET, OVERDUE;

		public String code() {
			return DrillCodes.code(this);
		}

		public static State of(@Nullable String word) {
			return DrillCodes.parse(State.class, word, "state", "drill.coverage.state.unknown");
		}

	}

	/** A system's standing on one drill obligation. */
	public record Line(long systemId, String code, String name, long agencyId, int level, String obligationId,
			String obligation, LocalDate periodFrom, @Nullable LocalDate lastLiveOn, boolean met) {
	}

	/** One agency's counts, rolled up over its subtree in the caller's scope. */
	public record Counts(long required, long met) {

		public long overdue() {
			return required - met;
		}

		public @Nullable Double ratio() {
			return required == 0 ? null : (double) met / required;
		}

	}

	/** The drill obligations of the pack in force today, none without a pack. */
	public List<RulePack.Obligation> obligations(LocalDate today) {
		return packs.inForce(today)
			.map(p -> p.obligations().stream().filter(o -> o.kind() == RulePack.ObligationKind.DRILL).toList())
			.orElse(List.of());
	}

	/**
	 * A page of lines, by agency and system code, for the agency's subtree (or the
	 * caller's whole scope) in the state asked for (all required ones by default); an
	 * agency outside the caller's scope has none.
	 */
	public PageResult<Line> list(@Nullable Long agencyId, @Nullable State state, PageQuery page) {
		page.orderBy(Map.of(), "");
		LocalDate today = LocalDate.now(Formats.ZONE);
		List<RulePack.Obligation> obligations = obligations(today);
		List<Line> lines = new ArrayList<>();
		if (!obligations.isEmpty()) {
			AgencyScope scope = currentUser.scope();
			List<InformationSystem> owned = systems
				.export(new Systems.Filter(null, agencyId, null, null, null, null, null, null, null, true),
						PageQuery.of(0, 1, "code"))
				.stream()
				.filter(s -> s.lifecycle() != SystemLifecycle.RETIRED && s.securityLevelApproved() != null
						&& scope.includes(s.ownerAgencyId()))
				.toList();
			Map<Long, LocalDate> held = lastHeld(owned.stream().map(InformationSystem::id).toList());
			for (InformationSystem s : owned) {
				for (RulePack.Obligation o : obligations) {
					if (o.covers(s.securityLevelApproved())) {
						LocalDate from = o.periodFrom(today);
						LocalDate last = held.get(s.id());
						boolean met = last != null && !last.isBefore(from);
						if (state == null || state == State.REQUIRED || (state == State.MET) == met) {
							lines.add(new Line(s.id(), s.code(), s.name(), s.ownerAgencyId(), s.securityLevelApproved(),
									o.id(), o.title(), from, last, met));
						}
					}
				}
			}
		}
		lines
			.sort(Comparator.comparingLong(Line::agencyId).thenComparing(Line::code).thenComparing(Line::obligationId));
		int from = (int) Math.min(lines.size(), page.offset());
		int to = Math.min(lines.size(), from + page.size());
		return new PageResult<>(List.copyOf(lines.subList(from, to)), page.page(), page.size(), lines.size());
	}

	/**
	 * Each agency's counts over its subtree in the caller's scope: required from the
	 * inventory's read model of levels, met from the systems a live-fire run reached in
	 * the period (a few), each checked as the list checks it.
	 */
	public Map<Long, Counts> counts(Collection<Long> agencyIds) {
		LocalDate today = LocalDate.now(Formats.ZONE);
		List<RulePack.Obligation> obligations = obligations(today);
		AgencyScope scope = currentUser.scope();
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		Set<Long> union = new HashSet<>();
		for (Long id : agencyIds) {
			Set<Long> subtree = new HashSet<>(hierarchy.selfAndDescendants(id));
			subtree.add(id);
			subtree.removeIf(a -> !scope.includes(a));
			subtrees.put(id, subtree);
			union.addAll(subtree);
		}
		Map<Long, Counts> result = new LinkedHashMap<>();
		if (obligations.isEmpty() || union.isEmpty()) {
			subtrees.keySet().forEach(id -> result.put(id, new Counts(0, 0)));
			return result;
		}
		// required: per agency, the systems at each level, once for each obligation
		// covering it
		Map<Long, Long> required = new HashMap<>();
		for (SystemLevels.Count c : levels.inScope()) {
			if (union.contains(c.agencyId())) {
				long n = obligations.stream().filter(o -> o.covers(c.approvedLevel())).count();
				required.merge(c.agencyId(), n * c.systems(), Long::sum);
			}
		}
		// met: per agency, the systems a live-fire run reached in the period that still
		// owe it
		LocalDate earliest = obligations.stream().map(o -> o.periodFrom(today)).min(LocalDate::compareTo).orElseThrow();
		Map<Long, LocalDate> candidates = new HashMap<>();
		List<Long> ids = new ArrayList<>(union);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			jdbc.sql("SELECT system_id, last_live_on FROM drill_system_held WHERE agency_id IN (:ids)"
					+ " AND last_live_on >= :from")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.param("from", java.sql.Date.valueOf(earliest))
				.query(rs -> {
					candidates.put(rs.getLong(1), rs.getDate(2).toLocalDate());
				});
		}
		Map<Long, Long> met = new HashMap<>();
		levels.approvedInUse(candidates.keySet()).forEach((systemId, s) -> {
			LocalDate last = candidates.get(systemId);
			if (union.contains(s.agencyId())) {
				long n = obligations.stream()
					.filter(o -> o.covers(s.approvedLevel()) && !last.isBefore(o.periodFrom(today)))
					.count();
				met.merge(s.agencyId(), n, Long::sum);
			}
		});
		subtrees.forEach((id, subtree) -> {
			long r = 0;
			long m = 0;
			for (Long a : subtree) {
				r += required.getOrDefault(a, 0L);
				m += met.getOrDefault(a, 0L);
			}
			result.put(id, new Counts(r, m));
		});
		return result;
	}

	@Override
	public boolean answers(RulePack.Obligation obligation) {
		return obligation.kind() == RulePack.ObligationKind.DRILL && !obligation.ofOrganisation();
	}

	@Override
	public String list(RulePack.Obligation obligation, String state) {
		return "/drills/coverage?state=" + State.of(state).code();
	}

	/** The compliance overview's figure: the systems in scope that owe it and had it. */
	@Override
	public Standing standing(RulePack.Obligation obligation, LocalDate today) {
		LocalDate from = obligation.periodFrom(today);
		AgencyScope scope = currentUser.scope();
		SystemLevels.Tally tally = levels.tally(obligation::covers,
				scope.bind(jdbc.sql("SELECT system_id FROM drill_system_held h WHERE " + scope.filter("h.agency_id")
						+ " AND h.last_live_on >= :from"))
					.param("from", java.sql.Date.valueOf(from)));
		return new Standing(tally.required(), tally.met());
	}

	private Map<Long, LocalDate> lastHeld(List<Long> systemIds) {
		Map<Long, LocalDate> held = new HashMap<>();
		for (int i = 0; i < systemIds.size(); i += CHUNK) {
			jdbc.sql("SELECT system_id, last_live_on FROM drill_system_held WHERE system_id IN (:ids)")
				.param("ids", systemIds.subList(i, Math.min(systemIds.size(), i + CHUNK)))
				.query(rs -> {
					held.put(rs.getLong(1), rs.getDate(2).toLocalDate());
				});
		}
		return held;
	}

}
