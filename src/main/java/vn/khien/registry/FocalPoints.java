package vn.khien.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;

/**
 * Agencies' focal points for monitoring and incident response. Reads follow the user's
 * scope; every change is audited and kept in {@code focal_point_history} with
 * before/after snapshots.
 */
@Service
public class FocalPoints {

	private static final String SELECT = """
			SELECT f.id, f.agency_id, a.code AS agency_code, a.name AS agency_name, f.duty, f.name, f.title, f.phone,
			  f.email, f.out_of_hours, f.is_primary, f.active, f.confirmed_on
			FROM focal_point f JOIN agency a ON a.id = f.agency_id""";

	public record Filter(@Nullable Long agencyId, @Nullable FocalPointDuty duty, @Nullable String q) {
	}

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final JsonMapper json;

	FocalPoints(JdbcClient jdbc, Agencies agencies, CurrentUser currentUser, AuditLog audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.audit = audit;
		this.json = json;
	}

	/** Active focal points in scope. */
	public PageResult<FocalPoint> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE f.active = TRUE AND " + scope.filter("f.agency_id"));
		if (filter.agencyId() != null) {
			where.append(" AND f.agency_id = :agency");
			params.put("agency", filter.agencyId());
		}
		if (filter.duty() != null) {
			where.append(" AND f.duty = :duty");
			params.put("duty", filter.duty().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(f.name) LIKE :q OR LOWER(a.name) LIKE :q OR LOWER(a.code) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase() + "%");
		}
		String order = page.orderBy(
				Map.of("agency", "a.name_key", "name", "f.name_key", "duty", "f.duty", "confirmedOn", "f.confirmed_on"),
				"a.name_key ASC");
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM focal_point f JOIN agency a ON a.id = f.agency_id" + where))
			.params(params)
			.query(Long.class)
			.single();
		List<FocalPoint> items = scope
			.bind(jdbc.sql(SELECT + where + " ORDER BY " + order
					+ ", f.duty, f.is_primary DESC, f.id LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(FocalPoints::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The agency's active focal points (404 when the agency is out of scope). */
	public List<FocalPoint> ofAgency(long agencyId) {
		agencies.get(agencyId);
		return jdbc
			.sql(SELECT
					+ " WHERE f.agency_id = :agency AND f.active = TRUE ORDER BY f.duty, f.is_primary DESC, f.name_key")
			.param("agency", agencyId)
			.query(FocalPoints::map)
			.list();
	}

	public FocalPoint get(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql(SELECT + " WHERE f.id = :id AND f.active = TRUE AND " + scope.filter("f.agency_id"))
				.param("id", id))
			.query(FocalPoints::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("focal point", id));
	}

	@Transactional
	public FocalPoint create(FocalPoint.Details details) {
		Agency agency = editableAgency(details.agencyId());
		boolean primary = details.primary() || primaryOf(agency.id(), details.duty()) == null;
		if (primary) {
			clearPrimary(agency.id(), details.duty());
		}
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO focal_point (agency_id, duty, name, name_key, title, phone, email, out_of_hours, is_primary, active,
						  confirmed_on, created_at, updated_at)
						VALUES (:agency, :duty, :name, :nameKey, :title, :phone, :email, :ooh, :primary, TRUE, :today, :now, :now)""")
			.param("agency", agency.id())
			.param("duty", details.duty().name())
			.param("name", details.name().trim())
			.param("nameKey", VietnameseText.sortKey(details.name().trim()))
			.param("title", blankToNull(details.title()))
			.param("phone", blankToNull(details.phone()))
			.param("email", blankToNull(details.email()))
			.param("ooh", blankToNull(details.outOfHours()))
			.param("primary", primary)
			.param("today", Date.valueOf(today()))
			.param("now", now)
			.update(keys, "id");
		FocalPoint created = get(keys.getKeyAs(Number.class).longValue());
		changed("CREATE", created.agencyId(), created.id(), null, created.snapshot());
		return created;
	}

	/** Changes a focal point; its agency stays. Saving counts as confirming it. */
	@Transactional
	public FocalPoint update(long id, FocalPoint.Details details) {
		FocalPoint before = editable(id);
		boolean primary = details.primary() || (before.primary() && before.duty() == details.duty());
		if (primary) {
			clearPrimary(before.agencyId(), details.duty());
		}
		jdbc.sql(
				"""
						UPDATE focal_point SET duty = :duty, name = :name, name_key = :nameKey, title = :title, phone = :phone, email = :email,
						  out_of_hours = :ooh, is_primary = :primary, confirmed_on = :today, updated_at = :now WHERE id = :id""")
			.param("duty", details.duty().name())
			.param("name", details.name().trim())
			.param("nameKey", VietnameseText.sortKey(details.name().trim()))
			.param("title", blankToNull(details.title()))
			.param("phone", blankToNull(details.phone()))
			.param("email", blankToNull(details.email()))
			.param("ooh", blankToNull(details.outOfHours()))
			.param("primary", primary)
			.param("today", Date.valueOf(today()))
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		if (before.primary() && before.duty() != details.duty()) {
			promoteIfNoPrimary(before.agencyId(), before.duty());
		}
		promoteIfNoPrimary(before.agencyId(), details.duty());
		FocalPoint after = get(id);
		changed("UPDATE", after.agencyId(), id, before.snapshot(), after.snapshot());
		return after;
	}

	/** Retires a focal point: it stays in the history but no longer counts. */
	@Transactional
	public void retire(long id) {
		FocalPoint before = editable(id);
		jdbc.sql("UPDATE focal_point SET active = FALSE, is_primary = FALSE, updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		promoteIfNoPrimary(before.agencyId(), before.duty());
		changed("RETIRE", before.agencyId(), id, before.snapshot(), null);
	}

	/**
	 * The agency states its focal points are unchanged: all of them count as confirmed
	 * today.
	 */
	@Transactional
	public List<FocalPoint> confirm(long agencyId) {
		Agency agency = agencies.get(agencyId);
		if (!mayEdit(agency.id())) {
			throw new NotFoundException("agency", agencyId);
		}
		List<FocalPoint> before = ofAgency(agencyId);
		if (before.isEmpty()) {
			throw new InvalidInputException(null, "focalPoint.confirm.none");
		}
		jdbc.sql(
				"UPDATE focal_point SET confirmed_on = :today, updated_at = :now WHERE agency_id = :agency AND active = TRUE")
			.param("today", Date.valueOf(today()))
			.param("now", Timestamp.from(Instant.now()))
			.param("agency", agencyId)
			.update();
		List<FocalPoint> after = ofAgency(agencyId);
		changed("CONFIRM", agencyId, null, before.stream().map(FocalPoint::snapshot).toList(),
				after.stream().map(FocalPoint::snapshot).toList());
		return after;
	}

	/**
	 * Every change of the agency's focal points, newest first (404 when the agency is out
	 * of scope).
	 */
	public List<FocalPointHistoryEntry> history(long agencyId) {
		agencies.get(agencyId);
		return jdbc.sql("""
				SELECT id, agency_id, focal_point_id, changed_at, changed_by, action, before_state, after_state
				FROM focal_point_history WHERE agency_id = :agency ORDER BY changed_at DESC, id DESC""")
			.param("agency", agencyId)
			.query((rs, n) -> new FocalPointHistoryEntry(rs.getLong("id"), rs.getLong("agency_id"),
					rs.getObject("focal_point_id", Long.class), rs.getTimestamp("changed_at").toInstant(),
					rs.getString("changed_by"), rs.getString("action"), rs.getString("before_state"),
					rs.getString("after_state")))
			.list();
	}

	/** Moves the focal points of merged agencies, and their history, to the successor. */
	@Transactional
	public void moveMerged(AgenciesMerged event) {
		for (long source : event.sourceIds()) {
			if (source == event.successorId()) {
				continue;
			}
			List<FocalPoint> moved = jdbc.sql(SELECT + " WHERE f.agency_id = :agency AND f.active = TRUE")
				.param("agency", source)
				.query(FocalPoints::map)
				.list();
			// NB: the successor keeps its own primaries; moved ones join as secondary
			// contacts
			jdbc.sql("UPDATE focal_point SET agency_id = :to, is_primary = FALSE WHERE agency_id = :from")
				.param("to", event.successorId())
				.param("from", source)
				.update();
			jdbc.sql("UPDATE focal_point_history SET agency_id = :to WHERE agency_id = :from")
				.param("to", event.successorId())
				.param("from", source)
				.update();
			for (FocalPoint f : moved) {
				var after = new FocalPoint.Snapshot(event.successorId(), f.duty().name(), f.name(), f.title(),
						f.phone(), f.email(), f.outOfHours(), false, true, f.confirmedOn());
				changed("MERGE", event.successorId(), f.id(), f.snapshot(), after);
			}
		}
		for (FocalPointDuty duty : FocalPointDuty.values()) {
			promoteIfNoPrimary(event.successorId(), duty);
		}
	}

	private FocalPoint editable(long id) {
		FocalPoint focalPoint = get(id);
		if (!mayEdit(focalPoint.agencyId())) {
			throw new NotFoundException("focal point", id);
		}
		return focalPoint;
	}

	private Agency editableAgency(long agencyId) {
		Agency agency = agencies.find(agencyId).orElse(null);
		if (agency == null || !mayEdit(agencyId)) {
			throw new InvalidInputException("agencyId", "focalPoint.agency.unknown", agencyId);
		}
		if (agency.status() != AgencyStatus.ACTIVE) {
			throw new InvalidInputException("agencyId", "focalPoint.agency.inactive", agency.name());
		}
		return agency;
	}

	private @Nullable Long primaryOf(long agencyId, FocalPointDuty duty) {
		return jdbc.sql("""
				SELECT id FROM focal_point WHERE agency_id = :agency AND duty = :duty AND active = TRUE
				  AND is_primary = TRUE""")
			.param("agency", agencyId)
			.param("duty", duty.name())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private void clearPrimary(long agencyId, FocalPointDuty duty) {
		jdbc.sql("UPDATE focal_point SET is_primary = FALSE WHERE agency_id = :agency AND duty = :duty")
			.param("agency", agencyId)
			.param("duty", duty.name())
			.update();
	}

	/** One focal point per duty is primary whenever the agency has any. */
	private void promoteIfNoPrimary(long agencyId, FocalPointDuty duty) {
		if (primaryOf(agencyId, duty) != null) {
			return;
		}
		jdbc.sql("""
				UPDATE focal_point SET is_primary = TRUE WHERE id = (SELECT MIN(id) FROM focal_point
				  WHERE agency_id = :agency AND duty = :duty AND active = TRUE)""")
			.param("agency", agencyId)
			.param("duty", duty.name())
			.update();
	}

	private void changed(String action, long agencyId, @Nullable Long focalPointId, @Nullable Object before,
			@Nullable Object after) {
		jdbc.sql(
				"""
						INSERT INTO focal_point_history (agency_id, focal_point_id, changed_at, changed_by, action, before_state,
						  after_state) VALUES (:agency, :fp, :at, :by, :action, :before, :after)""")
			.param("agency", agencyId)
			.param("fp", focalPointId)
			.param("at", Timestamp.from(Instant.now()))
			.param("by", currentUser.name())
			.param("action", action)
			.param("before", before == null ? null : json.writeValueAsString(before))
			.param("after", after == null ? null : json.writeValueAsString(after))
			.update();
		audit.record(action, "focal_point", focalPointId == null ? "agency:" + agencyId : focalPointId, before, after);
	}

	static LocalDate today() {
		return LocalDate.now(AgencyManagement.ZONE);
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static FocalPoint map(ResultSet rs, int row) throws SQLException {
		return new FocalPoint(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("agency_code"),
				rs.getString("agency_name"), FocalPointDuty.valueOf(rs.getString("duty")), rs.getString("name"),
				rs.getString("title"), rs.getString("phone"), rs.getString("email"), rs.getString("out_of_hours"),
				rs.getBoolean("is_primary"), rs.getBoolean("active"), rs.getDate("confirmed_on").toLocalDate());
	}

	/**
	 * Start-up work (demo data, listeners outside a request) acts for the system and may
	 * edit anything.
	 */
	private boolean mayEdit(long agencyId) {
		return currentUser.mayEdit(agencyId);
	}

}
