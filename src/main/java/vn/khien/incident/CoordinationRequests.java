package vn.khien.incident;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.Role;
import vn.khien.registry.Organisation;
import vn.khien.registry.Organisations;

/**
 * Coordination requests (R6.4): the team asks an agency or a provider to act on a case by
 * a date; the recipient acknowledges, then completes it saying what was done. Each step
 * goes on the case's timeline, into the audit trail and out as an event. A request is
 * read by the team and the province-wide roles, by its recipient (the provider's users,
 * the agency's officers and those above them) and by the officers of the agency the case
 * concerns; to anyone else it does not exist.
 */
@Service
public class CoordinationRequests {

	public static final int ACTION_MAX = 2000;

	public static final int OUTCOME_MAX = 4000;

	private static final int COUNT_CAP = 10_000;

	private static final String COLUMNS = """
			c.id, c.incident_id, c.incident_agency_id, c.agency_id, c.organisation_id, c.action, c.due, c.status,
			c.requested_by, c.requested_at, c.acknowledged_by, c.acknowledged_at, c.completed_by, c.completed_at,
			c.outcome""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final AgencyDirectory agencies;

	private final Organisations organisations;

	private final Incidents incidents;

	private final IncidentDetail detail;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CoordinationRequests(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, AgencyDirectory agencies,
			Organisations organisations, Incidents incidents, IncidentDetail detail, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.agencies = agencies;
		this.organisations = organisations;
		this.incidents = incidents;
		this.detail = detail;
		this.audit = audit;
		this.events = events;
	}

	/** What the team asks: of exactly one of an agency and a provider. */
	public record NewRequest(@Nullable Long incidentId, @Nullable Long agencyId, @Nullable Long organisationId,
			@Nullable String action, @Nullable LocalDate due) {
	}

	/**
	 * @param open true: only those not completed yet
	 * @param mine true: only those the caller answers (their agency's, their
	 * organisation's)
	 */
	public record Filter(@Nullable CoordinationRequestStatus status, @Nullable Long incidentId, @Nullable Boolean open,
			@Nullable Boolean mine) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}

	}

	/** The requests the caller may read, open ones first by due date, then the newest. */
	public PageResult<CoordinationRequest> list(Filter filter, PageQuery page) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(visible(params));
		if (filter.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.incidentId() != null) {
			where.append(" AND c.incident_id = :incident");
			params.put("incident", filter.incidentId());
		}
		if (Boolean.TRUE.equals(filter.open())) {
			where.append(" AND c.status <> 'COMPLETED'");
		}
		if (Boolean.TRUE.equals(filter.mine())) {
			where.append(" AND ").append(answered(params));
		}
		String order = page.orderBy(Map.of("id", "c.id", "due", "c.due", "status", "c.status"),
				"CASE WHEN c.status = 'COMPLETED' THEN 1 ELSE 0 END, c.due, c.id DESC");
		List<CoordinationRequest> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM coordination_request c WHERE " + where + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CoordinationRequests::map)
			.list();
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM coordination_request c WHERE " + where + " LIMIT "
					+ (COUNT_CAP + 1) + ") c2")
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/** The request, or 404 to anyone it is not for. */
	public CoordinationRequest get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("coordination request", id));
	}

	public Optional<CoordinationRequest> find(long id) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("SELECT " + COLUMNS + " FROM coordination_request c WHERE c.id = :id AND " + visible(params))
			.params(params)
			.param("id", id)
			.query(CoordinationRequests::map)
			.optional();
	}

	/**
	 * The case's requests the caller may read, in the order they were made; 404 for a
	 * case outside the caller's scope.
	 */
	public List<CoordinationRequest> ofIncident(long incidentId) {
		incidents.head(incidentId);
		Map<String, Object> params = new HashMap<>();
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM coordination_request c WHERE c.incident_id = :incident AND "
					+ visible(params) + " ORDER BY c.id")
			.params(params)
			.param("incident", incidentId)
			.query(CoordinationRequests::map)
			.list();
	}

	/** How many open requests wait for the caller's answer (capped). */
	public long waiting() {
		Map<String, Object> params = new HashMap<>();
		String mine = answered(params);
		return jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM coordination_request c WHERE c.status <> 'COMPLETED' AND " + mine
					+ " LIMIT " + (COUNT_CAP + 1) + ") c2")
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Open requests the caller answers that fall due between the two dates. */
	public List<CoordinationRequest> dueBetween(LocalDate from, LocalDate to, int max) {
		Map<String, Object> params = new HashMap<>();
		String mine = answered(params);
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM coordination_request c WHERE c.status <> 'COMPLETED' AND " + mine
					+ " AND c.due BETWEEN :from AND :to ORDER BY c.due, c.id LIMIT :max")
			.params(params)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("max", max)
			.query(CoordinationRequests::map)
			.list();
	}

	/**
	 * Whether the caller may make requests: the response team, and background work
	 * allowed to write the province.
	 */
	public boolean mayRequest() {
		return incidents.onTeam() || currentUser.mayEditProvince();
	}

	/**
	 * Whether the caller answers the request: a user of the provider it is addressed to,
	 * an officer of the agency it is addressed to or of one above it.
	 */
	public boolean mayAnswer(CoordinationRequest r) {
		Optional<KhienUser> user = currentUser.find();
		if (user.isEmpty()) {
			return false;
		}
		KhienUser u = user.get();
		if (r.organisationId() != null) {
			return u.has(Role.ORGANISATION) && r.organisationId().equals(u.organisationId());
		}
		return r.agencyId() != null && u.has(Role.AGENCY_OFFICER) && u.agencyId() != null
				&& hierarchy.selfAndDescendants(u.agencyId()).contains(r.agencyId());
	}

	/**
	 * Who the request is addressed to, as people read it: the agency's label, the
	 * provider's name.
	 */
	public String recipientLabel(CoordinationRequest r) {
		return label(r.agencyId(), r.organisationId());
	}

	@Transactional
	public CoordinationRequest request(NewRequest n) {
		if (!mayRequest()) {
			throw InvalidInputException.withStatus(403, "coordination.team.only");
		}
		if (n.incidentId() == null) {
			throw new InvalidInputException("incidentId", "coordination.field.required", "incidentId");
		}
		Incident incident = incidents.find(n.incidentId())
			.orElseThrow(
					() -> new InvalidInputException("incidentId", "coordination.incident.unknown", n.incidentId()));
		if (incident.status() == IncidentStatus.MERGED) {
			throw InvalidInputException.conflict("incidentId", "coordination.incident.merged", incident.id(),
					incident.mergedIntoId());
		}
		if ((n.agencyId() == null) == (n.organisationId() == null)) {
			throw new InvalidInputException("agencyId", "coordination.recipient.one");
		}
		if (n.agencyId() != null && agencies.label(n.agencyId()).isEmpty()) {
			throw new InvalidInputException("agencyId", "coordination.agency.unknown", n.agencyId());
		}
		if (n.organisationId() != null && organisations.find(n.organisationId()).isEmpty()) {
			throw new InvalidInputException("organisationId", "coordination.organisation.unknown", n.organisationId());
		}
		String action = n.action() == null ? "" : n.action().strip();
		if (action.isEmpty() || action.length() > ACTION_MAX) {
			throw new InvalidInputException("action", "coordination.action.required", ACTION_MAX);
		}
		if (n.due() == null) {
			throw new InvalidInputException("due", "coordination.field.required", "due");
		}
		// NB: a due date already past is allowed (a request agreed by phone, recorded
		// afterwards: it shows as overdue); only dates nobody means are refused
		if (n.due().getYear() < 2000 || n.due().getYear() > 2100) {
			throw new InvalidInputException("due", "coordination.due.range", n.due().toString());
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO coordination_request (incident_id, incident_agency_id, agency_id, organisation_id, action,
				  due, status, requested_by, requested_at)
				VALUES (:incident, :incidentAgency, :agency, :organisation, :action, :due, 'REQUESTED', :by, :now)""")
			.param("incident", incident.id())
			.param("incidentAgency", incident.agencyId())
			.param("agency", n.agencyId())
			.param("organisation", n.organisationId())
			.param("action", action)
			.param("due", Date.valueOf(n.due()))
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.update(keys, "id");
		CoordinationRequest created = get(keys.getKeyAs(Number.class).longValue());
		detail.event(incident.id(), incident.agencyId(), "coordination_requested", null, null,
				"#" + created.id() + " " + recipientLabel(created) + ": " + action + " (" + n.due() + ")",
				currentUser.name());
		currentUser.find().ifPresent(u -> detail.participate(incident.id(), u.id()));
		audit.record("COORDINATION_REQUESTED", "coordination_request", created.id(), null, summary(created));
		events.publishEvent(new CoordinationRequested(created.id(), incident.id(), incident.agencyId(),
				created.agencyId(), created.organisationId(), action, created.due()));
		return created;
	}

	/** The recipient takes the request up; 409 unless it was just requested. */
	@Transactional
	public CoordinationRequest acknowledge(long id) {
		CoordinationRequest r = answerable(id, CoordinationRequestStatus.ACKNOWLEDGED);
		int changed = jdbc.sql("""
				UPDATE coordination_request SET status = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledged_at = :now
				WHERE id = :id AND status = 'REQUESTED'""")
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		requireChanged(changed, r, CoordinationRequestStatus.ACKNOWLEDGED);
		detail.event(r.incidentId(), r.incidentAgencyId(), "coordination_acknowledged", null, null,
				"#" + id + " " + recipientLabel(r), currentUser.name());
		audit.record("COORDINATION_ACKNOWLEDGED", "coordination_request", id, Map.of("status", r.status().code()),
				Map.of("status", CoordinationRequestStatus.ACKNOWLEDGED.code()));
		events.publishEvent(new CoordinationAcknowledged(id, r.incidentId(), r.incidentAgencyId(), r.agencyId(),
				r.organisationId(), currentUser.name()));
		return get(id);
	}

	/**
	 * The recipient says it is done and how; 409 unless it was acknowledged, 400 without
	 * an outcome.
	 */
	@Transactional
	public CoordinationRequest complete(long id, @Nullable String outcome) {
		CoordinationRequest r = answerable(id, CoordinationRequestStatus.COMPLETED);
		String text = outcome == null ? "" : outcome.strip();
		if (text.isEmpty() || text.length() > OUTCOME_MAX) {
			throw new InvalidInputException("outcome", "coordination.outcome.required", OUTCOME_MAX);
		}
		int changed = jdbc.sql("""
				UPDATE coordination_request SET status = 'COMPLETED', completed_by = :by, completed_at = :now,
				  outcome = :outcome WHERE id = :id AND status = 'ACKNOWLEDGED'""")
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("outcome", text)
			.param("id", id)
			.update();
		requireChanged(changed, r, CoordinationRequestStatus.COMPLETED);
		detail.event(r.incidentId(), r.incidentAgencyId(), "coordination_completed", null, null,
				"#" + id + " " + recipientLabel(r) + ": " + text, currentUser.name());
		audit.record("COORDINATION_COMPLETED", "coordination_request", id, Map.of("status", r.status().code()),
				Map.of("status", CoordinationRequestStatus.COMPLETED.code(), "outcome", text));
		events.publishEvent(new CoordinationCompleted(id, r.incidentId(), r.incidentAgencyId(), r.agencyId(),
				r.organisationId(), currentUser.name(), text));
		return get(id);
	}

	private CoordinationRequest answerable(long id, CoordinationRequestStatus to) {
		CoordinationRequest r = get(id);
		if (!mayAnswer(r)) {
			throw InvalidInputException.withStatus(403, "coordination.notRecipient");
		}
		if (r.status().next().filter(to::equals).isEmpty()) {
			throw InvalidInputException.conflict("status", "coordination.step.illegal", r.status().code(), to.code());
		}
		return r;
	}

	private static void requireChanged(int changed, CoordinationRequest r, CoordinationRequestStatus to) {
		// NB: another answer came in between the read and the write
		if (changed == 0) {
			throw InvalidInputException.conflict("status", "coordination.step.illegal", r.status().code(), to.code());
		}
	}

	/** The requests the caller reads, as a condition on {@code c}. */
	private String visible(Map<String, Object> params) {
		Optional<KhienUser> user = currentUser.find();
		if (user.isEmpty()) {
			return currentUser.scope().unrestricted() ? "1=1" : "1=0";
		}
		KhienUser u = user.get();
		if (u.readsWholeProvince()) {
			return "1=1";
		}
		StringBuilder any = new StringBuilder("(1=0");
		if (u.has(Role.ORGANISATION) && u.organisationId() != null) {
			any.append(" OR c.organisation_id = :ownOrganisation");
			params.put("ownOrganisation", u.organisationId());
		}
		if (u.has(Role.AGENCY_OFFICER) && u.agencyId() != null) {
			Set<Long> mine = hierarchy.selfAndDescendants(u.agencyId());
			any.append(" OR c.agency_id IN (:ownAgencies) OR c.incident_agency_id IN (:ownAgencies)");
			params.put("ownAgencies", mine.isEmpty() ? Set.of(u.agencyId()) : mine);
		}
		return any.append(")").toString();
	}

	/** The requests the caller answers, as a condition on {@code c}. */
	private String answered(Map<String, Object> params) {
		Optional<KhienUser> user = currentUser.find();
		if (user.isEmpty()) {
			return "1=0";
		}
		KhienUser u = user.get();
		StringBuilder any = new StringBuilder("(1=0");
		if (u.has(Role.ORGANISATION) && u.organisationId() != null) {
			any.append(" OR c.organisation_id = :answerOrganisation");
			params.put("answerOrganisation", u.organisationId());
		}
		if (u.has(Role.AGENCY_OFFICER) && u.agencyId() != null) {
			Set<Long> mine = hierarchy.selfAndDescendants(u.agencyId());
			any.append(" OR c.agency_id IN (:answerAgencies)");
			params.put("answerAgencies", mine.isEmpty() ? Set.of(u.agencyId()) : mine);
		}
		return any.append(")").toString();
	}

	private String label(@Nullable Long agencyId, @Nullable Long organisationId) {
		if (organisationId != null) {
			return organisations.find(organisationId).map(Organisation::name).orElse("#" + organisationId);
		}
		return agencyId == null ? "" : agencies.label(agencyId).orElse("#" + agencyId);
	}

	private static Map<String, Object> summary(CoordinationRequest r) {
		Map<String, Object> s = new HashMap<>();
		s.put("incidentId", r.incidentId());
		s.put("agencyId", r.agencyId());
		s.put("organisationId", r.organisationId());
		s.put("action", r.action());
		s.put("due", r.due().toString());
		return s;
	}

	static CoordinationRequest map(ResultSet rs, int row) throws SQLException {
		return new CoordinationRequest(rs.getLong("id"), rs.getLong("incident_id"),
				IncidentRows.nullableLong(rs, "incident_agency_id"), IncidentRows.nullableLong(rs, "agency_id"),
				IncidentRows.nullableLong(rs, "organisation_id"), rs.getString("action"),
				rs.getDate("due").toLocalDate(), CoordinationRequestStatus.valueOf(rs.getString("status")),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				rs.getString("acknowledged_by"), IncidentRows.instant(rs, "acknowledged_at"),
				rs.getString("completed_by"), IncidentRows.instant(rs, "completed_at"), rs.getString("outcome"));
	}

}
