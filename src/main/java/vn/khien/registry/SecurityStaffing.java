package vn.khien.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Agencies' dedicated security staff and the headcount they need; reads follow the user's
 * scope.
 */
@Service
public class SecurityStaffing {

	private static final String COUNTS = """
			SELECT a.id, a.code, a.name, a.name_key, COALESCE(s.needed, 0) AS needed,
			  (SELECT COUNT(*) FROM security_staff p WHERE p.agency_id = a.id AND p.active = TRUE) AS actual
			FROM agency a LEFT JOIN security_staffing s ON s.agency_id = a.id""";

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	SecurityStaffing(JdbcClient jdbc, Agencies agencies, CurrentUser currentUser, AuditLog audit) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** Needed and actual headcount of one agency (404 when out of scope). */
	public SecurityStaffGap headcount(long agencyId) {
		agencies.get(agencyId);
		return jdbc.sql(COUNTS + " WHERE a.id = :id").param("id", agencyId).query(SecurityStaffing::mapGap).single();
	}

	/**
	 * Of {@code agencyIds}, those with an on-site force: active security staff or active
	 * focal points (the first of the four protection layers), read for many at once.
	 */
	public Set<Long> withOnSiteForce(Collection<Long> agencyIds) {
		List<Long> ids = List.copyOf(new TreeSet<>(agencyIds));
		Set<Long> found = new HashSet<>();
		for (int i = 0; i < ids.size(); i += 1000) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
			for (String table : List.of("security_staff", "focal_point")) {
				found.addAll(jdbc
					.sql("SELECT DISTINCT agency_id FROM " + table + " WHERE agency_id IN (:ids) AND active = TRUE")
					.param("ids", chunk)
					.query(Long.class)
					.list());
			}
		}
		return found;
	}

	public List<SecurityStaff> staff(long agencyId) {
		agencies.get(agencyId);
		return jdbc.sql("SELECT * FROM security_staff WHERE agency_id = :agency AND active = TRUE ORDER BY name, id")
			.param("agency", agencyId)
			.query(SecurityStaffing::map)
			.list();
	}

	public SecurityStaff get(long agencyId, long staffId) {
		agencies.get(agencyId);
		return jdbc.sql("SELECT * FROM security_staff WHERE id = :id AND agency_id = :agency AND active = TRUE")
			.param("id", staffId)
			.param("agency", agencyId)
			.query(SecurityStaffing::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("security staff", staffId));
	}

	/**
	 * Agencies in scope with fewer staff than they need, largest gap first unless sorted
	 * otherwise.
	 */
	public PageResult<SecurityStaffGap> gaps(@Nullable String q, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE a.status = 'ACTIVE' AND " + scope.filter("a.id"));
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(a.name) LIKE :q OR LOWER(a.code) LIKE :q)");
			params.put("q", "%" + q.trim().toLowerCase() + "%");
		}
		String inner = COUNTS + where;
		String order = page.orderBy(Map.of("code", "g.code", "name", "g.name_key", "needed", "g.needed", "actual",
				"g.actual", "gap", "(g.needed - g.actual)"), "(g.needed - g.actual) DESC");
		long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (" + inner + ") g WHERE g.needed > g.actual"))
			.params(params)
			.query(Long.class)
			.single();
		List<SecurityStaffGap> items = scope
			.bind(jdbc.sql("SELECT * FROM (" + inner + ") g WHERE g.needed > g.actual" + " ORDER BY " + order
					+ ", g.code LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(SecurityStaffing::mapGap)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional
	public SecurityStaffGap setNeeded(long agencyId, int needed) {
		editable(agencyId);
		if (needed < 0 || needed > 1000) {
			throw new InvalidInputException("needed", "staff.needed.range");
		}
		SecurityStaffGap before = headcount(agencyId);
		int updated = jdbc
			.sql("UPDATE security_staffing SET needed = :needed, updated_at = :now WHERE agency_id = :agency")
			.param("needed", needed)
			.param("now", Timestamp.from(Instant.now()))
			.param("agency", agencyId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO security_staffing (agency_id, needed, updated_at) VALUES (:agency, :needed, :now)")
				.param("needed", needed)
				.param("now", Timestamp.from(Instant.now()))
				.param("agency", agencyId)
				.update();
		}
		SecurityStaffGap after = headcount(agencyId);
		audit.record("UPDATE", "security_staffing", agencyId, before, after);
		return after;
	}

	@Transactional
	public SecurityStaff add(long agencyId, SecurityStaff.Details details) {
		editable(agencyId);
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO security_staff (agency_id, name, title, qualification, phone, email, since_on, active,
				  created_at, updated_at)
				VALUES (:agency, :name, :title, :qualification, :phone, :email, :since, TRUE, :now, :now)""")
			.param("agency", agencyId)
			.params(values(details))
			.param("now", now)
			.update(keys, "id");
		SecurityStaff created = get(agencyId, keys.getKeyAs(Number.class).longValue());
		audit.record("CREATE", "security_staff", created.id(), null, created);
		return created;
	}

	@Transactional
	public SecurityStaff update(long agencyId, long staffId, SecurityStaff.Details details) {
		editable(agencyId);
		SecurityStaff before = get(agencyId, staffId);
		jdbc.sql("""
				UPDATE security_staff SET name = :name, title = :title, qualification = :qualification, phone = :phone,
				  email = :email, since_on = :since, updated_at = :now WHERE id = :id""")
			.params(values(details))
			.param("now", Timestamp.from(Instant.now()))
			.param("id", staffId)
			.update();
		SecurityStaff after = get(agencyId, staffId);
		audit.record("UPDATE", "security_staff", staffId, before, after);
		return after;
	}

	@Transactional
	public void remove(long agencyId, long staffId) {
		editable(agencyId);
		SecurityStaff before = get(agencyId, staffId);
		jdbc.sql("UPDATE security_staff SET active = FALSE, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", staffId)
			.update();
		audit.record("DELETE", "security_staff", staffId, before, null);
	}

	/**
	 * Staff of merged agencies join the successor, which then needs what they all needed.
	 */
	@Transactional
	public void moveMerged(AgenciesMerged event) {
		for (long source : event.sourceIds()) {
			if (source == event.successorId()) {
				continue;
			}
			int moved = jdbc.sql("UPDATE security_staff SET agency_id = :to WHERE agency_id = :from")
				.param("to", event.successorId())
				.param("from", source)
				.update();
			Integer needed = jdbc.sql("SELECT needed FROM security_staffing WHERE agency_id = :from")
				.param("from", source)
				.query(Integer.class)
				.optional()
				.orElse(null);
			if (needed != null) {
				int current = jdbc.sql("SELECT COALESCE(MAX(needed), 0) FROM security_staffing WHERE agency_id = :to")
					.param("to", event.successorId())
					.query(Integer.class)
					.single();
				jdbc.sql("DELETE FROM security_staffing WHERE agency_id IN (:from, :to)")
					.param("from", source)
					.param("to", event.successorId())
					.update();
				jdbc.sql("INSERT INTO security_staffing (agency_id, needed, updated_at) VALUES (:to, :needed, :now)")
					.param("to", event.successorId())
					.param("needed", current + needed)
					.param("now", Timestamp.from(Instant.now()))
					.update();
			}
			audit.record("MERGE", "security_staff", "agency:" + source, Map.of("agencyId", source),
					Map.of("agencyId", event.successorId(), "staffMoved", moved));
		}
	}

	private void editable(long agencyId) {
		Agency agency = agencies.get(agencyId);
		if (!mayEdit(agency.id())) {
			throw new NotFoundException("agency", agencyId);
		}
	}

	private static Map<String, Object> values(SecurityStaff.Details d) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", d.name().trim());
		values.put("title", FocalPoints.blankToNull(d.title()));
		values.put("qualification", FocalPoints.blankToNull(d.qualification()));
		values.put("phone", FocalPoints.blankToNull(d.phone()));
		values.put("email", FocalPoints.blankToNull(d.email()));
		values.put("since", d.since() == null ? null : Date.valueOf(d.since()));
		return values;
	}

	static SecurityStaff map(ResultSet rs, int row) throws SQLException {
		Date since = rs.getDate("since_on");
		return new SecurityStaff(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"), rs.getString("title"),
				rs.getString("qualification"), rs.getString("phone"), rs.getString("email"),
				since == null ? null : since.toLocalDate());
	}

	static SecurityStaffGap mapGap(ResultSet rs, int row) throws SQLException {
		return new SecurityStaffGap(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("needed"),
				rs.getInt("actual"));
	}

	/**
	 * Start-up work (demo data, listeners outside a request) acts for the system and may
	 * edit anything.
	 */
	private boolean mayEdit(long agencyId) {
		return currentUser.mayEdit(agencyId);
	}

}
