package vn.khien.compliance;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.khien.inventory.SystemLevels;
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.law.TimeLimit;
import vn.khien.platform.AgencyDirectory;

/**
 * The province's standing under the pack in force: the share of systems in use with an
 * approved level against the pack's target, per owner agency and for the caller's whole
 * scope (from the inventory's read model), and the pack's obligations with the systems
 * they apply to and when each report is next due.
 */
@Service
public class ComplianceOverview {

	private final RulePacks packs;

	private final SystemLevels levels;

	private final AgencyDirectory directory;

	private final List<ObligationRecords> records;

	ComplianceOverview(RulePacks packs, SystemLevels levels, AgencyDirectory directory,
			List<ObligationRecords> records) {
		this.packs = packs;
		this.records = records;
		this.levels = levels;
		this.directory = directory;
	}

	public record Share(long systems, long approved, @Nullable Double share, Map<Integer, Long> byLevel) {

		static Share of(Map<Integer, Long> byLevel) {
			long systems = byLevel.values().stream().mapToLong(Long::longValue).sum();
			long approved = systems - byLevel.getOrDefault(0, 0L);
			return new Share(systems, approved, systems == 0 ? null : (double) approved / systems, byLevel);
		}

	}

	public record AgencyShare(long agencyId, String name, Share levels) {
	}

	public record Target(int percent, @Nullable LocalDate by, String citation, String status) {
	}

	/**
	 * An obligation of the pack: how many systems in scope it applies to (by their
	 * approved level), and for reports the next due date. {@code tracked} when a module
	 * holds the records that show it met (scans, drills, assessments, inspections): then
	 * {@code required} systems (or, for a duty of the organisation, agencies) owe it in
	 * the period that ends on the overview's date, {@code met} of them did it and
	 * {@code overdue} did not; null otherwise (reports, a duty without a period, another
	 * date than today). {@code metList} and {@code overdueList}: the pages listing them,
	 * where the module has one.
	 */
	public record ObligationDue(String id, RulePack.ObligationKind kind, String title, List<Integer> levels,
			@Nullable TimeLimit every, @Nullable LocalDate nextDue, long systems, String citation, String status,
			@Nullable String note, boolean tracked, boolean ofOrganisation, @Nullable LocalDate periodFrom,
			@Nullable Long required, @Nullable Long met, @Nullable Long overdue, @Nullable String metList,
			@Nullable String overdueList) {
	}

	public record Overview(LocalDate date, String pack, String packTitle, @Nullable Target target, Share province,
			List<AgencyShare> agencies, List<ObligationDue> obligations) {
	}

	public Overview overview(LocalDate date) {
		RulePack pack = packs.requireInForce(date);
		Map<Long, Map<Integer, Long>> perAgency = new LinkedHashMap<>();
		Map<Integer, Long> total = new TreeMap<>();
		for (SystemLevels.Count c : levels.inScope()) {
			perAgency.computeIfAbsent(c.agencyId(), k -> new TreeMap<>())
				.merge(c.approvedLevel(), (long) c.systems(), Long::sum);
			total.merge(c.approvedLevel(), (long) c.systems(), Long::sum);
		}
		Map<Long, String> names = directory.labels(Set.copyOf(perAgency.keySet()));
		List<AgencyShare> agencies = new ArrayList<>();
		perAgency.forEach((id, byLevel) -> {
			Share share = Share.of(byLevel);
			if (share.systems() > 0) {
				agencies.add(new AgencyShare(id, names.getOrDefault(id, String.valueOf(id)), share));
			}
		});
		// the furthest from the target first
		agencies.sort(Comparator.comparingDouble((AgencyShare a) -> a.levels().share() == null ? 1 : a.levels().share())
			.thenComparing(a -> -a.levels().systems()));
		Target target = pack.target("approved-levels")
			.map(t -> new Target(t.percent(), t.by(), t.source().citation(), t.source().status().name()))
			.orElse(null);
		List<ObligationDue> obligations = new ArrayList<>();
		for (RulePack.Obligation o : pack.obligations()) {
			long systems = 0;
			for (Map.Entry<Integer, Long> e : total.entrySet()) {
				if (e.getKey() > 0 && (o.levels().isEmpty() || o.levels().contains(e.getKey()))) {
					systems += e.getValue();
				}
			}
			Optional<ObligationRecords> module = date.equals(today()) ? ObligationRecords.answering(records, o)
					: Optional.empty();
			Optional<ObligationRecords.Standing> standing = module.map(m -> m.standing(o, date));
			obligations.add(new ObligationDue(o.id(), o.kind(), o.title(), o.levels(), o.every(),
					o.due() == null ? null : nextDue(o.due(), date), systems, o.source().citation(),
					o.source().status().name(), o.source().note(), standing.isPresent(), o.ofOrganisation(),
					standing.isPresent() ? o.periodFrom(date) : null, standing.map(x -> x.required()).orElse(null),
					standing.map(x -> x.met()).orElse(null), standing.map(x -> x.overdue()).orElse(null),
					module.map(m -> m.list(o, "met")).orElse(null),
					module.map(m -> m.list(o, "overdue")).orElse(null)));
		}
		return new Overview(date, pack.id(), pack.title(), target, Share.of(total), agencies, obligations);
	}

	private static LocalDate today() {
		return AssessmentManagement.today();
	}

	static LocalDate nextDue(MonthDay due, LocalDate from) {
		LocalDate thisYear = due.atYear(from.getYear());
		return thisYear.isBefore(from) ? due.atYear(from.getYear() + 1) : thisYear;
	}

}
