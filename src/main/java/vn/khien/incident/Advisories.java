package vn.khien.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import vn.khien.registry.Organisations;

/**
 * Advisories (R6.4): a warning the team sends to chosen agencies and providers, with a
 * read receipt per recipient. A recipient is an agency (read by its officers and those
 * above it) or a provider (read by its users); the team reads every advisory and its
 * receipts; nobody else reads any.
 */
@Service
public class Advisories {

	public static final int TITLE_MAX = 500;

	public static final int BODY_MAX = 20_000;

	public static final int RECIPIENTS_MAX = 500;

	private static final int COUNT_CAP = 10_000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final AgencyDirectory agencies;

	private final Organisations organisations;

	private final Incidents incidents;

	private final IncidentDetail detail;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Advisories(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, AgencyDirectory agencies,
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

	/** What the team sends, and to whom (at least one agency or provider). */
	public record NewAdvisory(@Nullable String title, @Nullable String body, @Nullable Tlp tlp,
			@Nullable Long incidentId, List<Long> agencyIds, List<Long> organisationIds) {
	}

	/**
	 * @param unread true: only those the caller has not read
	 */
	public record Filter(@Nullable Boolean unread) {

		public static Filter none() {
			return new Filter(null);
		}

	}

	/** The advisories the caller reads, the newest first. */
	public PageResult<Advisory> list(Filter filter, PageQuery page) {
		Map<String, Object> params = new HashMap<>();
		String mine = received(params);
		boolean team = team();
		StringBuilder where = new StringBuilder(team ? "1=1" : exists(mine, null));
		if (Boolean.TRUE.equals(filter.unread())) {
			where.append(" AND NOT ").append(exists(mine, "r.read_at IS NOT NULL"));
		}
		String order = page.orderBy(Map.of("id", "a.id", "issued", "a.issued_at"), "a.id DESC");
		String counts = team
				? """
						, (SELECT COUNT(*) FROM advisory_recipient r WHERE r.advisory_id = a.id) AS recipient_count,
						  (SELECT COUNT(*) FROM advisory_recipient r WHERE r.advisory_id = a.id AND r.read_at IS NOT NULL) AS read_count"""
				: "";
		List<Advisory> items = jdbc
			.sql("SELECT a.*, CASE WHEN " + exists(mine, "r.read_at IS NOT NULL") + " THEN 1 ELSE 0 END AS is_read"
					+ counts + " FROM advisory a WHERE " + where + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs, team, List.of()))
			.list();
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM advisory a WHERE " + where + " LIMIT " + (COUNT_CAP + 1) + ") c")
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/**
	 * The advisory (with its receipts for the team), or 404 to anyone it was not sent to.
	 */
	public Advisory get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("advisory", id));
	}

	public Optional<Advisory> find(long id) {
		Map<String, Object> params = new HashMap<>();
		String mine = received(params);
		boolean team = team();
		List<Advisory.Receipt> receipts = team ? receipts(id) : List.of();
		String counts = team
				? """
						, (SELECT COUNT(*) FROM advisory_recipient r WHERE r.advisory_id = a.id) AS recipient_count,
						  (SELECT COUNT(*) FROM advisory_recipient r WHERE r.advisory_id = a.id AND r.read_at IS NOT NULL) AS read_count"""
				: "";
		return jdbc
			.sql("SELECT a.*, CASE WHEN " + exists(mine, "r.read_at IS NOT NULL") + " THEN 1 ELSE 0 END AS is_read"
					+ counts + " FROM advisory a WHERE a.id = :id AND " + (team ? "1=1" : exists(mine, null)))
			.params(params)
			.param("id", id)
			.query((rs, n) -> map(rs, team, receipts))
			.optional();
	}

	/** How many advisories the caller received and has not read (capped). */
	public long unread() {
		Map<String, Object> params = new HashMap<>();
		String mine = received(params);
		return jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM advisory a WHERE " + exists(mine, null) + " AND NOT "
					+ exists(mine, "r.read_at IS NOT NULL") + " LIMIT " + (COUNT_CAP + 1) + ") c")
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Whether the caller sends advisories: the response team, background work allowed to
	 * write the province.
	 */
	public boolean mayIssue() {
		return team();
	}

	/** Whether the caller is among the advisory's recipients. */
	public boolean received(Advisory advisory) {
		Map<String, Object> params = new HashMap<>();
		String mine = received(params);
		return jdbc.sql("SELECT COUNT(*) FROM advisory_recipient r WHERE r.advisory_id = :id AND " + mine)
			.params(params)
			.param("id", advisory.id())
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	public Advisory issue(NewAdvisory n) {
		if (!team()) {
			throw InvalidInputException.withStatus(403, "advisory.team.only");
		}
		String title = n.title() == null ? "" : n.title().strip();
		if (title.isEmpty() || title.length() > TITLE_MAX) {
			throw new InvalidInputException("title", "advisory.title.required", TITLE_MAX);
		}
		String body = n.body() == null ? "" : n.body().strip();
		if (body.isEmpty() || body.length() > BODY_MAX) {
			throw new InvalidInputException("body", "advisory.body.required", BODY_MAX);
		}
		Incident incident = null;
		if (n.incidentId() != null) {
			incident = incidents.find(n.incidentId())
				.orElseThrow(
						() -> new InvalidInputException("incidentId", "advisory.incident.unknown", n.incidentId()));
		}
		Set<Long> agencyIds = new LinkedHashSet<>(n.agencyIds());
		Set<Long> organisationIds = new LinkedHashSet<>(n.organisationIds());
		if (agencyIds.isEmpty() && organisationIds.isEmpty()) {
			throw new InvalidInputException("agencyIds", "advisory.recipients.required");
		}
		if (agencyIds.size() + organisationIds.size() > RECIPIENTS_MAX) {
			throw new InvalidInputException("agencyIds", "advisory.recipients.tooMany", RECIPIENTS_MAX);
		}
		for (Long a : agencyIds) {
			if (a == null || agencies.label(a).isEmpty()) {
				throw new InvalidInputException("agencyIds", "advisory.agency.unknown", String.valueOf(a));
			}
		}
		for (Long o : organisationIds) {
			if (o == null || organisations.find(o).isEmpty()) {
				throw new InvalidInputException("organisationIds", "advisory.organisation.unknown", String.valueOf(o));
			}
		}
		Tlp tlp = n.tlp() == null ? Tlp.AMBER : n.tlp();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO advisory (title, body, tlp, incident_id, issued_by, issued_at)
				VALUES (:title, :body, :tlp, :incident, :by, :now)""")
			.param("title", title)
			.param("body", body)
			.param("tlp", tlp.name())
			.param("incident", n.incidentId())
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (Long a : agencyIds) {
			jdbc.sql("INSERT INTO advisory_recipient (advisory_id, agency_id) VALUES (:id, :a)")
				.param("id", id)
				.param("a", a)
				.update();
		}
		for (Long o : organisationIds) {
			jdbc.sql("INSERT INTO advisory_recipient (advisory_id, organisation_id) VALUES (:id, :o)")
				.param("id", id)
				.param("o", o)
				.update();
		}
		if (incident != null) {
			detail.event(incident.id(), incident.agencyId(), "advisory", null, null, "#" + id + " " + title,
					currentUser.name());
		}
		audit.record("ADVISORY_ISSUED", "advisory", id, null,
				Map.of("title", title, "tlp", tlp.code(), "agencies", agencyIds, "organisations", organisationIds));
		events.publishEvent(
				new AdvisoryIssued(id, title, tlp, n.incidentId(), Set.copyOf(agencyIds), Set.copyOf(organisationIds)));
		return get(id);
	}

	/**
	 * The caller's agency or organisation has read the advisory: its receipts not read
	 * yet take the caller's name and the time; a second read changes nothing. 403 for a
	 * team member it was not sent to.
	 */
	@Transactional
	public Advisory read(long id) {
		Advisory advisory = get(id);
		Map<String, Object> params = new HashMap<>();
		String mine = received(params);
		int marked = jdbc
			.sql("UPDATE advisory_recipient r SET read_by = :by, read_at = :now WHERE r.advisory_id = :id"
					+ " AND r.read_at IS NULL AND " + mine)
			.params(params)
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		if (marked == 0 && !received(advisory)) {
			throw InvalidInputException.withStatus(403, "advisory.notRecipient");
		}
		if (marked > 0) {
			audit.record("ADVISORY_READ", "advisory", id, null, Map.of("receipts", marked));
		}
		return get(id);
	}

	private List<Advisory.Receipt> receipts(long id) {
		return jdbc.sql("""
				SELECT agency_id, organisation_id, read_by, read_at FROM advisory_recipient WHERE advisory_id = :id
				ORDER BY organisation_id, agency_id""")
			.param("id", id)
			.query((rs, n) -> new Advisory.Receipt(IncidentRows.nullableLong(rs, "agency_id"),
					IncidentRows.nullableLong(rs, "organisation_id"), rs.getString("read_by"),
					IncidentRows.instant(rs, "read_at")))
			.list();
	}

	private boolean team() {
		return incidents.onTeam() || currentUser.mayEditProvince();
	}

	/**
	 * An EXISTS over the advisory's receipts that are the caller's ({@code mine}), with
	 * {@code also}.
	 */
	private static String exists(String mine, @Nullable String also) {
		return "EXISTS (SELECT 1 FROM advisory_recipient r WHERE r.advisory_id = a.id AND " + mine
				+ (also == null ? "" : " AND " + also) + ")";
	}

	/** The receipts the caller answers for, as a condition on {@code r}. */
	private String received(Map<String, Object> params) {
		Optional<KhienUser> user = currentUser.find();
		if (user.isEmpty()) {
			return "1=0";
		}
		KhienUser u = user.get();
		StringBuilder any = new StringBuilder("(1=0");
		if (u.has(Role.ORGANISATION) && u.organisationId() != null) {
			any.append(" OR r.organisation_id = :ownOrganisation");
			params.put("ownOrganisation", u.organisationId());
		}
		if (u.has(Role.AGENCY_OFFICER) && u.agencyId() != null) {
			Set<Long> mine = hierarchy.selfAndDescendants(u.agencyId());
			any.append(" OR r.agency_id IN (:ownAgencies)");
			params.put("ownAgencies", mine.isEmpty() ? Set.of(u.agencyId()) : mine);
		}
		return any.append(")").toString();
	}

	private static Advisory map(ResultSet rs, boolean team, List<Advisory.Receipt> receipts) throws SQLException {
		return new Advisory(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
				Tlp.valueOf(rs.getString("tlp")), IncidentRows.nullableLong(rs, "incident_id"),
				rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), rs.getInt("is_read") == 1,
				team ? rs.getInt("recipient_count") : null, team ? rs.getInt("read_count") : null, receipts);
	}

}
