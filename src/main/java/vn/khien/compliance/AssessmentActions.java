package vn.khien.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AuditLog;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The remediation actions that completed assessments left: listed by deadline (overdue
 * first) for whoever sees their assessments, moved between open and done by the owner
 * agency's writers, audited.
 */
@Service
public class AssessmentActions {

	static final String COLUMNS = """
			x.id, x.assessment_id, x.agency_id, x.system_id, a.system_code, x.requirement_id, x.gap, x.title,
			x.owner_name, x.due_on, x.status, x.note, x.created_at, x.status_by, x.status_at, x.version""";

	private static final String FROM = " FROM assessment_action x JOIN assessment a ON a.id = x.assessment_id";

	private static final Map<String, String> SORTS = Map.of("due", "x.due_on");

	private final JdbcClient jdbc;

	private final AssessmentAccess access;

	private final AgencyHierarchy hierarchy;

	private final AuditLog audit;

	AssessmentActions(JdbcClient jdbc, AssessmentAccess access, AgencyHierarchy hierarchy, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.hierarchy = hierarchy;
		this.audit = audit;
	}

	/**
	 * What a list asks for: {@code status} null for all; {@code overdue} only open ones
	 * past their deadline on {@code today}.
	 */
	public record Filter(@Nullable Long assessmentId, @Nullable Long agencyId, @Nullable Long systemId,
			AssessmentAction.@Nullable Status status, boolean overdue) {
	}

	public AssessmentAction get(long id) {
		var visible = access.visible("x.agency_id", "a.organisation_id");
		return visible
			.bind(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE x.id = :id AND " + visible.sql()).param("id", id))
			.query(AssessmentActions::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("assessment action", id));
	}

	/**
	 * Actions by deadline, the earliest first unless sorted otherwise; counted up to a
	 * cap.
	 */
	public PageResult<AssessmentAction> list(Filter filter, LocalDate today, PageQuery page) {
		var visible = access.visible("x.agency_id", "a.organisation_id");
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(visible.sql());
		if (filter.assessmentId() != null) {
			where.append(" AND x.assessment_id = :assessment");
			params.put("assessment", filter.assessmentId());
		}
		if (filter.agencyId() != null) {
			where.append(" AND x.agency_id IN (:filterAgencies)");
			params.put("filterAgencies", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.systemId() != null) {
			where.append(" AND x.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.overdue()) {
			where.append(" AND x.status = 'OPEN' AND x.due_on < :today");
			params.put("today", java.sql.Date.valueOf(today));
		}
		else if (filter.status() != null) {
			where.append(" AND x.status = :status");
			params.put("status", filter.status().name());
		}
		boolean desc = !page.sort().isEmpty() && page.descending();
		String order = page.sort().isEmpty() ? "x.due_on ASC" : page.orderBy(SORTS, "");
		List<AssessmentAction> items = visible
			.bind(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where + " ORDER BY " + order + ", x.id"
					+ (desc ? " DESC" : " ASC") + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AssessmentActions::map)
			.list();
		long counted = visible
			.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1" + FROM + " WHERE " + where + " LIMIT "
					+ (Assessments.COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, Assessments.COUNT_CAP),
				counted > Assessments.COUNT_CAP, null);
	}

	/** The actions of one assessment, by deadline. */
	public List<AssessmentAction> of(long assessmentId) {
		var visible = access.visible("x.agency_id", "a.organisation_id");
		return visible
			.bind(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE x.assessment_id = :assessment AND " + visible.sql()
					+ " ORDER BY x.due_on, x.id LIMIT 1000")
				.param("assessment", assessmentId))
			.query(AssessmentActions::map)
			.list();
	}

	/**
	 * Open actions past their deadline on {@code today} that the caller sees, counted up
	 * to a cap.
	 */
	public long overdue(LocalDate today) {
		var visible = access.visible("x.agency_id", "a.organisation_id");
		return visible.bind(jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1" + FROM + " WHERE " + visible.sql()
					+ " AND x.status = 'OPEN' AND x.due_on < :today LIMIT " + Assessments.COUNT_CAP + ") c")
			.param("today", java.sql.Date.valueOf(today))).query(Long.class).single();
	}

	/**
	 * Open actions the caller sees that fall due between the dates (inclusive), at most
	 * {@code limit}.
	 */
	public List<AssessmentAction> due(LocalDate from, LocalDate to, int limit) {
		var visible = access.visible("x.agency_id", "a.organisation_id");
		return visible.bind(jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE " + visible.sql()
					+ " AND x.status = 'OPEN' AND x.due_on BETWEEN :from AND :to ORDER BY x.due_on, x.id LIMIT :limit")
			.param("from", java.sql.Date.valueOf(from))
			.param("to", java.sql.Date.valueOf(to))
			.param("limit", limit)).query(AssessmentActions::map).list();
	}

	/** Whether the caller may move this action: the owner agency's writers. */
	public boolean mayMove(AssessmentAction action) {
		return access.mayWriteFor(action.agencyId());
	}

	/** Moves the action to done, or back to open, with an optional note. */
	@Transactional
	public AssessmentAction transition(long id, AssessmentAction.Status to, @Nullable String note) {
		AssessmentAction action = get(id);
		if (!mayMove(action)) {
			throw new AccessDeniedException("remediation is the owner agency's");
		}
		if (action.status() == to) {
			throw InvalidInputException.conflict("to", "assessment.action.already", to.code());
		}
		String text = Engagements.text("note", note, 2000);
		int updated = jdbc.sql("""
				UPDATE assessment_action SET status = :to, note = COALESCE(:note, note), status_by = :by,
				  status_at = :at, version = version + 1 WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("note", text)
			.param("by", access.actor())
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.param("version", action.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "assessment.changedMeanwhile");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.code());
		if (text != null) {
			after.put("note", text);
		}
		audit.record("STATUS", "assessment_action", id, Map.of("status", action.status().code()), after);
		return get(id);
	}

	static AssessmentAction map(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp("status_at");
		return new AssessmentAction(rs.getLong("id"), rs.getLong("assessment_id"), rs.getLong("agency_id"),
				rs.getLong("system_id"), rs.getString("system_code"), rs.getString("requirement_id"),
				Assessment.Answer.valueOf(rs.getString("gap")), rs.getString("title"), rs.getString("owner_name"),
				rs.getDate("due_on").toLocalDate(), AssessmentAction.Status.valueOf(rs.getString("status")),
				rs.getString("note"), rs.getTimestamp("created_at").toInstant(), rs.getString("status_by"),
				at == null ? null : at.toInstant(), rs.getInt("version"));
	}

}
