package vn.khien.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The cybersecurity subcommittee and its members. The subcommittee is public within the
 * province, so agency names are read without the agency scope.
 */
@Service
public class SubcommitteeRegistry {

	private static final String MEMBERS = """
			SELECT m.*, a.name AS agency_name FROM subcommittee_member m LEFT JOIN agency a ON a.id = m.agency_id""";

	private static final String ROLE_ORDER = """
			CASE m.role WHEN 'CHAIR' THEN 0 WHEN 'VICE_CHAIR' THEN 1 WHEN 'STANDING_MEMBER' THEN 2
			  WHEN 'MEMBER' THEN 3 ELSE 4 END""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SubcommitteeRegistry(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Optional<Subcommittee> find() {
		return jdbc.sql("""
				SELECT s.name, s.decision_ref, s.standing_agency_id, a.code, a.name AS agency_name
				FROM subcommittee s LEFT JOIN agency a ON a.id = s.standing_agency_id WHERE s.id = 1""")
			.query((rs, n) -> new Subcommittee(rs.getString("name"), rs.getString("decision_ref"),
					rs.getObject("standing_agency_id", Long.class), rs.getString("code"), rs.getString("agency_name")))
			.optional();
	}

	@Transactional
	public Subcommittee save(Subcommittee.Details details) {
		checkAgency("standingBodyId", details.standingBodyId());
		Subcommittee before = find().orElse(null);
		Map<String, Object> values = new HashMap<>();
		values.put("name", details.name().trim());
		values.put("ref", FocalPoints.blankToNull(details.decisionRef()));
		values.put("agency", details.standingBodyId());
		values.put("now", Timestamp.from(Instant.now()));
		if (before == null) {
			jdbc.sql(
					"INSERT INTO subcommittee (id, name, decision_ref, standing_agency_id, updated_at) VALUES (1, :name, :ref, :agency, :now)")
				.params(values)
				.update();
		}
		else {
			jdbc.sql(
					"UPDATE subcommittee SET name = :name, decision_ref = :ref, standing_agency_id = :agency, updated_at = :now WHERE id = 1")
				.params(values)
				.update();
		}
		Subcommittee after = find().orElseThrow();
		audit.record(before == null ? "CREATE" : "UPDATE", "subcommittee", 1, before, after);
		return after;
	}

	public PageResult<SubcommitteeMember> members(PageQuery page) {
		String order = page.orderBy(Map.of("name", "m.name", "role", ROLE_ORDER, "since", "m.since_on"),
				ROLE_ORDER + " ASC");
		long total = jdbc.sql("SELECT COUNT(*) FROM subcommittee_member").query(Long.class).single();
		List<SubcommitteeMember> items = jdbc
			.sql(MEMBERS + " ORDER BY " + order + ", m.name, m.id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(SubcommitteeRegistry::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public SubcommitteeMember member(long id) {
		return jdbc.sql(MEMBERS + " WHERE m.id = :id")
			.param("id", id)
			.query(SubcommitteeRegistry::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("subcommittee member", id));
	}

	@Transactional
	public SubcommitteeMember addMember(SubcommitteeMember.Details details) {
		check(details);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO subcommittee_member (role, name, title, agency_id, phone, email, since_on, until_on)
				VALUES (:role, :name, :title, :agency, :phone, :email, :since, :until)""")
			.params(values(details))
			.update(keys, "id");
		SubcommitteeMember created = member(keys.getKeyAs(Number.class).longValue());
		audit.record("CREATE", "subcommittee_member", created.id(), null, created);
		return created;
	}

	@Transactional
	public SubcommitteeMember updateMember(long id, SubcommitteeMember.Details details) {
		SubcommitteeMember before = member(id);
		check(details);
		jdbc.sql("""
				UPDATE subcommittee_member SET role = :role, name = :name, title = :title, agency_id = :agency,
				  phone = :phone, email = :email, since_on = :since, until_on = :until WHERE id = :id""")
			.params(values(details))
			.param("id", id)
			.update();
		SubcommitteeMember after = member(id);
		audit.record("UPDATE", "subcommittee_member", id, before, after);
		return after;
	}

	@Transactional
	public void removeMember(long id) {
		SubcommitteeMember before = member(id);
		jdbc.sql("DELETE FROM subcommittee_member WHERE id = :id").param("id", id).update();
		audit.record("DELETE", "subcommittee_member", id, before, null);
	}

	private void check(SubcommitteeMember.Details details) {
		checkAgency("agencyId", details.agencyId());
		if (details.since() != null && details.until() != null && details.until().isBefore(details.since())) {
			throw new InvalidInputException("until", "subcommittee.until.beforeSince");
		}
	}

	private void checkAgency(String field, Long agencyId) {
		if (agencyId != null && jdbc.sql("SELECT COUNT(*) FROM agency WHERE id = :id")
			.param("id", agencyId)
			.query(Long.class)
			.single() == 0) {
			throw new InvalidInputException(field, "subcommittee.agency.unknown", agencyId);
		}
	}

	private static Map<String, Object> values(SubcommitteeMember.Details d) {
		Map<String, Object> values = new HashMap<>();
		values.put("role", d.role().name());
		values.put("name", d.name().trim());
		values.put("title", FocalPoints.blankToNull(d.title()));
		values.put("agency", d.agencyId());
		values.put("phone", FocalPoints.blankToNull(d.phone()));
		values.put("email", FocalPoints.blankToNull(d.email()));
		values.put("since", d.since() == null ? null : Date.valueOf(d.since()));
		values.put("until", d.until() == null ? null : Date.valueOf(d.until()));
		return values;
	}

	static SubcommitteeMember map(ResultSet rs, int row) throws SQLException {
		Date since = rs.getDate("since_on");
		Date until = rs.getDate("until_on");
		return new SubcommitteeMember(rs.getLong("id"), SubcommitteeRole.valueOf(rs.getString("role")),
				rs.getString("name"), rs.getString("title"), rs.getObject("agency_id", Long.class),
				rs.getString("agency_name"), rs.getString("phone"), rs.getString("email"),
				since == null ? null : since.toLocalDate(), until == null ? null : until.toLocalDate());
	}

}
