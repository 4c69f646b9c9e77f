package vn.khien.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Reads of plans, their targets and their coverage, within the caller's scope: an agency
 * officer sees a plan that targets an agency in their scope, and only those targets.
 */
@Component
public class InspectionPlans {

	/** Counting stops here: the page says more than that. */
	public static final int COUNT_CAP = 10_000;

	/** Most targets one plan has (the province has some 800 agencies). */
	public static final int MAX_TARGETS = 1_000;

	static final String COLUMNS = """
			p.id, p.plan_year, p.kind, p.title, p.inspecting_agency_id, p.status, p.created_by, p.created_at,
			p.status_at, p.version""";

	private static final Map<String, String> SORTS = Map.of("year", "p.plan_year");

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	InspectionPlans(JdbcClient jdbc, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
	}

	/**
	 * @param agencyId plans that target this agency
	 */
	public record Filter(@Nullable Integer year, @Nullable PlanStatus status, @Nullable PlanKind kind,
			@Nullable Long agencyId) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	/**
	 * A target as its plan lists it: its rounds in this plan and whether the year covered
	 * it.
	 */
	public record TargetLine(PlanTarget target, List<InspectionRound> rounds, boolean inspected) {
	}

	/** An active agency no plan of the year targets. */
	public record Untargeted(long agencyId, String code, String name) {
	}

	/**
	 * The plan's coverage in its year: its targets (in scope) not yet inspected, and the
	 * active agencies (in scope) that no plan of the year targets, a page of them.
	 */
	public record Coverage(int year, long targets, long inspected, List<PlanTarget> notInspected,
			PageResult<Untargeted> untargeted) {
	}

	public InspectionPlan get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("inspection plan", id));
	}

	public Optional<InspectionPlan> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM inspection_plan p WHERE p.id = :id AND " + visible(scope))
				.param("id", id))
			.query(InspectionPlans::map)
			.optional();
	}

	/**
	 * A page of plans, the newest year first unless sorted otherwise; the total is
	 * capped.
	 */
	public PageResult<InspectionPlan> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String order = page.orderBy(SORTS, "p.plan_year DESC");
		String dir = order.endsWith("ASC") ? " ASC" : " DESC";
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add(visible(scope));
		if (filter.year() != null) {
			where.add("p.plan_year = :year");
			params.put("year", filter.year());
		}
		if (filter.status() != null) {
			where.add("p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.kind() != null) {
			where.add("p.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.agencyId() != null) {
			where.add("p.id IN (SELECT a.plan_id FROM inspection_target a WHERE a.agency_id = :agency)");
			params.put("agency", filter.agencyId());
		}
		String condition = String.join(" AND ", where);
		List<InspectionPlan> items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM inspection_plan p WHERE " + condition + " ORDER BY " + order
					+ ", p.id" + dir + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(InspectionPlans::map)
			.list();
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM inspection_plan p WHERE " + condition
				+ " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	/**
	 * A page of the plan's targets in the caller's scope, by planned date, each with its
	 * rounds in this plan and whether any completed round covered it this year.
	 */
	public PageResult<TargetLine> targets(long planId, PageQuery page) {
		InspectionPlan plan = get(planId);
		page.orderBy(Map.of(), "");
		AgencyScope scope = currentUser.scope();
		List<PlanTarget> targets = scope.bind(jdbc
			.sql("SELECT t.plan_id, t.agency_id, t.planned_from, t.planned_to"
					+ " FROM inspection_target t WHERE t.plan_id = :plan AND " + scope.filter("t.agency_id")
					+ " ORDER BY t.planned_from, t.agency_id LIMIT :limit OFFSET :offset")
			.param("plan", planId)
			.param("limit", page.size())
			.param("offset", page.offset())).query(InspectionPlans::target).list();
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM inspection_target t WHERE t.plan_id = :plan AND "
					+ scope.filter("t.agency_id"))
				.param("plan", planId))
			.query(Long.class)
			.single();
		List<TargetLine> lines = new ArrayList<>();
		if (!targets.isEmpty()) {
			List<Long> agencies = targets.stream().map(PlanTarget::agencyId).toList();
			Map<Long, List<InspectionRound>> rounds = new LinkedHashMap<>();
			jdbc.sql("SELECT " + InspectionRounds.COLUMNS + " FROM inspection_round r WHERE r.plan_id = :plan"
					+ " AND r.agency_id IN (:agencies) ORDER BY r.starts_on, r.id")
				.param("plan", planId)
				.param("agencies", agencies)
				.query(InspectionRounds::map)
				.list()
				.forEach(r -> rounds.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r));
			Map<Long, Integer> completed = completedRounds(plan.year(), agencies);
			for (PlanTarget t : targets) {
				lines.add(new TargetLine(t, rounds.getOrDefault(t.agencyId(), List.of()),
						completed.getOrDefault(t.agencyId(), 0) > 0));
			}
		}
		return new PageResult<>(lines, page.page(), page.size(), total);
	}

	/** Whether the plan targets the agency (not scoped: check the plan first). */
	public Optional<PlanTarget> target(long planId, long agencyId) {
		return jdbc
			.sql("SELECT plan_id, agency_id, planned_from, planned_to FROM inspection_target"
					+ " WHERE plan_id = :plan AND agency_id = :agency")
			.param("plan", planId)
			.param("agency", agencyId)
			.query(InspectionPlans::target)
			.optional();
	}

	/**
	 * Which of the plan's targets no completed round (of any plan) inspected in its year,
	 * and which active agencies no plan of that year targets, from the read model of
	 * coverage.
	 */
	public Coverage coverage(long planId, PageQuery page) {
		InspectionPlan plan = get(planId);
		page.orderBy(Map.of(), "");
		AgencyScope scope = currentUser.scope();
		List<PlanTarget> notInspected = scope.bind(jdbc
			.sql("""
					SELECT t.plan_id, t.agency_id, t.planned_from, t.planned_to FROM inspection_target t
					LEFT JOIN inspection_agency_year y ON y.agency_id = t.agency_id AND y.plan_year = :year
					WHERE t.plan_id = :plan AND COALESCE(y.completed_rounds, 0) = 0 AND\s"""
					+ scope.filter("t.agency_id") + " ORDER BY t.planned_from, t.agency_id LIMIT " + MAX_TARGETS)
			.param("plan", planId)
			.param("year", plan.year())).query(InspectionPlans::target).list();
		long targets = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM inspection_target t WHERE t.plan_id = :plan AND "
					+ scope.filter("t.agency_id"))
				.param("plan", planId))
			.query(Long.class)
			.single();
		String untargeted = " FROM agency a WHERE a.status = 'ACTIVE' AND " + scope.filter("a.id")
				+ " AND NOT EXISTS (SELECT 1 FROM inspection_agency_year y WHERE y.agency_id = a.id"
				+ " AND y.plan_year = :year AND y.targets > 0)";
		List<Untargeted> items = scope
			.bind(jdbc.sql("SELECT a.id, a.code, a.name" + untargeted + " ORDER BY a.code LIMIT :limit OFFSET :offset")
				.param("year", plan.year())
				.param("limit", page.size())
				.param("offset", page.offset()))
			.query((rs, n) -> new Untargeted(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
			.list();
		long counted = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1" + untargeted + " LIMIT " + (COUNT_CAP + 1) + ") c")
				.param("year", plan.year()))
			.query(Long.class)
			.single();
		return new Coverage(plan.year(), targets, targets - notInspected.size(), notInspected, new PageResult<>(items,
				page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP, null));
	}

	private Map<Long, Integer> completedRounds(int year, List<Long> agencies) {
		Map<Long, Integer> completed = new HashMap<>();
		jdbc.sql("SELECT agency_id, completed_rounds FROM inspection_agency_year WHERE plan_year = :year"
				+ " AND agency_id IN (:agencies)")
			.param("year", year)
			.param("agencies", agencies)
			.query(rs -> {
				completed.put(rs.getLong("agency_id"), rs.getInt("completed_rounds"));
			});
		return completed;
	}

	/** Province-wide callers see every plan, an officer those that target their scope. */
	static String visible(AgencyScope scope) {
		return scope.unrestricted() ? "1=1"
				: "p.id IN (SELECT s.plan_id FROM inspection_target s WHERE " + scope.filter("s.agency_id") + ")";
	}

	static InspectionPlan map(ResultSet rs, int n) throws SQLException {
		return new InspectionPlan(rs.getLong("id"), rs.getInt("plan_year"), PlanKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getLong("inspecting_agency_id"), PlanStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("status_at").toInstant(), rs.getInt("version"));
	}

	static PlanTarget target(ResultSet rs, int n) throws SQLException {
		return new PlanTarget(rs.getLong("plan_id"), rs.getLong("agency_id"), rs.getDate("planned_from").toLocalDate(),
				rs.getDate("planned_to").toLocalDate());
	}

}
