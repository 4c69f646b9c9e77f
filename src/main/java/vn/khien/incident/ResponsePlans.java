package vn.khien.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.Role;

/**
 * Incident response plans (R6.3): one per information system, written by its owner
 * agency's officers or the province's operators and responders, with scenarios and each
 * scenario's playbook. A plan is drafted, then approved; a change after approval makes
 * the next version, the approved ones stay as they were. The plan is stale when its
 * system changed after the last review, read from the system's own change time in the
 * same query (the inventory publishes no event for a system's change).
 */
@Service
public class ResponsePlans {

	public static final int TITLE_MAX = 300;

	public static final int TEXT_MAX = 4000;

	public static final int SCENARIOS_MAX = 20;

	public static final int TASKS_MAX = 100;

	private static final int COUNT_CAP = 10_000;

	private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

	private static final String HEAD = """
			SELECT rp.id, rp.agency_id, rp.system_id, s.code AS system_code, s.name AS system_name, v.version, v.status,
			  v.title, v.summary, rp.latest_version, rp.approved_version, rp.reviewed_at, rp.reviewed_by,
			  s.updated_at AS system_updated_at, v.updated_by, v.updated_at
			FROM response_plan rp
			JOIN response_plan_version v ON v.plan_id = rp.id
			LEFT JOIN information_system s ON s.id = rp.system_id""";

	/** A plan whose system changed after its last review. */
	private static final String STALE = "(rp.reviewed_at IS NOT NULL AND s.updated_at IS NOT NULL AND s.updated_at > rp.reviewed_at)";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final Systems systems;

	private final AuditLog audit;

	ResponsePlans(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, Systems systems,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.systems = systems;
		this.audit = audit;
	}

	/**
	 * @param agencyId that agency and those below it
	 * @param stale true: only stale plans; false: only plans that are not
	 */
	public record Filter(@Nullable Long agencyId, @Nullable Long systemId, @Nullable Boolean stale) {

		public static Filter none() {
			return new Filter(null, null, null);
		}
	}

	/**
	 * What a version says: its title, a summary, the scenarios in order with their tasks
	 * in order (the tasks' positions are given by that order).
	 */
	public record Content(@Nullable String title, @Nullable String summary, List<ResponseScenario> scenarios) {
	}

	/** Plans in the caller's scope as their latest version reads, the newest first. */
	public PageResult<ResponsePlan> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String order = page.orderBy(Map.of("id", "rp.id", "updated", "v.updated_at", "system", "s.code"), "rp.id DESC");
		StringBuilder where = new StringBuilder(scope.filter("rp.agency_id"));
		Map<String, Object> params = new HashMap<>();
		if (filter.agencyId() != null) {
			Set<Long> within = hierarchy.selfAndDescendants(filter.agencyId());
			where.append(" AND rp.agency_id IN (:within)");
			params.put("within", within.isEmpty() ? Set.of(filter.agencyId()) : within);
		}
		if (filter.systemId() != null) {
			where.append(" AND rp.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.stale() != null) {
			where.append(filter.stale() ? " AND " + STALE : " AND NOT " + STALE);
		}
		String from = HEAD + " WHERE v.version = rp.latest_version AND " + where;
		var items = scope.bind(jdbc.sql(from + " ORDER BY " + order + " LIMIT :limit OFFSET :offset").params(params))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ResponsePlans::map)
			.list();
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM (" + from + " LIMIT " + (COUNT_CAP + 1) + ") c").params(params))
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/** The plan as its latest version reads, or 404 outside the caller's scope. */
	public ResponsePlan get(long id) {
		return withDetail(head(id, null));
	}

	/** One version of the plan, read-only once approved; 404 when there is no such. */
	public ResponsePlan version(long id, int version) {
		return withDetail(head(id, version));
	}

	/** The plan of the system, if it has one the caller may read. */
	public java.util.Optional<ResponsePlan> ofSystem(long systemId) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql(HEAD + " WHERE v.version = rp.latest_version AND rp.system_id = :system AND "
					+ scope.filter("rp.agency_id"))
				.param("system", systemId))
			.query(ResponsePlans::map)
			.optional();
	}

	/**
	 * The playbook of a scenario as the plan's approved version has it, the tasks in
	 * order, for a case to take its tasks from; 404 outside the caller's scope or for a
	 * scenario the approved version lacks, 409 while no version is approved.
	 */
	public List<PlaybookTask> playbook(long planId, String scenarioId) {
		ResponsePlan plan = head(planId, null);
		String scenario = scenarioId == null ? "" : scenarioId.trim().toLowerCase(Locale.ROOT);
		if (scenario.isEmpty()) {
			throw new InvalidInputException("scenario", "responsePlan.scenario.required");
		}
		if (plan.approvedVersion() == null) {
			throw InvalidInputException.conflict("scenario", "responsePlan.playbook.notApproved");
		}
		List<PlaybookTask> tasks = jdbc.sql("""
				SELECT seq, phase, title, description FROM response_plan_task
				WHERE plan_id = :id AND version = :v AND scenario_id = :s ORDER BY seq""")
			.param("id", planId)
			.param("v", plan.approvedVersion())
			.param("s", scenario)
			.query((rs, n) -> task(rs))
			.list();
		if (tasks.isEmpty()) {
			throw new NotFoundException("scenario", scenario);
		}
		return tasks;
	}

	/**
	 * Whether the caller may change the plan: the owner agency's officers, the province's
	 * operators and responders.
	 */
	public boolean mayEdit(ResponsePlan plan) {
		return mayEdit(plan.agencyId());
	}

	public boolean mayEdit(long agencyId) {
		return currentUser.mayEdit(agencyId) || currentUser.find().map(u -> u.has(Role.RESPONDER)).orElse(false);
	}

	/** Drafts the system's plan as version 1; one plan per system (409). */
	@Transactional
	public ResponsePlan create(long systemId, Content content) {
		InformationSystem system = systems.get(systemId);
		if (!mayEdit(system.ownerAgencyId())) {
			throw InvalidInputException.withStatus(403, "responsePlan.notEditor");
		}
		Content checked = check(content);
		if (ofSystemUnscoped(systemId)) {
			throw InvalidInputException.conflict("systemId", "responsePlan.create.exists", system.code());
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO response_plan (agency_id, system_id, latest_version, created_by, created_at, updated_at)
					VALUES (:agency, :system, 1, :by, :now, :now)""")
				.param("agency", system.ownerAgencyId())
				.param("system", systemId)
				.param("by", currentUser.name())
				.param("now", Timestamp.from(now))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			// NB: two drafts at once pass the check above; the unique index holds
			throw InvalidInputException.conflict("systemId", "responsePlan.create.exists", system.code());
		}
		long id = keys.getKeyAs(Number.class).longValue();
		insertVersion(id, 1, system.ownerAgencyId(), checked, now);
		ResponsePlan created = get(id);
		audit.record("RESPONSE_PLAN_CREATED", "response_plan", id, null, summary(created));
		return created;
	}

	/**
	 * Writes the plan: the latest version while it is a draft, else a new draft version
	 * after the approved one, which stays as it was. {@code baseVersion}, when given, is
	 * the version the writer started from: another version since answers 409.
	 */
	@Transactional
	public ResponsePlan update(long id, Content content, @Nullable Integer baseVersion) {
		ResponsePlan before = lockedEditable(id);
		Content checked = check(content);
		if (baseVersion != null && baseVersion != before.latestVersion()) {
			throw InvalidInputException.conflict("version", "responsePlan.version.moved", baseVersion,
					before.latestVersion());
		}
		Instant now = Instant.now();
		int version = before.latestVersion();
		if (before.status() == ResponsePlanStatus.DRAFT) {
			for (String table : List.of("response_plan_task", "response_scenario", "response_plan_version")) {
				jdbc.sql("DELETE FROM " + table + " WHERE plan_id = :id AND version = :v")
					.param("id", id)
					.param("v", version)
					.update();
			}
		}
		else {
			version++;
		}
		insertVersion(id, version, before.agencyId(), checked, now);
		jdbc.sql("UPDATE response_plan SET latest_version = :v, updated_at = :now WHERE id = :id")
			.param("v", version)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		followOwner(id, before.agencyId());
		ResponsePlan after = get(id);
		audit.record("RESPONSE_PLAN_UPDATED", "response_plan", id, summary(before), summary(after));
		return after;
	}

	/**
	 * Approves the latest version when it is a draft, or, when it is approved already,
	 * records a new review of it (the system changed and the plan still holds). Either
	 * way the plan is no longer stale.
	 */
	@Transactional
	public ResponsePlan approve(long id) {
		ResponsePlan before = lockedEditable(id);
		Instant now = Instant.now();
		boolean draft = before.status() == ResponsePlanStatus.DRAFT;
		if (draft) {
			jdbc.sql("""
					UPDATE response_plan_version SET status = 'APPROVED', approved_by = :by, approved_at = :now
					WHERE plan_id = :id AND version = :v""")
				.param("by", currentUser.name())
				.param("now", Timestamp.from(now))
				.param("id", id)
				.param("v", before.latestVersion())
				.update();
		}
		jdbc.sql("""
				UPDATE response_plan SET approved_version = :v, reviewed_at = :now, reviewed_by = :by, updated_at = :now
				WHERE id = :id""")
			.param("v", before.latestVersion())
			.param("now", Timestamp.from(now))
			.param("by", currentUser.name())
			.param("id", id)
			.update();
		followOwner(id, before.agencyId());
		ResponsePlan after = get(id);
		audit.record(draft ? "RESPONSE_PLAN_APPROVED" : "RESPONSE_PLAN_REVIEWED", "response_plan", id, summary(before),
				summary(after));
		return after;
	}

	/** Checks and trims a version's content; field names as the API's body has them. */
	static Content check(Content content) {
		String title = text("title", content.title(), TITLE_MAX);
		if (title == null) {
			throw new InvalidInputException("title", "responsePlan.title.required");
		}
		String summary = text("summary", content.summary(), TEXT_MAX);
		List<ResponseScenario> scenarios = content.scenarios() == null ? List.of() : content.scenarios();
		if (scenarios.isEmpty()) {
			throw new InvalidInputException("scenarios", "responsePlan.scenarios.required");
		}
		if (scenarios.size() > SCENARIOS_MAX) {
			throw new InvalidInputException("scenarios", "responsePlan.scenarios.tooMany", SCENARIOS_MAX);
		}
		List<ResponseScenario> checked = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < scenarios.size(); i++) {
			ResponseScenario s = scenarios.get(i);
			String at = "scenarios[" + i + "]";
			if (s == null) {
				throw new InvalidInputException(at, "responsePlan.scenario.empty");
			}
			String id = s.id() == null ? "" : s.id().trim().toLowerCase(Locale.ROOT);
			if (id.isEmpty()) {
				throw new InvalidInputException(at + ".id", "responsePlan.scenario.required");
			}
			if (!SCENARIO_ID.matcher(id).matches()) {
				throw new InvalidInputException(at + ".id", "responsePlan.scenario.idFormat",
						id.length() > 40 ? id.substring(0, 40) + "…" : id);
			}
			if (!ids.add(id)) {
				throw new InvalidInputException(at + ".id", "responsePlan.scenario.duplicate", id);
			}
			String scenarioTitle = text(at + ".title", s.title(), TITLE_MAX);
			if (scenarioTitle == null) {
				throw new InvalidInputException(at + ".title", "responsePlan.scenario.titleRequired");
			}
			List<PlaybookTask> tasks = s.tasks() == null ? List.of() : s.tasks();
			if (tasks.isEmpty()) {
				throw new InvalidInputException(at + ".tasks", "responsePlan.scenario.empty");
			}
			if (tasks.size() > TASKS_MAX) {
				throw new InvalidInputException(at + ".tasks", "responsePlan.tasks.tooMany", TASKS_MAX);
			}
			List<PlaybookTask> checkedTasks = new ArrayList<>();
			for (int j = 0; j < tasks.size(); j++) {
				PlaybookTask t = tasks.get(j);
				String tat = at + ".tasks[" + j + "]";
				if (t == null || t.phase() == null) {
					throw new InvalidInputException(tat + ".phase", "responsePlan.task.phase");
				}
				String taskTitle = text(tat + ".title", t.title(), TITLE_MAX);
				if (taskTitle == null) {
					throw new InvalidInputException(tat + ".title", "responsePlan.task.titleRequired");
				}
				checkedTasks.add(new PlaybookTask(j + 1, t.phase(), taskTitle,
						text(tat + ".description", t.description(), TEXT_MAX)));
			}
			checked.add(new ResponseScenario(id, scenarioTitle, checkedTasks));
		}
		return new Content(title, summary, checked);
	}

	private static @Nullable String text(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new InvalidInputException(field, "responsePlan.text.tooLong", max);
		}
		return v;
	}

	private void insertVersion(long id, int version, long agencyId, Content content, Instant now) {
		jdbc.sql("""
				INSERT INTO response_plan_version (plan_id, version, agency_id, status, title, summary, updated_by,
				  updated_at) VALUES (:id, :v, :agency, 'DRAFT', :title, :summary, :by, :now)""")
			.param("id", id)
			.param("v", version)
			.param("agency", agencyId)
			.param("title", content.title())
			.param("summary", content.summary())
			.param("by", currentUser.name())
			.param("now", Timestamp.from(now))
			.update();
		int position = 0;
		for (ResponseScenario s : content.scenarios()) {
			jdbc.sql("""
					INSERT INTO response_scenario (plan_id, version, scenario_id, agency_id, seq, title)
					VALUES (:id, :v, :s, :agency, :seq, :title)""")
				.param("id", id)
				.param("v", version)
				.param("s", s.id())
				.param("agency", agencyId)
				.param("seq", ++position)
				.param("title", s.title())
				.update();
			for (PlaybookTask t : s.tasks()) {
				jdbc.sql("""
						INSERT INTO response_plan_task (plan_id, version, scenario_id, seq, agency_id, phase, title,
						  description) VALUES (:id, :v, :s, :seq, :agency, :phase, :title, :description)""")
					.param("id", id)
					.param("v", version)
					.param("s", s.id())
					.param("seq", t.position())
					.param("agency", agencyId)
					.param("phase", t.phase().name())
					.param("title", t.title())
					.param("description", t.description())
					.update();
			}
		}
	}

	/**
	 * A system given to another owner takes its plan along once the plan is next written
	 * or reviewed: the inventory tells no one of the change.
	 */
	private void followOwner(long id, long agencyId) {
		Long owner = jdbc
			.sql("SELECT s.owner_agency_id FROM information_system s JOIN response_plan rp ON rp.system_id = s.id"
					+ " WHERE rp.id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (owner != null && owner != agencyId) {
			for (String table : List.of("response_plan", "response_plan_version", "response_scenario",
					"response_plan_task")) {
				jdbc.sql("UPDATE " + table + " SET agency_id = :owner WHERE "
						+ (table.equals("response_plan") ? "id" : "plan_id") + " = :id")
					.param("owner", owner)
					.param("id", id)
					.update();
			}
		}
	}

	private boolean ofSystemUnscoped(long systemId) {
		return jdbc.sql("SELECT COUNT(*) FROM response_plan WHERE system_id = :s")
			.param("s", systemId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The plan's row locked for a change, the caller allowed to make it: 404 outside the
	 * scope, 403 for a reader.
	 */
	private ResponsePlan lockedEditable(long id) {
		AgencyScope scope = currentUser.scope();
		boolean found = !scope
			.bind(jdbc.sql("SELECT rp.id FROM response_plan rp WHERE rp.id = :id AND " + scope.filter("rp.agency_id")
					+ " FOR UPDATE")
				.param("id", id))
			.query(Long.class)
			.list()
			.isEmpty();
		if (!found) {
			throw new NotFoundException("response plan", id);
		}
		ResponsePlan plan = head(id, null);
		if (!mayEdit(plan)) {
			throw InvalidInputException.withStatus(403, "responsePlan.notEditor");
		}
		return plan;
	}

	private ResponsePlan head(long id, @Nullable Integer version) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc
				.sql(HEAD + " WHERE rp.id = :id AND v.version = " + (version == null ? "rp.latest_version" : ":v")
						+ " AND " + scope.filter("rp.agency_id"))
				.param("id", id)
				.params(version == null ? Map.of() : Map.of("v", version)))
			.query(ResponsePlans::map)
			.optional()
			.orElseThrow(() -> version == null ? new NotFoundException("response plan", id)
					: new NotFoundException("response plan version", id + "/" + version));
	}

	private ResponsePlan withDetail(ResponsePlan head) {
		Map<String, List<PlaybookTask>> tasks = new HashMap<>();
		jdbc.sql("""
				SELECT scenario_id, seq, phase, title, description FROM response_plan_task
				WHERE plan_id = :id AND version = :v ORDER BY scenario_id, seq""")
			.param("id", head.id())
			.param("v", head.version())
			.query(rs -> {
				tasks.computeIfAbsent(rs.getString("scenario_id"), k -> new ArrayList<>()).add(task(rs));
			});
		List<ResponseScenario> scenarios = jdbc
			.sql("SELECT scenario_id, title FROM response_scenario WHERE plan_id = :id AND version = :v ORDER BY seq")
			.param("id", head.id())
			.param("v", head.version())
			.query((rs, n) -> new ResponseScenario(rs.getString(1), rs.getString(2),
					tasks.getOrDefault(rs.getString(1), List.of())))
			.list();
		List<ResponsePlan.Version> versions = jdbc.sql("""
				SELECT version, status, updated_by, updated_at, approved_by, approved_at FROM response_plan_version
				WHERE plan_id = :id ORDER BY version DESC""")
			.param("id", head.id())
			.query((rs, n) -> new ResponsePlan.Version(rs.getInt(1), ResponsePlanStatus.valueOf(rs.getString(2)),
					rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), instant(rs, "approved_at")))
			.list();
		return new ResponsePlan(head.id(), head.agencyId(), head.systemId(), head.systemCode(), head.systemName(),
				head.version(), head.status(), head.title(), head.summary(), head.latestVersion(),
				head.approvedVersion(), head.reviewedAt(), head.reviewedBy(), head.stale(), head.systemUpdatedAt(),
				head.updatedBy(), head.updatedAt(), scenarios, versions);
	}

	private static PlaybookTask task(ResultSet rs) throws SQLException {
		return new PlaybookTask(rs.getInt("seq"), IncidentPhase.valueOf(rs.getString("phase")), rs.getString("title"),
				rs.getString("description"));
	}

	private static Map<String, Object> summary(ResponsePlan p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("systemId", p.systemId());
		m.put("agencyId", p.agencyId());
		m.put("version", p.version());
		m.put("status", p.status().code());
		m.put("title", p.title());
		m.put("scenarios", p.scenarios().stream().map(ResponseScenario::id).toList());
		m.put("tasks", p.scenarios().stream().mapToInt(s -> s.tasks().size()).sum());
		if (p.approvedVersion() != null) {
			m.put("approvedVersion", p.approvedVersion());
		}
		return m;
	}

	private static ResponsePlan map(ResultSet rs, int row) throws SQLException {
		Instant reviewed = instant(rs, "reviewed_at");
		Instant systemUpdated = instant(rs, "system_updated_at");
		boolean stale = reviewed != null && systemUpdated != null && systemUpdated.isAfter(reviewed);
		return new ResponsePlan(rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("system_id"),
				rs.getString("system_code") == null ? "" : rs.getString("system_code"),
				rs.getString("system_name") == null ? "" : rs.getString("system_name"), rs.getInt("version"),
				ResponsePlanStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("summary"),
				rs.getInt("latest_version"), rs.getObject("approved_version", Integer.class), reviewed,
				rs.getString("reviewed_by"), stale, systemUpdated, rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant(), List.of(), List.of());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
