package vn.khien.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.Formats;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Reads of corrective actions, within the caller's agency scope: the list an agency works
 * down (overdue first to see), one action's history, its evidence files.
 */
@Component
public class CorrectiveActions {

	static final String COLUMNS = """
			a.id, a.finding_id, a.round_id, a.agency_id, a.title, a.owner, a.due_on, a.status, a.created_by,
			a.created_at, a.status_at, a.version""";

	private static final Map<String, String> SORTS = Map.of("due", "a.due_on");

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final FileStore files;

	CorrectiveActions(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, FileStore files) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.files = files;
	}

	/**
	 * @param agencyId the agency and those below it
	 * @param overdue past the deadline and not verified
	 */
	public record Filter(@Nullable Long agencyId, @Nullable ActionStatus status, @Nullable Boolean overdue) {

		public static Filter none() {
			return new Filter(null, null, null);
		}
	}

	public CorrectiveAction get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("corrective action", id));
	}

	public Optional<CorrectiveAction> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM inspection_action a WHERE a.id = :id AND "
					+ scope.filter("a.agency_id"))
				.param("id", id))
			.query(CorrectiveActions::map)
			.optional();
	}

	/** The actions of a round's findings (the caller has read the round). */
	List<CorrectiveAction> ofRound(long roundId) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM inspection_action a WHERE a.round_id = :round AND "
					+ scope.filter("a.agency_id") + " ORDER BY a.finding_id, a.id LIMIT "
					+ InspectionRounds.MAX_FINDINGS * InspectionRounds.MAX_ACTIONS)
				.param("round", roundId))
			.query(CorrectiveActions::map)
			.list();
	}

	/** How many actions the finding has (the caller has read it). */
	int countOf(long findingId) {
		return jdbc.sql("SELECT COUNT(*) FROM inspection_action WHERE finding_id = :f")
			.param("f", findingId)
			.query(Integer.class)
			.single();
	}

	/**
	 * A page of actions, the nearest deadline first unless sorted otherwise; the total is
	 * counted up to {@link InspectionPlans#COUNT_CAP}.
	 */
	public PageResult<CorrectiveAction> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String order = page.orderBy(SORTS, "a.due_on ASC");
		String dir = order.endsWith("DESC") ? " DESC" : " ASC";
		Map<String, Object> params = new HashMap<>();
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
		if (Boolean.TRUE.equals(filter.overdue())) {
			where.add("a.is_verified = FALSE AND a.due_on < :today");
			params.put("today", java.sql.Date.valueOf(LocalDate.now(Formats.ZONE)));
		}
		String condition = String.join(" AND ", where);
		List<CorrectiveAction> items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM inspection_action a WHERE " + condition + " ORDER BY " + order
					+ ", a.id" + dir + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CorrectiveActions::map)
			.list();
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM inspection_action a WHERE " + condition
				+ " LIMIT " + (InspectionPlans.COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, InspectionPlans.COUNT_CAP),
				counted > InspectionPlans.COUNT_CAP, null);
	}

	/** The action's changes, newest first. */
	public List<CorrectiveAction.Event> history(long actionId) {
		get(actionId);
		return jdbc.sql("""
				SELECT id, at, actor, from_status, to_status, note, file_id, filename FROM inspection_action_event
				WHERE action_id = :id ORDER BY at DESC, id DESC LIMIT 200""")
			.param("id", actionId)
			.query(CorrectiveActions::event)
			.list();
	}

	/**
	 * The changes of a round's actions, by action, newest first (the caller has read the
	 * round).
	 */
	Map<Long, List<CorrectiveAction.Event>> historyOfRound(long roundId) {
		Map<Long, List<CorrectiveAction.Event>> byAction = new HashMap<>();
		AgencyScope scope = currentUser.scope();
		scope
			.bind(jdbc.sql("""
					SELECT e.action_id, e.id, e.at, e.actor, e.from_status, e.to_status, e.note, e.file_id, e.filename
					FROM inspection_action_event e JOIN inspection_action a ON a.id = e.action_id
					WHERE a.round_id = :round AND\s""" + scope.filter("a.agency_id") + " ORDER BY e.at DESC, e.id DESC")
				.param("round", roundId))
			.query(rs -> {
				byAction.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>()).add(event(rs, 0));
			});
		return byAction;
	}

	/**
	 * An evidence file the agency reported with this action; 404 when the action is out
	 * of scope or the file is not one of its reports.
	 */
	public FileStore.StoredFile evidence(long actionId, long fileId) {
		get(actionId);
		long reported = jdbc
			.sql("SELECT COUNT(*) FROM inspection_action_event WHERE action_id = :action AND file_id = :file")
			.param("action", actionId)
			.param("file", fileId)
			.query(Long.class)
			.single();
		if (reported == 0) {
			throw new NotFoundException("evidence", fileId);
		}
		return files.find(fileId).orElseThrow(() -> new NotFoundException("evidence", fileId));
	}

	static CorrectiveAction map(ResultSet rs, int n) throws SQLException {
		return new CorrectiveAction(rs.getLong("id"), rs.getLong("finding_id"), rs.getLong("round_id"),
				rs.getLong("agency_id"), rs.getString("title"), rs.getString("owner"),
				rs.getDate("due_on").toLocalDate(), ActionStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("status_at").toInstant(), rs.getInt("version"));
	}

	static CorrectiveAction.Event event(ResultSet rs, int n) throws SQLException {
		long file = rs.getLong("file_id");
		Long fileId = rs.wasNull() ? null : file;
		return new CorrectiveAction.Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				ActionStatus.valueOf(rs.getString("from_status")), ActionStatus.valueOf(rs.getString("to_status")),
				rs.getString("note"), fileId, rs.getString("filename"));
	}

}
