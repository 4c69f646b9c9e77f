package vn.khien.incident;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.law.RulePack;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.Role;
import vn.khien.platform.Sha256;

/**
 * Incidents as reported and read (R6.1): an agency’s report with the fields of the
 * initial report form becomes a case at once; a public report and a provider’s or tool’s
 * report wait in the queue for triage. Whatever a sender sent is kept as it came.
 * Agencies read the incidents that concern them; the province-wide roles read all.
 */
@Service
public class Incidents {

	private static final int COUNT_CAP = 10_000;

	static final int MAX_TEXT = 20_000;

	static final int MAX_TITLE = 500;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final AgencyDirectory agencies;

	private final Systems systems;

	private final IncidentDeadlines deadlines;

	private final IncidentDetail detail;

	private final AuditLog audit;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final IncidentSettings settings;

	private final TransactionTemplate nested;

	Incidents(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, AgencyDirectory agencies,
			Systems systems, IncidentDeadlines deadlines, IncidentDetail detail, AuditLog audit, JsonMapper json,
			ApplicationEventPublisher events, IncidentSettings settings, PlatformTransactionManager transactions) {
		this.settings = settings;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.agencies = agencies;
		this.systems = systems;
		this.deadlines = deadlines;
		this.detail = detail;
		this.audit = audit;
		this.json = json;
		this.events = events;
	}

	/**
	 * @param agencyId that agency and those below it
	 * @param queue only reports waiting for triage
	 * @param overdue only incidents with a deadline passed and not met
	 */
	/**
	 * What a list asks for. {@code from} and {@code to} bound the discovery day (both
	 * included, in the province's time zone); {@code cases} keeps the cases only, as the
	 * statistics count them: not waiting for triage, rejected or merged.
	 */
	public record Filter(@Nullable Long agencyId, @Nullable IncidentStatus status, @Nullable IncidentSource source,
			@Nullable Boolean queue, @Nullable Boolean overdue, @Nullable Boolean serious, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable Boolean cases) {

		public Filter(@Nullable Long agencyId, @Nullable IncidentStatus status, @Nullable IncidentSource source,
				@Nullable Boolean queue, @Nullable Boolean overdue, @Nullable Boolean serious) {
			this(agencyId, status, source, queue, overdue, serious, null, null, null);
		}

		public Filter {
			if (from != null && to != null && to.isBefore(from)) {
				throw new InvalidInputException("to", "incident.filter.reversed", from, to);
			}
		}

		public static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}

	}

	/** An agency’s report, with the initial report form’s fields. */
	public record AgencyReport(String title, String description, OffsetDateTime discoveredAt, long agencyId,
			@Nullable Long systemId, @Nullable DetectedBy detectedBy, @Nullable IncidentSeverity severity,
			@Nullable Tlp tlp, @Nullable Taxonomy taxonomy, @Nullable Impact impact, boolean beyondCapability,
			boolean nationalSecurity, InitialReport form) {
	}

	/**
	 * A member of the public’s report: what, when, where, and how to answer them.
	 */
	public record PublicReport(String description, @Nullable OffsetDateTime happenedAt, @Nullable String url,
			@Nullable String domain, @Nullable String ip, @Nullable String phone, @Nullable String contact,
			boolean wantsReply, String original, List<Attachment> attachments) {
	}

	/** A file a reporter attached (a screenshot). */
	public record Attachment(InputStream content, String filename, @Nullable String contentType, long size) {
	}

	/** A provider’s or tool’s report, idempotent by its own reference. */
	public record SenderReport(String externalRef, String title, String description, OffsetDateTime discoveredAt,
			@Nullable Long agencyId, @Nullable IncidentSeverity severity, @Nullable Taxonomy taxonomy,
			List<ObservableInput> observables, String original) {
	}

	public record ObservableInput(ObservableKind kind, String value, @Nullable Tlp tlp, @Nullable String note) {
	}

	/** What a sender gets back: the incident, and whether this call created it. */
	public record Received(long id, IncidentStatus status, boolean created) {
	}

	/** What the public sees of its report. */
	public record PublicStatus(String status, Instant updatedAt) {
	}

	/** Incidents in the caller’s scope, the newest first. */
	public PageResult<Incident> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String order = page.orderBy(Map.of("id", "i.id", "discoveredAt", "i.discovered_at", "severity", "i.severity"),
				"i.id DESC");
		StringBuilder where = new StringBuilder(scope.filter("i.agency_id"));
		Map<String, Object> params = new HashMap<>();
		if (filter.agencyId() != null) {
			where.append(" AND i.agency_id IN (:within)");
			params.put("within", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.status() != null) {
			where.append(" AND i.status = :status");
			params.put("status", filter.status().name());
		}
		else if (Boolean.TRUE.equals(filter.queue())) {
			where.append(" AND i.status = 'NEW'");
		}
		else {
			where.append(" AND i.status <> 'MERGED'");
		}
		if (filter.source() != null) {
			where.append(" AND i.source = :source");
			params.put("source", filter.source().name());
		}
		if (Boolean.TRUE.equals(filter.serious())) {
			where.append(" AND i.serious = TRUE");
		}
		if (filter.from() != null) {
			where.append(" AND i.discovered_at >= :discoveredFrom");
			params.put("discoveredFrom", Timestamp.from(filter.from().atStartOfDay(Formats.ZONE).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND i.discovered_at < :discoveredBefore");
			params.put("discoveredBefore",
					Timestamp.from(filter.to().plusDays(1).atStartOfDay(Formats.ZONE).toInstant()));
		}
		if (Boolean.TRUE.equals(filter.cases())) {
			where.append(" AND " + PeriodicReport.CASES);
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			where.append(" AND i.status IN ('DETECTION', 'CONTAINMENT', 'POST_INCIDENT')"
					+ " AND EXISTS (SELECT 1 FROM incident_deadline d WHERE d.incident_id = i.id"
					+ " AND d.met_at IS NULL AND d.due < :now)");
			params.put("now", Timestamp.from(Instant.now()));
		}
		var items = scope
			.bind(jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM incident i WHERE " + where + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
				.params(params))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> IncidentRows.map(rs, json))
			.list();
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM incident i WHERE " + where + " LIMIT " + (COUNT_CAP + 1)
					+ ") c")
				.params(params))
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/**
	 * How many open cases in the caller’s scope have a deadline passed and not met,
	 * counted from the deadlines (index on met_at, due) and capped.
	 */
	public long overdueCount() {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("""
					SELECT COUNT(*) FROM (SELECT DISTINCT d.incident_id FROM incident_deadline d
					  JOIN incident i ON i.id = d.incident_id
					  WHERE d.met_at IS NULL AND d.due < :now AND %s
					    AND i.status IN ('DETECTION', 'CONTAINMENT', 'POST_INCIDENT')
					  LIMIT %d) c""".formatted(scope.filter("d.agency_id"), COUNT_CAP + 1))
				.param("now", Timestamp.from(Instant.now())))
			.query(Long.class)
			.single();
	}

	/** The incident with all it holds, or 404 outside the caller’s scope. */
	public Incident get(long id) {
		return detail.of(head(id), currentUser.find().map(KhienUser::id).orElse(null));
	}

	/** The incident alone, or 404 outside the caller’s scope. */
	public Incident head(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("incident", id));
	}

	public Optional<Incident> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + IncidentRows.COLUMNS + " FROM incident i WHERE i.id = :id AND "
					+ scope.filter("i.agency_id"))
				.param("id", id))
			.query((rs, n) -> IncidentRows.map(rs, json))
			.optional()
			.map(i -> onTeam() ? i : i.withoutContact());
	}

	/**
	 * What the sender sent, as it came (a public report’s form, a provider’s JSON), for
	 * the response team.
	 */
	public Optional<String> original(long id) {
		head(id);
		Long viewer = currentUser.find().map(KhienUser::id).orElse(null);
		if (viewer == null || !detail.participant(id, viewer)) {
			throw InvalidInputException.withStatus(403, "incident.original.participants");
		}
		return jdbc.sql("SELECT original FROM incident WHERE id = :id").param("id", id).query(String.class).optional();
	}

	/**
	 * An agency’s report: a case in detection at once, with the deadlines of the pack in
	 * force on its discovery date. An officer reports for their agency and those below
	 * it; the response team for any.
	 */
	@Transactional
	public Incident report(AgencyReport report) {
		if (!currentUser.scope().includes(report.agencyId())) {
			throw new NotFoundException("agency", report.agencyId());
		}
		if (!currentUser.mayEdit(report.agencyId()) && !onTeam()) {
			throw InvalidInputException.withStatus(403, "incident.report.notYours");
		}
		requireAgency(report.agencyId());
		InformationSystem system = null;
		if (report.systemId() != null) {
			system = systems.find(report.systemId())
				.filter(s -> s.ownerAgencyId() == report.agencyId() || systems.belongsTo(s.id(), report.agencyId()))
				.orElseThrow(
						() -> new InvalidInputException("systemId", "incident.system.notOfAgency", report.systemId()));
		}
		checkText(report.title(), report.description());
		Instant discovered = discovered(report.discoveredAt());
		Integer level = system == null ? null : system.securityLevel();
		String form = json.writeValueAsString(report.form());
		if (form.length() > MAX_TEXT) {
			throw new InvalidInputException("form", "incident.form.tooLong", MAX_TEXT);
		}
		long id = insert(
				new Row(report.agencyId(), report.systemId(), onTeam() ? IncidentSource.TEAM : IncidentSource.AGENCY,
						IncidentStatus.DETECTION, report.title(), report.description(), discovered,
						severityOr(report.severity()), tlpOr(report.tlp()), report.taxonomy(), report.impact(), level,
						system != null && system.critical(), report.beyondCapability(), report.nationalSecurity(),
						report.detectedBy(), form, json.writeValueAsString(report), null, false, null, null, null));
		detail.classifySerious(head(id));
		Incident created = head(id);
		deadlines.plan(created);
		detail.event(id, created.agencyId(), "reported", null, IncidentStatus.DETECTION, null, currentUser.name());
		currentUser.find().ifPresent(u -> detail.participate(id, u.id()));
		audit.record("INCIDENT_REPORTED", "incident", id, null, summary(created));
		events.publishEvent(new IncidentReported(id, created.agencyId(), created.source(), created.title()));
		return get(id);
	}

	/**
	 * A public report: kept as sent, in the queue, with its addresses as observables; the
	 * tracking code is returned once and only its hash is stored.
	 */
	@Transactional
	public String reportFromPublic(PublicReport report) {
		checkText("-", report.description());
		if (report.wantsReply() && (report.contact() == null || report.contact().isBlank())) {
			throw new InvalidInputException("contact", "incident.public.contactNeeded");
		}
		if (report.contact() != null && report.contact().length() > 500) {
			throw new InvalidInputException("contact", "incident.text.tooLong", 500);
		}
		String code = TrackingCodes.next();
		Instant happened = report.happenedAt() == null ? Instant.now() : discovered(report.happenedAt());
		String title = titleOf(report.description());
		long id = insert(
				new Row(null, null, IncidentSource.PUBLIC, IncidentStatus.NEW, title, report.description(), happened,
						IncidentSeverity.MEDIUM, Tlp.AMBER, null, null, null, false, false, false, DetectedBy.NOTIFIED,
						null, report.original(), report.contact(), report.wantsReply(), Sha256.hex(code), null, null));
		List<ObservableInput> observables = new ArrayList<>();
		addIfGiven(observables, ObservableKind.URL, report.url());
		addIfGiven(observables, ObservableKind.DOMAIN, report.domain());
		addIfGiven(observables, ObservableKind.IP, report.ip());
		addIfGiven(observables, ObservableKind.PHONE, report.phone());
		for (ObservableInput o : observables) {
			detail.observe(id, null, o, CurrentUser.ANONYMOUS);
		}
		for (Attachment a : report.attachments()) {
			detail.keep(id, null, a.content(), a.filename(), a.contentType(), a.size(), settings.maxPublicBytes(),
					CurrentUser.ANONYMOUS);
		}
		detail.event(id, null, "reported", null, IncidentStatus.NEW, null, CurrentUser.ANONYMOUS);
		audit.record("INCIDENT_REPORTED", "incident", id, null, Map.of("source", "public", "title", title));
		events.publishEvent(new IncidentReported(id, null, IncidentSource.PUBLIC, title));
		return code;
	}

	/**
	 * A provider’s or tool’s report, once per reference: a second call with the same
	 * reference answers the incident the first made and changes nothing.
	 */
	@Transactional
	public Received reportFromSender(SenderReport report) {
		KhienUser sender = currentUser.find()
			.orElseThrow(() -> InvalidInputException.withStatus(403, "incident.sender.notSignedIn"));
		if (report.externalRef().isBlank() || report.externalRef().length() > 200) {
			throw new InvalidInputException("externalRef", "incident.externalRef.required");
		}
		Optional<Received> earlier = earlier(sender.id(), report.externalRef());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		checkText(report.title(), report.description());
		if (report.agencyId() != null) {
			requireAgency(report.agencyId());
		}
		IncidentSource source = sender.has(Role.ORGANISATION) ? IncidentSource.PROVIDER : IncidentSource.TOOL;
		long id;
		Row row = new Row(report.agencyId(), null, source, IncidentStatus.NEW, report.title(), report.description(),
				discovered(report.discoveredAt()), severityOr(report.severity()), Tlp.AMBER, report.taxonomy(), null,
				null, false, false, false, null, null, report.original(), null, false, null, sender.id(),
				report.externalRef());
		try {
			// NB: in a savepoint, so that PostgreSQL keeps the transaction usable after a
			// duplicate
			id = nested.execute(status -> insert(row));
		}
		catch (DuplicateKeyException ex) {
			// NB: two calls with one reference at once: the other made it
			return earlier(sender.id(), report.externalRef()).orElseThrow(() -> ex);
		}
		for (ObservableInput o : report.observables()) {
			detail.observe(id, report.agencyId(), o, sender.username());
		}
		detail.event(id, report.agencyId(), "reported", null, IncidentStatus.NEW, null, sender.username());
		audit.record("INCIDENT_REPORTED", "incident", id, null,
				Map.of("source", source.code(), "externalRef", report.externalRef()));
		events.publishEvent(new IncidentReported(id, report.agencyId(), source, report.title()));
		return new Received(id, IncidentStatus.NEW, true);
	}

	/**
	 * An alert the SOC escalated: a tool's report in the team's queue, once per alert.
	 */
	public record MonitoringReport(long alertId, @Nullable Long agencyId, @Nullable Long systemId, String title,
			String description, IncidentSeverity severity, Instant discoveredAt, List<ObservableInput> observables,
			String by) {
	}

	/**
	 * Opens the incident for an escalated alert, in the escalating transaction (the
	 * analyst's or the automatic rule's); a second call for the alert answers the first
	 * incident.
	 */
	@Transactional
	public long reportFromMonitoring(MonitoringReport report) {
		String ref = "alert:" + report.alertId();
		Optional<Long> earlier = jdbc
			.sql("SELECT id FROM incident WHERE reporter_account_id IS NULL AND external_ref = :r")
			.param("r", ref)
			.query(Long.class)
			.optional();
		if (earlier.isPresent()) {
			return earlier.get();
		}
		String title = report.title().isBlank() ? ref : report.title();
		long id = insert(new Row(report.agencyId(), report.systemId(), IncidentSource.TOOL, IncidentStatus.NEW,
				title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title,
				report.description().length() > MAX_TEXT ? report.description().substring(0, MAX_TEXT)
						: report.description(),
				report.discoveredAt(), report.severity(), Tlp.AMBER, null, null, null, false, false, false,
				DetectedBy.LOGS, null, report.description(), null, false, null, null, ref));
		for (ObservableInput o : report.observables()) {
			detail.observe(id, report.agencyId(), o, report.by());
		}
		detail.event(id, report.agencyId(), "reported", null, IncidentStatus.NEW, null, report.by());
		audit.record("INCIDENT_REPORTED", "incident", id, null, Map.of("source", "tool", "externalRef", ref));
		events.publishEvent(new IncidentReported(id, report.agencyId(), IncidentSource.TOOL, title));
		return id;
	}

	/**
	 * The public status of the report the code tracks; empty for a code nobody holds, the
	 * same as for a malformed one. A merged report shows its case.
	 */
	public Optional<PublicStatus> publicStatus(String code) {
		Optional<String> normal = TrackingCodes.normal(code);
		if (normal.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT COALESCE(m.status, i.status) AS status, COALESCE(m.updated_at, i.updated_at) AS updated_at
				FROM incident i LEFT JOIN incident m ON m.id = i.merged_into_id
				WHERE i.tracking_hash = :hash""")
			.param("hash", Sha256.hex(normal.get()))
			.query((rs, n) -> new PublicStatus(IncidentStatus.valueOf(rs.getString(1)).publicStatus(),
					rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/**
	 * Whether the caller works cases: the response team, operators, administrators, a
	 * system principal that writes the province.
	 */
	public boolean onTeam() {
		return currentUser.mayEditProvince() || currentUser.find().map(u -> u.has(Role.RESPONDER)).orElse(false);
	}

	static Map<String, Object> summary(Incident i) {
		Map<String, Object> s = new HashMap<>();
		s.put("title", i.title());
		s.put("status", i.status().code());
		s.put("agencyId", i.agencyId());
		s.put("severity", i.severity().code());
		s.put("serious", i.serious());
		s.put("packId", i.packId());
		return s;
	}

	private Optional<Received> earlier(long sender, String ref) {
		return jdbc.sql("SELECT id, status FROM incident WHERE reporter_account_id = :s AND external_ref = :r")
			.param("s", sender)
			.param("r", ref)
			.query((rs, n) -> new Received(rs.getLong(1), IncidentStatus.valueOf(rs.getString(2)), false))
			.optional();
	}

	private record Row(@Nullable Long agencyId, @Nullable Long systemId, IncidentSource source, IncidentStatus status,
			String title, String description, Instant discovered, IncidentSeverity severity, Tlp tlp,
			@Nullable Taxonomy taxonomy, @Nullable Impact impact, @Nullable Integer level, boolean nationallyImportant,
			boolean beyondCapability, boolean nationalSecurity, @Nullable DetectedBy detectedBy, @Nullable String form,
			@Nullable String original, @Nullable String contact, boolean wantsReply, @Nullable String trackingHash,
			@Nullable Long reporter, @Nullable String externalRef) {
	}

	private long insert(Row row) {
		Optional<RulePack> pack = deadlines.packFor(row.discovered());
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO incident (agency_id, system_id, source, status, title, description, discovered_at, pack_id,
				  severity, tlp, taxonomy, report_type, impact, security_level, nationally_important, beyond_capability,
				  national_security, detected_by, initial_report, original, contact, wants_reply, tracking_hash,
				  reporter_account_id, external_ref, created_by, created_at, updated_at)
				VALUES (:agency, :system, :source, :status, :title, :description, :discovered, :pack, :severity, :tlp,
				  :taxonomy, :reportType, :impact, :level, :important, :beyond, :nationalSecurity, :detectedBy, :form,
				  :original, :contact, :wantsReply, :tracking, :reporter, :externalRef, :by, :now, :now)""")
			.param("agency", row.agencyId())
			.param("system", row.systemId())
			.param("source", row.source().name())
			.param("status", row.status().name())
			.param("title", row.title().strip())
			.param("description", row.description().strip())
			.param("discovered", Timestamp.from(row.discovered()))
			.param("pack", pack.map(RulePack::id).orElse(null))
			.param("severity", row.severity().name())
			.param("tlp", row.tlp().name())
			.param("taxonomy", row.taxonomy() == null ? null : row.taxonomy().code())
			.param("reportType", IncidentDetail.reportType(pack.orElse(null), row.taxonomy()))
			.param("impact", row.impact() == null ? null : row.impact().name())
			.param("level", row.level())
			.param("important", row.nationallyImportant())
			.param("beyond", row.beyondCapability())
			.param("nationalSecurity", row.nationalSecurity())
			.param("detectedBy", row.detectedBy() == null ? null : row.detectedBy().name())
			.param("form", row.form())
			.param("original", row.original())
			.param("contact", row.contact())
			.param("wantsReply", row.wantsReply())
			.param("tracking", row.trackingHash())
			.param("reporter",
					row.reporter() != null ? row.reporter() : currentUser.find().map(KhienUser::id).orElse(null))
			.param("externalRef", row.externalRef())
			.param("by", currentUser.name())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void requireAgency(long agencyId) {
		if (agencies.label(agencyId).isEmpty()) {
			throw new InvalidInputException("agencyId", "incident.agency.unknown", agencyId);
		}
	}

	private static Instant discovered(OffsetDateTime at) {
		Instant instant = at.toInstant();
		if (instant.isAfter(Instant.now().plusSeconds(3600))) {
			throw new InvalidInputException("discoveredAt", "incident.discoveredAt.future");
		}
		return instant;
	}

	static void checkText(String title, String description) {
		if (title.isBlank() || title.length() > MAX_TITLE) {
			throw new InvalidInputException("title", "incident.title.required", MAX_TITLE);
		}
		if (description.isBlank() || description.length() > MAX_TEXT) {
			throw new InvalidInputException("description", "incident.description.required", MAX_TEXT);
		}
	}

	private static String titleOf(String description) {
		String line = description.strip().lines().findFirst().orElse("").strip();
		return line.length() <= 120 ? line : line.substring(0, 119) + "…";
	}

	private static void addIfGiven(List<ObservableInput> to, ObservableKind kind, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			to.add(new ObservableInput(kind, value.strip(), null, null));
		}
	}

	private static IncidentSeverity severityOr(@Nullable IncidentSeverity s) {
		return s == null ? IncidentSeverity.MEDIUM : s;
	}

	private static Tlp tlpOr(@Nullable Tlp t) {
		return t == null ? Tlp.AMBER : t;
	}

}
