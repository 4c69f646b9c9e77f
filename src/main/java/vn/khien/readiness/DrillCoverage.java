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
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.law.TimeLimit;
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
public class DrillCoverage {

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
	 * The first day of the obligation's period that ends today: whole calendar years for
	 * a duty counted in years, the span back from today otherwise.
	 */
	public static LocalDate periodFrom(RulePack.Obligation o, LocalDate today) {
		TimeLimit every = o.every();
		if (every == null || every.amount() == null || every.unit() == TimeLimit.Unit.YEARS) {
			int years = every == null || every.amount() == null ? 1 : Math.max(1, every.amount());
			return LocalDate.of(today.getYear() - years + 1, 1, 1);
		}
		int n = every.amount();
		return switch (every.unit()) {
			case MONTHS -> today.minusMonths(n).plusDays(1);
			case DAYS, WORKING_DAYS -> today.minusDays(n).plusDays(1);
			case HOURS -> today;
			case YEARS -> LocalDate.of(today.getYear() - n + 1, 1, 1);
		};
	}

	static boolean covers(RulePack.Obligation o, int level) {
		return level > 0 && (o.levels().isEmpty() || o.levels().contains(level));
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
					if (covers(o, s.securityLevelApproved())) {
						LocalDate from = periodFrom(o, today);
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
				long n = obligations.stream().filter(o -> covers(o, c.approvedLevel())).count();
				required.merge(c.agencyId(), n * c.systems(), Long::sum);
			}
		}
		// met: per agency, the systems a live-fire run reached in the period that still
		// owe it
		LocalDate earliest = obligations.stream()
			.map(o -> periodFrom(o, today))
			.min(LocalDate::compareTo)
			.orElseThrow();
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
		candidates.forEach((systemId, last) -> systems.find(systemId).ifPresent(s -> {
			Integer level = s.securityLevelApproved();
			if (level != null && s.lifecycle() != SystemLifecycle.RETIRED && union.contains(s.ownerAgencyId())) {
				long n = obligations.stream()
					.filter(o -> covers(o, level) && !last.isBefore(periodFrom(o, today)))
					.count();
				met.merge(s.ownerAgencyId(), n, Long::sum);
			}
		}));
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
