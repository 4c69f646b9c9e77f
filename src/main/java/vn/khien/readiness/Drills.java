package vn.khien.readiness;

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

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Reads of drills, their runs and actions, within the caller's scope: an agency officer
 * sees a drill their agency subtree organises, takes part in or targets, and the actions
 * their subtree owns.
 */
@Component
public class Drills {

	/** Counting stops here: the page says more than that. */
	public static final int COUNT_CAP = 10_000;

	static final String COLUMNS = """
			p.id, p.agency_id, p.kind, p.title, p.scenario, p.scheduled_on, p.status, p.created_by, p.created_at,
			p.status_at, p.version""";

	static final String ACTION_COLUMNS = """
			a.id, a.weakness_id, a.drill_id, a.agency_id, a.owner_name, a.due_on, a.status, a.status_by, a.status_at,
			a.status_note, a.version, w.category, w.severity, w.description""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	Drills(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
	}

	/**
	 * @param agencyId drills this agency or one below it organises, takes part in or
	 * targets
	 */
	public record Filter(@Nullable Long agencyId, @Nullable DrillKind kind, @Nullable Integer year,
			@Nullable DrillStatus status) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	/**
	 * @param agencyId actions this agency or one below it owns
	 */
	public record ActionFilter(@Nullable Long agencyId, @Nullable DrillActionStatus status, @Nullable Long drillId) {
	}

	public Drill get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("drill", id));
	}

	public Optional<Drill> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM drill_plan p WHERE p.id = :id AND " + visible(scope))
				.param("id", id))
			.query(this::plan)
			.optional()
			.map(this::withParts);
	}

	/** A page of drills, the latest scheduled first; the total is capped. */
	public PageResult<Drill> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		page.orderBy(Map.of(), "");
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add(visible(scope));
		if (filter.agencyId() != null) {
			where.add(involving("(:within)"));
			params.put("within", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.kind() != null) {
			where.add("p.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.year() != null) {
			where.add("p.drill_year = :year");
			params.put("year", filter.year());
		}
		if (filter.status() != null) {
			where.add("p.status = :status");
			params.put("status", filter.status().name());
		}
		String condition = String.join(" AND ", where);
		List<Drill> items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM drill_plan p WHERE " + condition
					+ " ORDER BY p.scheduled_on DESC, p.id DESC LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::plan)
			.list();
		items = withParts(items);
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM drill_plan p WHERE " + condition
				+ " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	/** The drill's runs, the latest first, each with its weaknesses. */
	public List<DrillRun> runs(long drillId) {
		get(drillId);
		Map<Long, List<DrillRun.Weakness>> weaknesses = new HashMap<>();
		jdbc.sql("SELECT id, run_id, category, severity, description FROM drill_weakness WHERE drill_id = :d"
				+ " ORDER BY id")
			.param("d", drillId)
			.query(rs -> {
				weaknesses.computeIfAbsent(rs.getLong("run_id"), k -> new ArrayList<>())
					.add(new DrillRun.Weakness(rs.getLong("id"), WeaknessCategory.valueOf(rs.getString("category")),
							rs.getString("severity"), rs.getString("description")));
			});
		return jdbc.sql("""
				SELECT id, drill_id, held_on, timeline, prevented, minutes_to_detect, minutes_to_respond, created_by,
				  created_at FROM drill_run WHERE drill_id = :d ORDER BY held_on DESC, id DESC LIMIT 100""")
			.param("d", drillId)
			.query((rs, n) -> new DrillRun(rs.getLong("id"), rs.getLong("drill_id"),
					rs.getDate("held_on").toLocalDate(), rs.getString("timeline"), rs.getBoolean("prevented"),
					integer(rs, "minutes_to_detect"), integer(rs, "minutes_to_respond"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(), weaknesses.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public DrillAction action(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc
				.sql("SELECT " + ACTION_COLUMNS + " FROM drill_action a JOIN drill_weakness w ON w.id = a.weakness_id"
						+ " WHERE a.id = :id AND " + scope.filter("a.agency_id"))
				.param("id", id))
			.query(Drills::action)
			.optional()
			.orElseThrow(() -> new NotFoundException("drill action", id));
	}

	/** A page of actions, the nearest deadline first; the total is capped. */
	public PageResult<DrillAction> actions(ActionFilter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		page.orderBy(Map.of(), "");
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> where = new ArrayList<>();
		where.add(scope.filter("a.agency_id"));
		if (filter.agencyId() != null) {
			where.add("a.agency_id IN (:within)");
			params.put("within", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.status() != null) {
			where.add("a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.drillId() != null) {
			where.add("a.drill_id = :drill");
			params.put("drill", filter.drillId());
		}
		String condition = String.join(" AND ", where);
		List<DrillAction> items = scope
			.bind(jdbc
				.sql("SELECT " + ACTION_COLUMNS + " FROM drill_action a JOIN drill_weakness w ON w.id = a.weakness_id"
						+ " WHERE " + condition + " ORDER BY a.due_on, a.id LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Drills::action)
			.list();
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM drill_action a WHERE " + condition
				+ " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	/** The action's moves, newest first. */
	public List<DrillAction.Event> history(long actionId) {
		action(actionId);
		return jdbc.sql("""
				SELECT at, actor, from_status, to_status, note FROM drill_action_event WHERE action_id = :id
				ORDER BY at DESC, id DESC LIMIT 50""")
			.param("id", actionId)
			.query((rs, n) -> new DrillAction.Event(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					DrillActionStatus.valueOf(rs.getString("from_status")),
					DrillActionStatus.valueOf(rs.getString("to_status")), rs.getString("note")))
			.list();
	}

	/** Province-wide callers see every drill, an officer those involving their scope. */
	static String visible(AgencyScope scope) {
		return scope.unrestricted() ? "1=1"
				: "(" + scope.filter("p.agency_id") + " OR p.id IN (SELECT t.drill_id FROM drill_target t WHERE "
						+ scope.filter("t.agency_id")
						+ ") OR p.id IN (SELECT q.drill_id FROM drill_participant q WHERE "
						+ scope.filter("q.agency_id") + "))";
	}

	private static String involving(String in) {
		return "(p.agency_id IN " + in + " OR p.id IN (SELECT t.drill_id FROM drill_target t WHERE t.agency_id IN " + in
				+ ") OR p.id IN (SELECT q.drill_id FROM drill_participant q WHERE q.agency_id IN " + in + "))";
	}

	private Drill plan(ResultSet rs, int n) throws SQLException {
		return new Drill(rs.getLong("id"), rs.getLong("agency_id"), DrillKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("scenario"), rs.getDate("scheduled_on").toLocalDate(),
				DrillStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("status_at").toInstant(),
				rs.getInt("version"), List.of(), List.of());
	}

	/**
	 * The drills with their targets and participants, read in two queries for the page.
	 */
	private List<Drill> withParts(List<Drill> page) {
		if (page.isEmpty()) {
			return page;
		}
		List<Long> ids = page.stream().map(Drill::id).toList();
		Map<Long, List<Drill.Target>> targets = new HashMap<>();
		jdbc.sql("SELECT drill_id, system_id, database_name, agency_id FROM drill_target WHERE drill_id IN (:ids)"
				+ " ORDER BY id")
			.param("ids", ids)
			.query(rs -> {
				targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Drill.Target(rs.getLong(2), rs.getString(3), rs.getLong(4)));
			});
		Map<Long, List<Drill.Participant>> participants = new HashMap<>();
		jdbc.sql("SELECT drill_id, agency_id, person_name, person_role FROM drill_participant WHERE drill_id IN (:ids)"
				+ " ORDER BY id")
			.param("ids", ids)
			.query(rs -> {
				participants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Drill.Participant(rs.getLong(2), rs.getString(3), rs.getString(4)));
			});
		return page.stream()
			.map(d -> new Drill(d.id(), d.agencyId(), d.kind(), d.title(), d.scenario(), d.scheduledOn(), d.status(),
					d.createdBy(), d.createdAt(), d.statusAt(), d.version(), targets.getOrDefault(d.id(), List.of()),
					participants.getOrDefault(d.id(), List.of())))
			.toList();
	}

	private Drill withParts(Drill d) {
		List<Drill.Target> targets = jdbc
			.sql("SELECT system_id, database_name, agency_id FROM drill_target WHERE drill_id = :d ORDER BY id")
			.param("d", d.id())
			.query((rs, n) -> new Drill.Target(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list();
		List<Drill.Participant> participants = jdbc
			.sql("SELECT agency_id, person_name, person_role FROM drill_participant WHERE drill_id = :d ORDER BY id")
			.param("d", d.id())
			.query((rs, n) -> new Drill.Participant(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		return new Drill(d.id(), d.agencyId(), d.kind(), d.title(), d.scenario(), d.scheduledOn(), d.status(),
				d.createdBy(), d.createdAt(), d.statusAt(), d.version(), targets, participants);
	}

	static DrillAction action(ResultSet rs, int n) throws SQLException {
		return new DrillAction(rs.getLong("id"), rs.getLong("weakness_id"), rs.getLong("drill_id"),
				rs.getLong("agency_id"), rs.getString("owner_name"), rs.getDate("due_on").toLocalDate(),
				DrillActionStatus.valueOf(rs.getString("status")), rs.getString("status_by"),
				rs.getTimestamp("status_at").toInstant(), rs.getString("status_note"), rs.getInt("version"),
				WeaknessCategory.valueOf(rs.getString("category")), rs.getString("severity"),
				rs.getString("description"));
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

}
