package vn.khien.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.law.RulePack;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Reads of assessments, within what the caller may see ({@link AssessmentAccess}): a
 * record out of sight is a 404 like one that does not exist.
 */
@Component
public class Assessments {

	/** Counting stops here: the list says there are more. */
	public static final int COUNT_CAP = 10_000;

	static final String COLUMNS = """
			a.id, a.agency_id, a.system_id, a.system_code, a.system_name, a.kind, a.organisation_id, a.engagement_id,
			a.pack_id, a.pack_version, a.security_level, a.level_approved, a.assessed_on, a.status, a.requirement_count,
			a.met_count, a.partly_count, a.not_met_count, a.na_count, a.summary, a.created_by, a.created_at,
			a.updated_at, a.completed_by, a.completed_at, a.version""";

	private static final Map<String, String> SORTS = Map.of("date", "a.assessed_on");

	private final JdbcClient jdbc;

	private final AssessmentAccess access;

	private final AgencyHierarchy hierarchy;

	Assessments(JdbcClient jdbc, AssessmentAccess access, AgencyHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.access = access;
		this.hierarchy = hierarchy;
	}

	/**
	 * What a list asks for; {@code agencyId} is that agency and those below it.
	 */
	public record Filter(@Nullable Long systemId, @Nullable Long agencyId, Assessment.@Nullable Status status,
			Assessment.@Nullable Kind kind) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}

	}

	public Assessment get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("assessment", id));
	}

	public Optional<Assessment> find(long id) {
		var visible = access.visible("a.agency_id", "a.organisation_id");
		return visible
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM assessment a WHERE a.id = :id AND " + visible.sql())
				.param("id", id))
			.query(Assessments::map)
			.optional();
	}

	/**
	 * A page of assessments, the newest first unless sorted otherwise ({@code date}); the
	 * total is counted up to {@link #COUNT_CAP}.
	 */
	public PageResult<Assessment> list(Filter filter, PageQuery page) {
		var visible = access.visible("a.agency_id", "a.organisation_id");
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(visible.sql());
		if (filter.systemId() != null) {
			where.append(" AND a.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.agencyId() != null) {
			where.append(" AND a.agency_id IN (:filterAgencies)");
			params.put("filterAgencies", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.status() != null) {
			where.append(" AND a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.kind() != null) {
			where.append(" AND a.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		boolean desc = page.sort().isEmpty() || page.descending();
		String order = page.sort().isEmpty() ? "a.assessed_on DESC" : page.orderBy(SORTS, "");
		List<Assessment> items = visible
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM assessment a WHERE " + where + " ORDER BY " + order + ", a.id"
					+ (desc ? " DESC" : " ASC") + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Assessments::map)
			.list();
		long counted = visible.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM assessment a WHERE " + where
				+ " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				null);
	}

	/** The assessment's requirements in the pack's order, with their answers. */
	public List<Assessment.Requirement> requirements(long id) {
		get(id);
		return jdbc.sql("""
				SELECT requirement_id, seq_no, group_id, group_kind, group_title, title, citation, answer, note,
				  action_owner, action_due, answered_by, answered_at
				FROM assessment_answer WHERE assessment_id = :id ORDER BY seq_no""")
			.param("id", id)
			.query(Assessments::mapRequirement)
			.list();
	}

	public List<Assessment.Evidence> evidence(long id) {
		get(id);
		return jdbc.sql("SELECT * FROM assessment_evidence WHERE assessment_id = :id ORDER BY id")
			.param("id", id)
			.query(Assessments::mapEvidence)
			.list();
	}

	/** One evidence of a visible assessment; 404 otherwise. */
	public Assessment.Evidence evidence(long id, long evidenceId) {
		get(id);
		return jdbc.sql("SELECT * FROM assessment_evidence WHERE assessment_id = :id AND id = :evidence")
			.param("id", id)
			.param("evidence", evidenceId)
			.query(Assessments::mapEvidence)
			.optional()
			.orElseThrow(() -> new NotFoundException("assessment evidence", evidenceId));
	}

	static Assessment map(ResultSet rs, int n) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new Assessment(rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("system_id"),
				rs.getString("system_code"), rs.getString("system_name"), Assessment.Kind.valueOf(rs.getString("kind")),
				rs.getObject("organisation_id", Long.class), rs.getObject("engagement_id", Long.class),
				rs.getString("pack_id"), rs.getString("pack_version"), rs.getInt("security_level"),
				rs.getBoolean("level_approved"), rs.getDate("assessed_on").toLocalDate(),
				Assessment.Status.valueOf(rs.getString("status")), rs.getInt("requirement_count"),
				rs.getInt("met_count"), rs.getInt("partly_count"), rs.getInt("not_met_count"), rs.getInt("na_count"),
				rs.getString("summary"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("completed_by"),
				completed == null ? null : completed.toInstant(), rs.getInt("version"));
	}

	static Assessment.Requirement mapRequirement(ResultSet rs, int n) throws SQLException {
		String answer = rs.getString("answer");
		java.sql.Date due = rs.getDate("action_due");
		Timestamp at = rs.getTimestamp("answered_at");
		return new Assessment.Requirement(rs.getString("requirement_id"), rs.getInt("seq_no"), rs.getString("group_id"),
				RulePack.RequirementKind.valueOf(rs.getString("group_kind")), rs.getString("group_title"),
				rs.getString("title"), rs.getString("citation"),
				answer == null ? null : Assessment.Answer.valueOf(answer), rs.getString("note"),
				rs.getString("action_owner"), due == null ? null : due.toLocalDate(), rs.getString("answered_by"),
				at == null ? null : at.toInstant());
	}

	static Assessment.Evidence mapEvidence(ResultSet rs, int n) throws SQLException {
		return new Assessment.Evidence(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("requirement_id"),
				rs.getLong("file_id"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("title"), rs.getDate("effective_on").toLocalDate(),
				rs.getDate("expires_on").toLocalDate(), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

}
