package vn.khien.readiness;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.Systems;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;
import vn.khien.platform.SystemPrincipal;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.vulnerability.Severity;

/**
 * The writes of drills: plans with their targets and participants, runs with their
 * weaknesses (one action each), and the actions' moves. Each checks who may, the status
 * it moves from and all its input before it writes anything, audits the change and keeps
 * the coverage read model, in one transaction.
 */
@Service
public class DrillManagement {

	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	public static final int MAX_TARGETS = 200;

	public static final int MAX_PARTICIPANTS = 500;

	public static final int MAX_WEAKNESSES = 100;

	/** Longest a drill takes to detect or respond that is still a number, not a typo. */
	public static final int MAX_MINUTES = 60 * 24 * 365;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Drills drills;

	private final Agencies agencies;

	private final Systems systems;

	private final ApplicationEventPublisher events;

	DrillManagement(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Drills drills, Agencies agencies,
			Systems systems, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.drills = drills;
		this.agencies = agencies;
		this.systems = systems;
		this.events = events;
	}

	/** A drill as asked for; what is missing or wrong is refused with its field. */
	public record NewDrill(@Nullable Long agencyId, @Nullable String kind, @Nullable String title,
			@Nullable String scenario, @Nullable LocalDate scheduledOn, @Nullable List<NewTarget> targets,
			@Nullable List<NewParticipant> participants) {
	}

	public record NewTarget(@Nullable Long systemId, @Nullable String databaseName) {
	}

	public record NewParticipant(@Nullable Long agencyId, @Nullable String personName, @Nullable String role) {
	}

	public record NewRun(@Nullable LocalDate heldOn, @Nullable String timeline, @Nullable Boolean prevented,
			@Nullable Integer minutesToDetect, @Nullable Integer minutesToRespond,
			@Nullable List<NewWeakness> weaknesses) {
	}

	/** A weakness and the action that remedies it: who owns it and by when. */
	public record NewWeakness(@Nullable String category, @Nullable String severity, @Nullable String description,
			@Nullable Long ownerAgencyId, @Nullable String ownerName, @Nullable LocalDate dueOn) {
	}

	@Transactional
	public Drill create(NewDrill form) {
		requireManager();
		if (form.agencyId() == null) {
			throw new InvalidInputException("agencyId", "drill.field.required", "agencyId");
		}
		Agency organiser = activeAgency("agencyId", form.agencyId());
		DrillKind kind = DrillKind.of(form.kind(), "kind");
		String title = text("title", form.title(), 300, true);
		String scenario = text("scenario", form.scenario(), 4000, false);
		LocalDate scheduled = date("scheduledOn", form.scheduledOn());
		if (scheduled.getYear() < FIRST_YEAR || scheduled.getYear() > LAST_YEAR) {
			throw new InvalidInputException("scheduledOn", "drill.year.range", FIRST_YEAR, LAST_YEAR);
		}
		List<NewTarget> asked = form.targets() == null ? List.of() : form.targets();
		if (asked.size() > MAX_TARGETS) {
			throw new InvalidInputException("targets", "drill.targets.tooMany", MAX_TARGETS);
		}
		if (kind == DrillKind.LIVE_FIRE && asked.isEmpty()) {
			throw new InvalidInputException("targets", "drill.targets.required");
		}
		List<Drill.Target> targets = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (NewTarget t : asked) {
			Drill.Target target = target(t);
			if (!seen.add(target.systemId() + "/" + target.databaseName())) {
				throw new InvalidInputException("targets", "drill.target.duplicate", target.systemId());
			}
			targets.add(target);
		}
		List<NewParticipant> people = form.participants() == null ? List.of() : form.participants();
		if (people.size() > MAX_PARTICIPANTS) {
			throw new InvalidInputException("participants", "drill.participants.tooMany", MAX_PARTICIPANTS);
		}
		List<Drill.Participant> participants = new ArrayList<>();
		for (NewParticipant p : people) {
			if (p == null || p.agencyId() == null) {
				throw new InvalidInputException("participants", "drill.field.required", "participants.agencyId");
			}
			Agency agency = activeAgency("participants", p.agencyId());
			participants.add(new Drill.Participant(agency.id(), text("personName", p.personName(), 200, false),
					text("role", p.role(), 200, false)));
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO drill_plan (agency_id, kind, title, scenario, scheduled_on, drill_year, status, created_by,
						  created_at, status_at) VALUES (:agency, :kind, :title, :scenario, :on, :year, :status, :by, :at, :at)""")
			.param("agency", organiser.id())
			.param("kind", kind.name())
			.param("title", title)
			.param("scenario", scenario)
			.param("on", java.sql.Date.valueOf(scheduled))
			.param("year", scheduled.getYear())
			.param("status", DrillStatus.PLANNED.name())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (Drill.Target t : targets) {
			jdbc.sql("""
					INSERT INTO drill_target (drill_id, system_id, database_name, agency_id)
					VALUES (:drill, :system, :db, :agency)""")
				.param("drill", id)
				.param("system", t.systemId())
				.param("db", t.databaseName())
				.param("agency", t.agencyId())
				.update();
		}
		for (Drill.Participant p : participants) {
			jdbc.sql("""
					INSERT INTO drill_participant (drill_id, agency_id, person_name, person_role)
					VALUES (:drill, :agency, :name, :role)""")
				.param("drill", id)
				.param("agency", p.agencyId())
				.param("name", p.personName())
				.param("role", p.role())
				.update();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("agencyId", organiser.id());
		after.put("kind", kind.code());
		after.put("title", title);
		after.put("scheduledOn", scheduled.toString());
		after.put("systemIds", targets.stream().map(Drill.Target::systemId).toList());
		after.put("participantAgencyIds", participants.stream().map(Drill.Participant::agencyId).toList());
		audit.record("DRILL_CREATED", "drill", id, null, after);
		return drills.get(id);
	}

	/** Calls off a drill still planned. */
	@Transactional
	public Drill cancel(long drillId) {
		requireManager();
		Drill drill = lock(drillId);
		if (drill.status() != DrillStatus.PLANNED) {
			throw InvalidInputException.conflict("status", "drill.status.move", drill.status().code(),
					DrillStatus.CANCELLED.code());
		}
		setStatus(drill, DrillStatus.CANCELLED);
		return drills.get(drillId);
	}

	/**
	 * Records how a run went; each weakness becomes an action of its owner agency. A
	 * planned drill is done with its first run; a live-fire run counts for its target
	 * systems' drill obligation from the day it was held.
	 */
	@Transactional
	public DrillRun recordRun(long drillId, NewRun form) {
		requireManager();
		Drill drill = lock(drillId);
		if (drill.status() == DrillStatus.CANCELLED) {
			throw InvalidInputException.conflict(null, "drill.cancelled");
		}
		LocalDate held = date("heldOn", form.heldOn());
		LocalDate today = LocalDate.now(Formats.ZONE);
		if (held.isAfter(today)) {
			throw new InvalidInputException("heldOn", "drill.run.future");
		}
		if (held.getYear() < FIRST_YEAR) {
			throw new InvalidInputException("heldOn", "drill.year.range", FIRST_YEAR, LAST_YEAR);
		}
		if (form.prevented() == null) {
			throw new InvalidInputException("prevented", "drill.field.required", "prevented");
		}
		String timeline = text("timeline", form.timeline(), 8000, false);
		Integer detect = minutes("minutesToDetect", form.minutesToDetect());
		Integer respond = minutes("minutesToRespond", form.minutesToRespond());
		List<NewWeakness> asked = form.weaknesses() == null ? List.of() : form.weaknesses();
		if (asked.size() > MAX_WEAKNESSES) {
			throw new InvalidInputException("weaknesses", "drill.weaknesses.tooMany", MAX_WEAKNESSES);
		}
		record Checked(WeaknessCategory category, Severity severity, String description, long owner, String name,
				LocalDate due) {
		}
		List<Checked> weaknesses = new ArrayList<>();
		for (NewWeakness w : asked) {
			if (w == null) {
				throw new InvalidInputException("weaknesses", "drill.field.required", "weaknesses");
			}
			WeaknessCategory category = WeaknessCategory.of(w.category(), "category");
			Severity severity = severity(w.severity());
			String description = text("description", w.description(), 4000, true);
			if (w.ownerAgencyId() == null) {
				throw new InvalidInputException("ownerAgencyId", "drill.field.required", "ownerAgencyId");
			}
			Agency owner = activeAgency("ownerAgencyId", w.ownerAgencyId());
			String name = text("ownerName", w.ownerName(), 200, true);
			LocalDate due = date("dueOn", w.dueOn());
			if (due.isBefore(held) || due.isAfter(held.plusYears(3))) {
				throw new InvalidInputException("dueOn", "drill.action.dueRange");
			}
			weaknesses.add(new Checked(category, severity, description, owner.id(), name, due));
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO drill_run (drill_id, agency_id, held_on, timeline, prevented, minutes_to_detect,
				  minutes_to_respond, created_by, created_at)
				VALUES (:drill, :agency, :held, :timeline, :prevented, :detect, :respond, :by, :at)""")
			.param("drill", drillId)
			.param("agency", drill.agencyId())
			.param("held", java.sql.Date.valueOf(held))
			.param("timeline", timeline)
			.param("prevented", form.prevented())
			.param("detect", detect)
			.param("respond", respond)
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long runId = keys.getKeyAs(Number.class).longValue();
		List<AuditLog.Change> changes = new ArrayList<>();
		List<Long> actionIds = new ArrayList<>();
		for (Checked w : weaknesses) {
			var wk = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO drill_weakness (run_id, drill_id, agency_id, category, severity, description)
					VALUES (:run, :drill, :agency, :category, :severity, :description)""")
				.param("run", runId)
				.param("drill", drillId)
				.param("agency", drill.agencyId())
				.param("category", w.category().name())
				.param("severity", w.severity().code())
				.param("description", w.description())
				.update(wk, "id");
			long weaknessId = wk.getKeyAs(Number.class).longValue();
			var ak = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO drill_action (weakness_id, drill_id, agency_id, owner_name, due_on, status, status_by,
					  status_at) VALUES (:weakness, :drill, :agency, :name, :due, :status, :by, :at)""")
				.param("weakness", weaknessId)
				.param("drill", drillId)
				.param("agency", w.owner())
				.param("name", w.name())
				.param("due", java.sql.Date.valueOf(w.due()))
				.param("status", DrillActionStatus.OPEN.name())
				.param("by", currentUser.name())
				.param("at", Timestamp.from(now))
				.update(ak, "id");
			long actionId = ak.getKeyAs(Number.class).longValue();
			actionIds.add(actionId);
			changes.add(new AuditLog.Change("DRILL_ACTION_CREATED", "drill_action", actionId, null,
					Map.of("drillId", drillId, "weaknessId", weaknessId, "category", w.category().code(), "severity",
							w.severity().code(), "ownerAgencyId", w.owner(), "ownerName", w.name(), "dueOn",
							w.due().toString())));
		}
		List<Long> systemIds = drill.targets().stream().map(Drill.Target::systemId).distinct().toList();
		if (drill.kind() == DrillKind.LIVE_FIRE) {
			for (Drill.Target t : drill.targets()) {
				held(t.systemId(), t.agencyId(), held);
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("drillId", drillId);
		after.put("heldOn", held.toString());
		after.put("prevented", form.prevented());
		if (detect != null) {
			after.put("minutesToDetect", detect);
		}
		if (respond != null) {
			after.put("minutesToRespond", respond);
		}
		after.put("actionIds", actionIds);
		audit.record("DRILL_RUN_RECORDED", "drill_run", runId, null, after);
		if (!changes.isEmpty()) {
			audit.recordAll(changes);
		}
		if (drill.status() == DrillStatus.PLANNED) {
			setStatus(drill, DrillStatus.DONE);
		}
		events.publishEvent(new DrillRunRecorded(drillId, runId, drill.kind(), held, systemIds, weaknesses.size()));
		return drills.runs(drillId).stream().filter(r -> r.id() == runId).findFirst().orElseThrow();
	}

	/**
	 * Moves an action on: {@code done} by its owner agency (or the province's roles),
	 * {@code verified} by the province's roles once done. Any other move changes nothing.
	 */
	@Transactional
	public DrillAction moveAction(long actionId, DrillActionStatus to, @Nullable String note) {
		DrillAction action = drills.action(actionId);
		if (to == DrillActionStatus.VERIFIED) {
			if (!mayManage()) {
				throw InvalidInputException.withStatus(403, "drill.action.verifierOnly");
			}
		}
		else if (!currentUser.mayEdit(action.agencyId()) && !mayManage()) {
			throw new AccessDeniedException("not the caller's agency");
		}
		if (!action.status().movesTo(to)) {
			throw InvalidInputException.conflict("to", "drill.action.move", action.status().code(), to.code());
		}
		String text = text("note", note, 2000, false);
		Instant now = Instant.now();
		int updated = jdbc.sql("""
				UPDATE drill_action SET status = :to, status_by = :by, status_at = :at, status_note = :note,
				  version = version + 1 WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.param("note", text)
			.param("id", actionId)
			.param("version", action.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "drill.changedMeanwhile");
		}
		jdbc.sql("""
				INSERT INTO drill_action_event (action_id, agency_id, at, actor, from_status, to_status, note)
				VALUES (:action, :agency, :at, :actor, :from, :to, :note)""")
			.param("action", actionId)
			.param("agency", action.agencyId())
			.param("at", Timestamp.from(now))
			.param("actor", currentUser.name())
			.param("from", action.status().name())
			.param("to", to.name())
			.param("note", text)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.code());
		if (text != null) {
			after.put("note", text);
		}
		audit.record("DRILL_ACTION_STATUS_CHANGED", "drill_action", actionId, Map.of("status", action.status().code()),
				after);
		return drills.action(actionId);
	}

	/** Whether the caller plans drills, records runs and verifies actions. */
	public boolean mayManage() {
		KhienUser user = currentUser.find().orElse(null);
		if (user != null) {
			return user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR) || user.has(Role.POLICE);
		}
		return currentUser.system().map(s -> s.may(SystemPrincipal.Permission.WRITE_PROVINCE)).orElse(false);
	}

	/** Whether the caller may report this action done. */
	public boolean mayReport(DrillAction action) {
		return action.status() == DrillActionStatus.OPEN && (mayManage() || currentUser.mayEdit(action.agencyId()));
	}

	private void requireManager() {
		if (!mayManage()) {
			throw new AccessDeniedException("drills are managed by the province's roles");
		}
	}

	// --- helpers

	private Drill lock(long drillId) {
		drills.get(drillId);
		// NB: writers of one drill (its runs, its status) wait for each other
		jdbc.sql("SELECT id FROM drill_plan WHERE id = :id FOR UPDATE").param("id", drillId).query(Long.class).list();
		return drills.get(drillId);
	}

	private void setStatus(Drill drill, DrillStatus to) {
		int updated = jdbc.sql("""
				UPDATE drill_plan SET status = :to, status_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", drill.id())
			.param("version", drill.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "drill.changedMeanwhile");
		}
		audit.record("DRILL_STATUS_CHANGED", "drill", drill.id(), Map.of("status", drill.status().code()),
				Map.of("status", to.code()));
	}

	// NB: ON CONFLICT is PostgreSQL's; H2 takes it in PostgreSQL mode
	private void held(long systemId, long agencyId, LocalDate on) {
		jdbc.sql("""
				INSERT INTO drill_system_held (system_id, agency_id, last_live_on) VALUES (:system, :agency, :on)
				ON CONFLICT DO NOTHING""")
			.param("system", systemId)
			.param("agency", agencyId)
			.param("on", java.sql.Date.valueOf(on))
			.update();
		jdbc.sql("UPDATE drill_system_held SET last_live_on = :on WHERE system_id = :system AND last_live_on < :on")
			.param("system", systemId)
			.param("on", java.sql.Date.valueOf(on))
			.update();
	}

	private Drill.Target target(@Nullable NewTarget t) {
		if (t == null || t.systemId() == null) {
			throw new InvalidInputException("targets", "drill.field.required", "targets.systemId");
		}
		InformationSystem system = systems.find(t.systemId()).orElse(null);
		if (system == null) {
			throw new InvalidInputException("targets", "drill.target.unknown", t.systemId());
		}
		if (system.lifecycle() == SystemLifecycle.RETIRED) {
			throw new InvalidInputException("targets", "drill.target.retired", system.code());
		}
		return new Drill.Target(system.id(), text("databaseName", t.databaseName(), 200, false),
				system.ownerAgencyId());
	}

	private Agency activeAgency(String field, long id) {
		Agency agency = agencies.find(id).orElse(null);
		if (agency == null) {
			throw new InvalidInputException(field, "drill.agency.unknown", id);
		}
		if (!agency.status().current()) {
			throw new InvalidInputException(field, "drill.agency.inactive", agency.code());
		}
		return agency;
	}

	private static LocalDate date(String field, @Nullable LocalDate date) {
		if (date == null) {
			throw new InvalidInputException(field, "drill.field.required", field);
		}
		return date;
	}

	private static @Nullable Integer minutes(String field, @Nullable Integer minutes) {
		if (minutes != null && (minutes < 0 || minutes > MAX_MINUTES)) {
			throw new InvalidInputException(field, "drill.minutes.range", field, MAX_MINUTES);
		}
		return minutes;
	}

	private static Severity severity(@Nullable String word) {
		if (word == null || word.isBlank()) {
			throw new InvalidInputException("severity", "drill.field.required", "severity");
		}
		return Severity.fromWord(word)
			.filter(s -> s.code().equalsIgnoreCase(word.strip()))
			.orElseThrow(() -> new InvalidInputException("severity", "drill.severity.unknown", word));
	}

	private static @Nullable String text(String field, @Nullable String value, int max, boolean required) {
		String text = value == null ? null : value.strip();
		if (text == null || text.isEmpty()) {
			if (required) {
				throw new InvalidInputException(field, "drill.field.required", field);
			}
			return null;
		}
		if (text.length() > max) {
			throw new InvalidInputException(field, "drill.field.tooLong", field, max);
		}
		return text;
	}

}
