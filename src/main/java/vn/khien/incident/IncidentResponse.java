package vn.khien.incident;

import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.ScannedHosts;
import vn.khien.inventory.Systems;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;

/**
 * Working a case (R6.2): triage (classification, severity, TLP, the agency and system it
 * concerns, the serious-incident flags), moves through the phases of the response, merges
 * of duplicates, tasks for the roster’s members, observables, evidence files, linked
 * hosts, notes and the deadlines met. The response team does all of it; the agency an
 * incident concerns adds observables, files and notes. Every change is on the timeline
 * and in the audit trail.
 */
@Service
public class IncidentResponse {

	private final JdbcClient jdbc;

	private final Incidents incidents;

	private final IncidentDetail detail;

	private final IncidentDeadlines deadlines;

	private final CurrentUser currentUser;

	private final Systems systems;

	private final ScannedHosts hosts;

	private final FileStore files;

	private final AuditLog audit;

	private final IncidentSettings settings;

	private final ApplicationEventPublisher events;

	private final ResponsePlans plans;

	IncidentResponse(JdbcClient jdbc, Incidents incidents, IncidentDetail detail, IncidentDeadlines deadlines,
			CurrentUser currentUser, Systems systems, ScannedHosts hosts, FileStore files, AuditLog audit,
			IncidentSettings settings, ApplicationEventPublisher events, ResponsePlans plans) {
		this.plans = plans;
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.detail = detail;
		this.deadlines = deadlines;
		this.currentUser = currentUser;
		this.systems = systems;
		this.hosts = hosts;
		this.files = files;
		this.audit = audit;
		this.settings = settings;
		this.events = events;
	}

	/** A move to another status; closing needs the root cause, actions and lessons. */
	public record Move(IncidentStatus to, @Nullable String note, @Nullable String rootCause,
			@Nullable String actionsTaken, @Nullable String lessonsLearned, @Nullable Handling handling,
			@Nullable Long estimatedDamage) {
	}

	/** What triage sets; null leaves a value as it is. */
	public record Triage(@Nullable Long agencyId, @Nullable Long systemId, @Nullable IncidentSeverity severity,
			@Nullable Tlp tlp, @Nullable Taxonomy taxonomy, @Nullable String reportType, @Nullable Impact impact,
			@Nullable Boolean beyondCapability, @Nullable Boolean nationalSecurity,
			@Nullable Boolean nationallyImportant, @Nullable Long leadAccountId, @Nullable Handling handling,
			@Nullable Long estimatedDamage) {
	}

	public record TaskInput(IncidentPhase phase, String title, @Nullable String description, @Nullable Long responderId,
			@Nullable LocalDate due) {
	}

	/** A change to a task; null leaves a value as it is. */
	public record TaskChange(@Nullable TaskStatus status, @Nullable Long responderId, @Nullable String log) {
	}

	/** An evidence file as kept, and where to read it. */
	public record EvidenceFile(Incident.Evidence evidence, FileStore.StoredFile file) {
	}

	@Transactional
	public Incident move(long id, Move move) {
		Incident i = forTeam(id);
		if (!i.status().next().contains(move.to())) {
			throw InvalidInputException.conflict("to", "incident.move.illegal", i.status().code(), move.to().code());
		}
		String rootCause = textOr(move.rootCause(), i.rootCause(), "rootCause");
		String actions = textOr(move.actionsTaken(), i.actionsTaken(), "actionsTaken");
		String lessons = textOr(move.lessonsLearned(), i.lessonsLearned(), "lessonsLearned");
		if (move.to() == IncidentStatus.CLOSED && (rootCause == null || actions == null || lessons == null)) {
			throw new InvalidInputException("rootCause", "incident.close.needs");
		}
		checkDamage(move.estimatedDamage());
		if (move.to() == IncidentStatus.REJECTED && (move.note() == null || move.note().isBlank())) {
			throw new InvalidInputException("note", "incident.reject.needsNote");
		}
		Instant now = Instant.now();
		Instant ended = i.responseEndedAt();
		if (ended == null && (move.to() == IncidentStatus.POST_INCIDENT || move.to() == IncidentStatus.CLOSED)) {
			ended = now;
		}
		if (move.to() == IncidentStatus.DETECTION || move.to() == IncidentStatus.CONTAINMENT) {
			ended = null;
		}
		int changed = jdbc
			.sql("""
					UPDATE incident SET status = :to, root_cause = :root, actions_taken = :actions, lessons_learned = :lessons,
					  handling = COALESCE(:handling, handling), estimated_damage = COALESCE(:damage, estimated_damage),
					  response_ended_at = :ended, closed_at = :closed, updated_at = :now
					WHERE id = :id""")
			.param("to", move.to().name())
			.param("root", rootCause)
			.param("actions", actions)
			.param("lessons", lessons)
			.param("handling", move.handling() == null ? null : move.handling().name())
			.param("damage", move.estimatedDamage())
			.param("ended", IncidentRows.timestamp(ended))
			.param("closed", move.to() == IncidentStatus.CLOSED ? Timestamp.from(now) : null)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		if (changed == 0) {
			// another move got there first
			throw InvalidInputException.conflict("to", "incident.move.illegal", i.status().code(), move.to().code());
		}
		Incident moved = incidents.head(id);
		deadlines.plan(moved);
		detail.event(id, i.agencyId(), "status", i.status(), move.to(), move.note(), currentUser.name());
		audit.record("INCIDENT_MOVED", "incident", id, Map.of("status", i.status().code()),
				Map.of("status", move.to().code()));
		events.publishEvent(new IncidentStatusChanged(id, i.agencyId(), i.status(), move.to()));
		return incidents.get(id);
	}

	@Transactional
	public Incident triage(long id, Triage t) {
		Incident i = forTeam(id);
		if (i.status() == IncidentStatus.MERGED) {
			throw InvalidInputException.conflict("id", "incident.merged", i.mergedIntoId());
		}
		Long agency = t.agencyId() != null ? t.agencyId() : i.agencyId();
		if (t.agencyId() != null) {
			incidents.requireAgency(t.agencyId());
		}
		Long systemId = t.systemId() != null ? t.systemId() : i.systemId();
		Integer level = i.securityLevel();
		boolean important = t.nationallyImportant() != null ? t.nationallyImportant() : i.nationallyImportant();
		if (systemId != null && (t.systemId() != null || t.agencyId() != null)) {
			InformationSystem system = systems.find(systemId)
				.orElseThrow(() -> new InvalidInputException("systemId", "incident.system.notOfAgency", t.systemId()));
			if (agency == null || (system.ownerAgencyId() != agency && !systems.belongsTo(systemId, agency))) {
				throw new InvalidInputException("systemId", "incident.system.notOfAgency", systemId);
			}
			level = system.securityLevel();
			important = t.nationallyImportant() != null ? t.nationallyImportant() : system.critical();
		}
		checkDamage(t.estimatedDamage());
		if (t.reportType() != null && i.packId() != null) {
			boolean known = detail.pack(i.packId())
				.incidentTypes()
				.stream()
				.anyMatch(type -> type.id().equals(t.reportType()));
			if (!known) {
				throw new InvalidInputException("reportType", "incident.reportType.unknown", t.reportType());
			}
		}
		Taxonomy taxonomy = t.taxonomy() != null ? t.taxonomy() : i.taxonomy();
		String reportType = t.reportType() != null ? t.reportType()
				: t.taxonomy() != null
						? IncidentDetail.reportType(i.packId() == null ? null : detail.pack(i.packId()), t.taxonomy())
						: i.reportType();
		jdbc.sql("""
				UPDATE incident SET agency_id = :agency, system_id = :system, severity = :severity, tlp = :tlp,
				  taxonomy = :taxonomy, report_type = :reportType, impact = :impact, security_level = :level,
				  beyond_capability = :beyond, national_security = :natsec, nationally_important = :important,
				  lead_account_id = :lead, handling = :handling, estimated_damage = :damage, updated_at = :now
				WHERE id = :id""")
			.param("agency", agency)
			.param("system", systemId)
			.param("severity", (t.severity() != null ? t.severity() : i.severity()).name())
			.param("tlp", (t.tlp() != null ? t.tlp() : i.tlp()).name())
			.param("taxonomy", taxonomy == null ? null : taxonomy.code())
			.param("reportType", reportType)
			.param("impact", t.impact() != null ? t.impact().name() : i.impact() == null ? null : i.impact().name())
			.param("level", level)
			.param("beyond", t.beyondCapability() != null ? t.beyondCapability() : i.beyondCapability())
			.param("natsec", t.nationalSecurity() != null ? t.nationalSecurity() : i.nationalSecurity())
			.param("important", important)
			.param("lead", t.leadAccountId() != null ? t.leadAccountId() : i.leadAccountId())
			.param("handling",
					t.handling() != null ? t.handling().name() : i.handling() == null ? null : i.handling().name())
			.param("damage", t.estimatedDamage() != null ? t.estimatedDamage() : i.estimatedDamage())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		if (agency != null && !agency.equals(i.agencyId())) {
			// what the case holds follows it to the agency it concerns, for the scoped
			// reads
			for (String table : List.of("incident_event", "incident_deadline", "incident_task", "incident_observable",
					"incident_evidence", "incident_asset")) {
				jdbc.sql("UPDATE " + table + " SET agency_id = :a WHERE incident_id = :id")
					.param("a", agency)
					.param("id", id)
					.update();
			}
			jdbc.sql("UPDATE coordination_request SET incident_agency_id = :a WHERE incident_id = :id")
				.param("a", agency)
				.param("id", id)
				.update();
		}
		if (t.leadAccountId() != null) {
			detail.participate(id, t.leadAccountId());
		}
		detail.classifySerious(incidents.head(id));
		Incident triaged = incidents.head(id);
		deadlines.plan(triaged);
		detail.event(id, agency, "triage", null, null, triageText(i, triaged), currentUser.name());
		audit.record("INCIDENT_TRIAGED", "incident", id, Incidents.summary(i), Incidents.summary(triaged));
		return incidents.get(id);
	}

	/**
	 * Merges a duplicate into a case: the duplicate keeps what it holds and its original,
	 * follows the case from now on, and its observables are added to the case.
	 */
	@Transactional
	public Incident merge(long id, long intoId) {
		if (id == intoId) {
			throw new InvalidInputException("into", "incident.merge.self");
		}
		forTeam(id);
		forTeam(intoId);
		// NB: both rows locked in id order, so that two merges of the same pair at once
		// cannot cross
		jdbc.sql("SELECT id FROM incident WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
			.param("a", Math.min(id, intoId))
			.param("b", Math.max(id, intoId))
			.query(Long.class)
			.list();
		Incident duplicate = incidents.head(id);
		Incident into = incidents.head(intoId);
		if (duplicate.status() == IncidentStatus.MERGED || into.status() == IncidentStatus.MERGED) {
			throw InvalidInputException.conflict("into", "incident.merged",
					duplicate.status() == IncidentStatus.MERGED ? duplicate.mergedIntoId() : into.mergedIntoId());
		}
		jdbc.sql("""
				UPDATE incident SET status = 'MERGED', merged_into_id = :into, updated_at = :now
				WHERE id = :id AND status <> 'MERGED'""")
			.param("into", intoId)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		// a merge of a case that others were merged into carries them along
		jdbc.sql("UPDATE incident SET merged_into_id = :into WHERE merged_into_id = :id")
			.param("into", intoId)
			.param("id", id)
			.update();
		for (Incident.Observable o : detail.observables(id)) {
			detail.observe(intoId, into.agencyId(),
					new Incidents.ObservableInput(o.kind(), o.value(), o.tlp(), o.note()), currentUser.name());
		}
		jdbc.sql("DELETE FROM incident_deadline WHERE incident_id = :id AND met_at IS NULL").param("id", id).update();
		detail.event(id, duplicate.agencyId(), "merged", duplicate.status(), IncidentStatus.MERGED, "#" + intoId,
				currentUser.name());
		detail.event(intoId, into.agencyId(), "merged_in", null, null, "#" + id + " " + duplicate.title(),
				currentUser.name());
		audit.record("INCIDENT_MERGED", "incident", id, Map.of("status", duplicate.status().code()),
				Map.of("mergedInto", intoId));
		return incidents.get(intoId);
	}

	@Transactional
	public Incident addTask(long id, TaskInput task) {
		Incident i = forTeam(id);
		requireText(task.title(), "title", 500);
		if (task.description() != null && task.description().length() > 4000) {
			throw new InvalidInputException("description", "incident.text.tooLong", 4000);
		}
		Long account = task.responderId() == null ? null : responderAccount(task.responderId());
		int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM incident_task WHERE incident_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO incident_task (incident_id, agency_id, phase, position, title, description, responder_id,
				  status, due, created_at)
				VALUES (:id, :agency, :phase, :position, :title, :description, :responder, 'OPEN', :due, :now)""")
			.param("id", id)
			.param("agency", i.agencyId())
			.param("phase", task.phase().name())
			.param("position", position)
			.param("title", task.title().strip())
			.param("description", task.description())
			.param("responder", task.responderId())
			.param("due", task.due() == null ? null : Date.valueOf(task.due()))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		if (account != null) {
			detail.participate(id, account);
		}
		detail.event(id, i.agencyId(), "task", null, null, task.title(), currentUser.name());
		audit.record("INCIDENT_TASK", "incident", id, null,
				Map.of("title", task.title(), "phase", task.phase().code()));
		events.publishEvent(new IncidentTaskAssigned(id, i.agencyId(), task.title(), account));
		return incidents.get(id);
	}

	@Transactional
	public Incident changeTask(long id, long taskId, TaskChange change) {
		Incident i = forTeam(id);
		Incident.Task task = incidents.get(id)
			.tasks()
			.stream()
			.filter(t -> t.id() == taskId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("task", taskId));
		Long account = change.responderId() == null ? null : responderAccount(change.responderId());
		TaskStatus status = change.status() != null ? change.status() : task.status();
		boolean done = status == TaskStatus.DONE || status == TaskStatus.CANCELLED;
		jdbc.sql("""
				UPDATE incident_task SET status = :status, responder_id = COALESCE(:responder, responder_id),
				  done_at = :done WHERE id = :task""")
			.param("status", status.name())
			.param("responder", change.responderId())
			.param("done", done ? Timestamp.from(task.doneAt() != null ? task.doneAt() : Instant.now()) : null)
			.param("task", taskId)
			.update();
		if (change.log() != null && !change.log().isBlank()) {
			requireText(change.log(), "log", 4000);
			jdbc.sql("INSERT INTO incident_task_log (task_id, log_at, actor, text) VALUES (:t, :at, :actor, :text)")
				.param("t", taskId)
				.param("at", Timestamp.from(Instant.now()))
				.param("actor", currentUser.name())
				.param("text", change.log().strip())
				.update();
		}
		if (account != null) {
			detail.participate(id, account);
			events.publishEvent(new IncidentTaskAssigned(id, i.agencyId(), task.title(), account));
		}
		detail.event(id, i.agencyId(), "task_change", null, null, task.title() + ": " + status.code(),
				currentUser.name());
		audit.record("INCIDENT_TASK", "incident", id, Map.of("task", taskId, "status", task.status().code()),
				Map.of("task", taskId, "status", status.code()));
		return incidents.get(id);
	}

	/**
	 * The tasks of a response plan’s scenario (its approved version), added to the case
	 * in their order.
	 */
	@Transactional
	public Incident followPlaybook(long id, long planId, String scenarioId) {
		forTeam(id);
		List<PlaybookTask> playbook = plans.playbook(planId, scenarioId);
		for (PlaybookTask task : playbook) {
			addTask(id, new TaskInput(task.phase(), task.title(), task.description(), null, null));
		}
		Incident i = incidents.head(id);
		detail.event(id, i.agencyId(), "playbook", null, null,
				"#" + planId + " " + scenarioId + " (" + playbook.size() + ")", currentUser.name());
		return incidents.get(id);
	}

	/** An observable added by the team or by the agency the incident concerns. */
	@Transactional
	public Incident observe(long id, Incidents.ObservableInput input) {
		Incident i = forContributor(id);
		detail.observe(id, i.agencyId(), input, currentUser.name());
		detail.event(id, i.agencyId(), "observable", null, null, input.kind().code() + " (" + tlpOf(input) + ")",
				currentUser.name());
		audit.record("INCIDENT_OBSERVABLE", "incident", id, null,
				Map.of("kind", input.kind().code(), "tlp", tlpOf(input)));
		return incidents.get(id);
	}

	/** A note on the timeline. */
	@Transactional
	public Incident note(long id, String text) {
		Incident i = forContributor(id);
		requireText(text, "text", 4000);
		detail.event(id, i.agencyId(), "note", null, null, text.strip(), currentUser.name());
		audit.record("INCIDENT_NOTE", "incident", id, null, Map.of("length", text.length()));
		return incidents.get(id);
	}

	/**
	 * An evidence file: checked, stored as received with its SHA-256, kept as a record.
	 */
	@Transactional
	public Incident attach(long id, InputStream content, String filename, @Nullable String contentType, long size) {
		Incident i = forContributor(id);
		if (filename.isBlank() || filename.length() > 300) {
			throw new InvalidInputException("file", "incident.file.name");
		}
		FileStore.StoredFile stored = detail.keep(id, i.agencyId(), content, filename, contentType, size,
				settings.maxAttachmentBytes(), currentUser.name());
		audit.record("INCIDENT_EVIDENCE", "incident", id, null,
				Map.of("file", filename, "sha256", stored.sha256(), "size", stored.size()));
		return incidents.get(id);
	}

	/** An evidence file of an incident the caller reads. */
	public EvidenceFile evidence(long id, long evidenceId) {
		Incident i = incidents.get(id);
		Incident.Evidence e = i.evidence()
			.stream()
			.filter(x -> x.id() == evidenceId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("evidence", evidenceId));
		FileStore.StoredFile file = files.find(e.fileId()).orElseThrow(() -> new NotFoundException("file", evidenceId));
		return new EvidenceFile(e, file);
	}

	public InputStream open(FileStore.StoredFile file) {
		return files.open(file);
	}

	/** Records that what a deadline asks for was sent, when it was. */
	@Transactional
	public Incident meetDeadline(long id, String kind, @Nullable Instant at) {
		Incident i = forTeam(id);
		if (!deadlines.exists(id, kind)) {
			throw new NotFoundException("deadline", kind);
		}
		Instant when = at == null ? Instant.now() : at;
		if (when.isAfter(Instant.now().plusSeconds(300))) {
			throw new InvalidInputException("metAt", "incident.deadline.future");
		}
		if (!deadlines.meet(id, kind, when, currentUser.name())) {
			throw InvalidInputException.conflict("kind", "incident.deadline.met", kind);
		}
		detail.event(id, i.agencyId(), "deadline_met", null, null, kind, currentUser.name());
		audit.record("INCIDENT_DEADLINE_MET", "incident", id, null, Map.of("kind", kind, "at", when.toString()));
		return incidents.get(id);
	}

	/**
	 * Adds an account to the case’s participants, who read its TLP:RED observables.
	 */
	@Transactional
	public Incident addParticipant(long id, long accountId) {
		Incident i = forTeam(id);
		detail.requireAccount(accountId);
		detail.participate(id, accountId);
		detail.event(id, i.agencyId(), "participant", null, null, "#" + accountId, currentUser.name());
		audit.record("INCIDENT_PARTICIPANT", "incident", id, null, Map.of("account", accountId));
		return incidents.get(id);
	}

	/**
	 * The inventory hosts the case’s IP addresses, domains and URLs match, with the
	 * agency and system each belongs to: what triage is offered to link.
	 */
	public List<ScannedHosts.Host> suggestions(long id) {
		Incident i = incidents.get(id);
		Map<String, Boolean> keys = new LinkedHashMap<>();
		for (Incident.Observable o : i.observables()) {
			List<String> of = switch (o.kind()) {
				case IP -> ScannedHosts.keysOf(null, o.value(), null);
				case DOMAIN -> ScannedHosts.keysOf(o.value(), null, null);
				case URL -> ScannedHosts.keysOf(null, null, o.value());
				default -> List.of();
			};
			of.forEach(k -> keys.put(k, true));
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		Map<Long, ScannedHosts.Host> found = new LinkedHashMap<>();
		hosts.find(keys.keySet(), null).values().forEach(list -> list.forEach(h -> found.putIfAbsent(h.id(), h)));
		return new ArrayList<>(found.values());
	}

	/** Links inventory hosts to the case. */
	@Transactional
	public Incident link(long id, List<Long> assetIds) {
		Incident i = forTeam(id);
		if (assetIds.isEmpty() || assetIds.size() > 100) {
			throw new InvalidInputException("assetIds", "incident.assets.count", 100);
		}
		List<Long> linked = incidents.get(id).assets();
		for (long assetId : assetIds) {
			ScannedHosts.Host host = hosts.get(assetId).orElseThrow(() -> new NotFoundException("asset", assetId));
			if (linked.contains(host.id())) {
				continue;
			}
			jdbc.sql("""
					INSERT INTO incident_asset (incident_id, asset_id, agency_id, linked_by, linked_at)
					VALUES (:id, :asset, :agency, :by, :now)""")
				.param("id", id)
				.param("asset", host.id())
				.param("agency", i.agencyId())
				.param("by", currentUser.name())
				.param("now", Timestamp.from(Instant.now()))
				.update();
			detail.event(id, i.agencyId(), "asset", null, null, host.label(), currentUser.name());
		}
		audit.record("INCIDENT_ASSETS", "incident", id, null, Map.of("assets", assetIds));
		return incidents.get(id);
	}

	/**
	 * The incident, for a member of the response team; 403 for anyone else who reads it.
	 */
	Incident forTeam(long id) {
		Incident i = incidents.head(id);
		if (!incidents.onTeam()) {
			throw InvalidInputException.withStatus(403, "incident.team.only");
		}
		return i;
	}

	private Incident forContributor(long id) {
		Incident i = incidents.head(id);
		boolean agency = i.agencyId() != null && currentUser.mayEdit(i.agencyId());
		if (!incidents.onTeam() && !agency) {
			throw InvalidInputException.withStatus(403, "incident.contribute.notYours");
		}
		if (i.status() == IncidentStatus.MERGED) {
			throw InvalidInputException.conflict("id", "incident.merged", i.mergedIntoId());
		}
		return i;
	}

	private @Nullable Long responderAccount(long responderId) {
		return jdbc.sql("SELECT account_id FROM responder WHERE id = :id AND active = TRUE")
			.param("id", responderId)
			.query((rs, n) -> IncidentRows.nullableLong(rs, "account_id"))
			.optional()
			.orElseThrow(() -> new InvalidInputException("responderId", "incident.responder.unknown", responderId));
	}

	private static String tlpOf(Incidents.ObservableInput input) {
		return (input.tlp() == null ? Tlp.AMBER : input.tlp()).label();
	}

	private static void checkDamage(@Nullable Long damage) {
		if (damage != null && (damage < 0 || damage > 1_000_000_000_000_000L)) {
			throw new InvalidInputException("estimatedDamage", "incident.damage.range");
		}
	}

	private static @Nullable String textOr(@Nullable String given, @Nullable String before, String field) {
		if (given == null || given.isBlank()) {
			return before;
		}
		if (given.length() > Incidents.MAX_TEXT) {
			throw new InvalidInputException(field, "incident.text.tooLong", Incidents.MAX_TEXT);
		}
		return given.strip();
	}

	private static void requireText(@Nullable String text, String field, int max) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "incident.field.required", field);
		}
		if (text.length() > max) {
			throw new InvalidInputException(field, "incident.text.tooLong", max);
		}
	}

	private static String triageText(Incident before, Incident after) {
		List<String> changes = new ArrayList<>();
		if (!java.util.Objects.equals(before.agencyId(), after.agencyId())) {
			changes.add("agency #" + after.agencyId());
		}
		if (before.severity() != after.severity()) {
			changes.add(after.severity().code());
		}
		if (before.tlp() != after.tlp()) {
			changes.add(after.tlp().label());
		}
		if (before.taxonomy() != after.taxonomy() && after.taxonomy() != null) {
			changes.add(after.taxonomy().code());
		}
		if (before.serious() != after.serious()) {
			changes.add(after.serious() ? "serious" : "not serious");
		}
		return String.join(", ", changes);
	}

}
