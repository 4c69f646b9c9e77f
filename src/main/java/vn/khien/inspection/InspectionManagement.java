package vn.khien.inspection;

import java.io.InputStream;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.Systems;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;
import vn.khien.platform.SystemPrincipal;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.vulnerability.Finding;
import vn.khien.vulnerability.Findings;
import vn.khien.vulnerability.Severity;

/**
 * The writes of inspections: plans and their targets, rounds, findings, corrective
 * actions and their reports and verification. Each checks who may, the status it moves
 * from and its input before it changes anything, writes the audit trail and keeps the
 * coverage read model, in one transaction.
 */
@Service
public class InspectionManagement {

	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	/** Largest evidence file a report takes. */
	public static final long MAX_EVIDENCE_BYTES = 50L * 1024 * 1024;

	/** Most findings of the vulnerability module one finding refers to. */
	public static final int MAX_LINKS = 50;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final InspectionPlans plans;

	private final InspectionRounds rounds;

	private final CorrectiveActions actions;

	private final Agencies agencies;

	private final Systems systems;

	private final Findings findings;

	private final FileStore files;

	InspectionManagement(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, InspectionPlans plans,
			InspectionRounds rounds, CorrectiveActions actions, Agencies agencies, Systems systems, Findings findings,
			FileStore files) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.plans = plans;
		this.rounds = rounds;
		this.actions = actions;
		this.agencies = agencies;
		this.systems = systems;
		this.findings = findings;
		this.files = files;
	}

	/** A plan as asked for; what is missing or wrong is refused with its field. */
	public record NewPlan(@Nullable Integer year, @Nullable String kind, @Nullable String title,
			@Nullable Long inspectingAgencyId, @Nullable List<NewTarget> targets) {
	}

	public record NewTarget(@Nullable Long agencyId, @Nullable LocalDate plannedFrom, @Nullable LocalDate plannedTo) {
	}

	public record NewRound(@Nullable Long agencyId, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String inspectors) {
	}

	public record NewFinding(@Nullable String kind, @Nullable String title, @Nullable String description,
			@Nullable String severity, @Nullable Long systemId, @Nullable List<Long> vulnerabilityFindingIds) {
	}

	public record NewAction(@Nullable String title, @Nullable String owner, @Nullable LocalDate dueOn) {
	}

	/** An evidence file sent with a report, stored once the report is allowed. */
	public record Evidence(InputStream content, String filename, @Nullable String contentType) {
	}

	// --- plans

	@Transactional
	public InspectionPlan createPlan(NewPlan form) {
		requireManager();
		int year = year(form.year());
		PlanKind kind = PlanKind.of(form.kind());
		String title = text("title", form.title(), 300, true);
		if (form.inspectingAgencyId() == null) {
			throw new InvalidInputException("inspectingAgencyId", "inspection.field.required", "inspectingAgencyId");
		}
		Agency inspector = activeAgency("inspectingAgencyId", form.inspectingAgencyId());
		List<NewTarget> targets = form.targets() == null ? List.of() : form.targets();
		if (targets.size() > InspectionPlans.MAX_TARGETS) {
			throw new InvalidInputException("targets", "inspection.targets.tooMany", InspectionPlans.MAX_TARGETS);
		}
		List<PlanTarget> checked = new ArrayList<>();
		Set<Long> seen = new LinkedHashSet<>();
		for (NewTarget t : targets) {
			PlanTarget target = target(0, year, t);
			if (!seen.add(target.agencyId())) {
				throw new InvalidInputException("targets", "inspection.target.duplicate", target.agencyId());
			}
			checked.add(target);
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_plan (plan_year, kind, title, inspecting_agency_id, status, created_by,
				  created_at, status_at) VALUES (:year, :kind, :title, :inspector, :status, :by, :at, :at)""")
			.param("year", year)
			.param("kind", kind.name())
			.param("title", title)
			.param("inspector", inspector.id())
			.param("status", PlanStatus.DRAFT.name())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (PlanTarget t : checked) {
			insertTarget(id, year, t);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("year", year);
		after.put("kind", kind.code());
		after.put("title", title);
		after.put("inspectingAgencyId", inspector.id());
		after.put("targets", checked.stream().map(PlanTarget::agencyId).toList());
		audit.record("INSPECTION_PLAN_CREATED", "inspection_plan", id, null, after);
		return plans.get(id);
	}

	/** Adds a target agency to a plan still in draft. */
	@Transactional
	public PlanTarget addTarget(long planId, NewTarget form) {
		requireManager();
		InspectionPlan plan = lockPlan(planId);
		plan.checkTargetsOpen();
		PlanTarget target = target(planId, plan.year(), form);
		if (plans.target(planId, target.agencyId()).isPresent()) {
			throw InvalidInputException.conflict("agencyId", "inspection.target.duplicate", target.agencyId());
		}
		long count = jdbc.sql("SELECT COUNT(*) FROM inspection_target WHERE plan_id = :plan")
			.param("plan", planId)
			.query(Long.class)
			.single();
		if (count >= InspectionPlans.MAX_TARGETS) {
			throw new InvalidInputException("agencyId", "inspection.targets.tooMany", InspectionPlans.MAX_TARGETS);
		}
		insertTarget(planId, plan.year(), target);
		audit.record("INSPECTION_TARGET_ADDED", "inspection_plan", planId, null, Map.of("agencyId", target.agencyId(),
				"plannedFrom", target.plannedFrom().toString(), "plannedTo", target.plannedTo().toString()));
		return target;
	}

	/**
	 * Approves, starts or closes a plan: approval needs a target, closing needs every
	 * round completed.
	 */
	@Transactional
	public InspectionPlan movePlan(long planId, PlanStatus to) {
		requireManager();
		InspectionPlan plan = lockPlan(planId);
		plan.checkMove(to);
		if (to == PlanStatus.APPROVED && jdbc.sql("SELECT COUNT(*) FROM inspection_target WHERE plan_id = :plan")
			.param("plan", planId)
			.query(Long.class)
			.single() == 0) {
			throw InvalidInputException.conflict("to", "inspection.plan.noTargets");
		}
		if (to == PlanStatus.CLOSED) {
			long open = jdbc
				.sql("SELECT COUNT(*) FROM inspection_round WHERE plan_id = :plan AND status <> 'COMPLETED'")
				.param("plan", planId)
				.query(Long.class)
				.single();
			if (open > 0) {
				throw InvalidInputException.conflict("to", "inspection.plan.roundsOpen", open);
			}
		}
		setPlanStatus(plan, to);
		return plans.get(planId);
	}

	private void setPlanStatus(InspectionPlan plan, PlanStatus to) {
		int updated = jdbc.sql("""
				UPDATE inspection_plan SET status = :to, status_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", plan.id())
			.param("version", plan.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "inspection.changedMeanwhile");
		}
		audit.record("INSPECTION_PLAN_STATUS_CHANGED", "inspection_plan", plan.id(),
				Map.of("status", plan.status().code()), Map.of("status", to.code()));
	}

	// --- rounds

	@Transactional
	public InspectionRound createRound(long planId, NewRound form) {
		requireManager();
		InspectionPlan plan = lockPlan(planId);
		plan.checkTakesRounds();
		if (form.agencyId() == null) {
			throw new InvalidInputException("agencyId", "inspection.field.required", "agencyId");
		}
		if (plans.target(planId, form.agencyId()).isEmpty()) {
			throw new InvalidInputException("agencyId", "inspection.round.notTarget", form.agencyId());
		}
		LocalDate starts = date("startsOn", form.startsOn());
		LocalDate ends = date("endsOn", form.endsOn());
		inYear("startsOn", starts, plan.year());
		inYear("endsOn", ends, plan.year());
		if (ends.isBefore(starts)) {
			throw new InvalidInputException("endsOn", "inspection.dates.order");
		}
		String inspectors = text("inspectors", form.inspectors(), 1000, true);
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_round (plan_id, agency_id, plan_year, starts_on, ends_on, inspectors, status,
				  created_by, created_at, status_at)
				VALUES (:plan, :agency, :year, :starts, :ends, :inspectors, :status, :by, :at, :at)""")
			.param("plan", planId)
			.param("agency", form.agencyId())
			.param("year", plan.year())
			.param("starts", java.sql.Date.valueOf(starts))
			.param("ends", java.sql.Date.valueOf(ends))
			.param("inspectors", inspectors)
			.param("status", RoundStatus.PLANNED.name())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("INSPECTION_ROUND_CREATED", "inspection_round", id, null, Map.of("planId", planId, "agencyId",
				form.agencyId(), "startsOn", starts.toString(), "endsOn", ends.toString(), "inspectors", inspectors));
		return rounds.get(id);
	}

	/**
	 * Starts or completes a round; the first round started takes an approved plan under
	 * way, a completed one counts its agency as inspected in the plan's year.
	 */
	@Transactional
	public InspectionRound moveRound(long roundId, RoundStatus to) {
		requireManager();
		InspectionRound round = rounds.get(roundId);
		InspectionPlan plan = lockPlan(round.planId());
		round.checkMove(to);
		if (to == RoundStatus.IN_PROGRESS) {
			plan.checkTakesRounds();
		}
		int updated = jdbc.sql("""
				UPDATE inspection_round SET status = :to, status_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("id", round.id())
			.param("version", round.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "inspection.changedMeanwhile");
		}
		audit.record("INSPECTION_ROUND_STATUS_CHANGED", "inspection_round", round.id(),
				Map.of("status", round.status().code()), Map.of("status", to.code()));
		if (to == RoundStatus.IN_PROGRESS && plan.status() == PlanStatus.APPROVED) {
			setPlanStatus(plan, PlanStatus.IN_PROGRESS);
		}
		if (to == RoundStatus.COMPLETED) {
			touchYear(round.agencyId(), round.planYear());
			jdbc.sql("""
					UPDATE inspection_agency_year SET completed_rounds = completed_rounds + 1
					WHERE agency_id = :agency AND plan_year = :year""")
				.param("agency", round.agencyId())
				.param("year", round.planYear())
				.update();
		}
		return rounds.get(roundId);
	}

	// --- findings

	@Transactional
	public InspectionFinding addFinding(long roundId, NewFinding form) {
		requireManager();
		InspectionRound round = rounds.get(roundId);
		round.checkTakesFindings();
		FindingKind kind = FindingKind.of(form.kind());
		String title = text("title", form.title(), 500, true);
		String description = text("description", form.description(), 4000, false);
		Severity severity = severity(form.severity());
		Long systemId = form.systemId();
		if (systemId != null && (systems.find(systemId).isEmpty() || !systems.belongsTo(systemId, round.agencyId()))) {
			throw new InvalidInputException("systemId", "inspection.finding.system", systemId);
		}
		Set<Long> links = new LinkedHashSet<>(
				form.vulnerabilityFindingIds() == null ? List.of() : form.vulnerabilityFindingIds());
		if (!links.isEmpty() && kind != FindingKind.VULNERABILITY) {
			throw new InvalidInputException("vulnerabilityFindingIds", "inspection.finding.linksOnlyVulnerability");
		}
		if (links.size() > MAX_LINKS) {
			throw new InvalidInputException("vulnerabilityFindingIds", "inspection.finding.tooManyLinks", MAX_LINKS);
		}
		for (Long link : links) {
			// NB: the vulnerability module's own scoped read; its finding must be at the
			// round's agency
			Finding linked = link == null ? null : findings.find(link).orElse(null);
			if (linked == null || linked.agencyId() == null || linked.agencyId() != round.agencyId()) {
				throw new InvalidInputException("vulnerabilityFindingIds", "inspection.finding.link", link);
			}
		}
		long count = jdbc.sql("SELECT COUNT(*) FROM inspection_finding WHERE round_id = :round")
			.param("round", roundId)
			.query(Long.class)
			.single();
		if (count >= InspectionRounds.MAX_FINDINGS) {
			throw new InvalidInputException(null, "inspection.findings.tooMany", InspectionRounds.MAX_FINDINGS);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_finding (round_id, agency_id, kind, title, description, severity, system_id,
				  created_by, created_at)
				VALUES (:round, :agency, :kind, :title, :description, :severity, :system, :by, :at)""")
			.param("round", roundId)
			.param("agency", round.agencyId())
			.param("kind", kind.name())
			.param("title", title)
			.param("description", description)
			.param("severity", severity.ordinal())
			.param("system", systemId)
			.param("by", currentUser.name())
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (Long link : links) {
			jdbc.sql("""
					INSERT INTO inspection_finding_link (finding_id, vulnerability_finding_id, agency_id)
					VALUES (:finding, :link, :agency)""")
				.param("finding", id)
				.param("link", link)
				.param("agency", round.agencyId())
				.update();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("roundId", roundId);
		after.put("kind", kind.code());
		after.put("title", title);
		after.put("severity", severity.code());
		if (systemId != null) {
			after.put("systemId", systemId);
		}
		if (!links.isEmpty()) {
			after.put("vulnerabilityFindingIds", List.copyOf(links));
		}
		audit.record("INSPECTION_FINDING_RECORDED", "inspection_finding", id, null, after);
		return rounds.finding(id);
	}

	// --- corrective actions

	@Transactional
	public CorrectiveAction addAction(long findingId, NewAction form) {
		requireManager();
		InspectionFinding finding = rounds.finding(findingId);
		InspectionRound round = rounds.get(finding.roundId());
		String title = text("title", form.title(), 1000, true);
		String owner = text("owner", form.owner(), 200, true);
		LocalDate due = date("dueOn", form.dueOn());
		if (due.isBefore(round.startsOn()) || due.isAfter(round.startsOn().plusYears(3))) {
			throw new InvalidInputException("dueOn", "inspection.action.dueRange");
		}
		if (actions.countOf(findingId) >= InspectionRounds.MAX_ACTIONS) {
			throw new InvalidInputException(null, "inspection.actions.tooMany", InspectionRounds.MAX_ACTIONS);
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_action (finding_id, round_id, agency_id, title, owner, due_on, status,
				  created_by, created_at, status_at)
				VALUES (:finding, :round, :agency, :title, :owner, :due, :status, :by, :at, :at)""")
			.param("finding", findingId)
			.param("round", round.id())
			.param("agency", round.agencyId())
			.param("title", title)
			.param("owner", owner)
			.param("due", java.sql.Date.valueOf(due))
			.param("status", ActionStatus.OPEN.name())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("INSPECTION_ACTION_CREATED", "inspection_action", id, null,
				Map.of("findingId", findingId, "title", title, "owner", owner, "dueOn", due.toString()));
		return actions.get(id);
	}

	/**
	 * Moves an action on: {@code done} is the agency's report (a note, optionally an
	 * evidence file), {@code verified} and {@code reopened} are the inspecting body's. A
	 * move its status does not allow, or by someone else, changes nothing.
	 */
	@Transactional
	public CorrectiveAction moveAction(long actionId, ActionStatus to, @Nullable String note,
			@Nullable Evidence evidence) {
		CorrectiveAction action = actions.get(actionId);
		InspectionRound round = rounds.get(action.roundId());
		InspectionPlan plan = plans.get(round.planId());
		if (to.verifiers()) {
			if (!mayVerify(plan)) {
				throw InvalidInputException.withStatus(403, "inspection.action.verifierOnly");
			}
		}
		else if (!currentUser.mayEdit(action.agencyId())) {
			throw new AccessDeniedException("not the caller's agency");
		}
		action.checkMove(to);
		String text = text("note", note, 2000, to == ActionStatus.DONE || to == ActionStatus.REOPENED);
		if (evidence != null && to != ActionStatus.DONE) {
			throw new InvalidInputException("file", "inspection.action.evidenceOnlyDone");
		}
		FileStore.StoredFile stored = evidence == null ? null : files.storeFor(action.agencyId(), evidence.content(),
				evidence.filename(), evidence.contentType(), MAX_EVIDENCE_BYTES);
		if (stored != null) {
			// evidence of a fix is a record the upload retention must not purge
			files.keep(stored.id());
		}
		Instant now = Instant.now();
		int updated = jdbc.sql("""
				UPDATE inspection_action SET status = :to, is_verified = :verified, status_at = :now,
				  version = version + 1 WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("verified", to == ActionStatus.VERIFIED)
			.param("now", Timestamp.from(now))
			.param("id", action.id())
			.param("version", action.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "inspection.changedMeanwhile");
		}
		jdbc.sql("""
				INSERT INTO inspection_action_event (action_id, agency_id, at, actor, from_status, to_status, note,
				  file_id, filename) VALUES (:action, :agency, :at, :actor, :from, :to, :note, :file, :filename)""")
			.param("action", action.id())
			.param("agency", action.agencyId())
			.param("at", Timestamp.from(now))
			.param("actor", currentUser.name())
			.param("from", action.status().name())
			.param("to", to.name())
			.param("note", text)
			.param("file", stored == null ? null : stored.id())
			.param("filename", stored == null ? null : stored.filename())
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.code());
		if (text != null) {
			after.put("note", text);
		}
		if (stored != null) {
			after.put("fileId", stored.id());
			after.put("sha256", stored.sha256());
		}
		audit.record("INSPECTION_ACTION_STATUS_CHANGED", "inspection_action", action.id(),
				Map.of("status", action.status().code()), after);
		return actions.get(actionId);
	}

	/**
	 * Whether the caller verifies for the plan's inspecting body: a province role of that
	 * agency, or an administrator.
	 */
	public boolean mayVerify(InspectionPlan plan) {
		KhienUser user = currentUser.find().orElse(null);
		if (user == null) {
			return false;
		}
		if (user.has(Role.ADMIN)) {
			return true;
		}
		return (user.has(Role.POLICE) || user.has(Role.PROVINCE_OPERATOR)) && user.agencyId() != null
				&& user.agencyId() == plan.inspectingAgencyId();
	}

	/** Whether the caller makes plans, rounds, findings and actions. */
	public boolean mayManage() {
		KhienUser user = currentUser.find().orElse(null);
		if (user != null) {
			return user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR) || user.has(Role.POLICE);
		}
		return currentUser.system().map(s -> s.may(SystemPrincipal.Permission.WRITE_PROVINCE)).orElse(false);
	}

	private void requireManager() {
		if (!mayManage()) {
			throw new AccessDeniedException("inspections are managed by the province's roles");
		}
	}

	// --- helpers

	private InspectionPlan lockPlan(long planId) {
		InspectionPlan plan = plans.get(planId);
		// NB: writers of one plan (its targets, its rounds) wait for each other
		jdbc.sql("SELECT id FROM inspection_plan WHERE id = :id FOR UPDATE")
			.param("id", planId)
			.query(Long.class)
			.list();
		return plans.get(plan.id());
	}

	private void insertTarget(long planId, int year, PlanTarget t) {
		jdbc.sql("""
				INSERT INTO inspection_target (plan_id, agency_id, planned_from, planned_to)
				VALUES (:plan, :agency, :from, :to)""")
			.param("plan", planId)
			.param("agency", t.agencyId())
			.param("from", java.sql.Date.valueOf(t.plannedFrom()))
			.param("to", java.sql.Date.valueOf(t.plannedTo()))
			.update();
		touchYear(t.agencyId(), year);
		jdbc.sql(
				"UPDATE inspection_agency_year SET targets = targets + 1 WHERE agency_id = :agency AND plan_year = :year")
			.param("agency", t.agencyId())
			.param("year", year)
			.update();
	}

	// NB: ON CONFLICT is PostgreSQL's; H2 takes it in PostgreSQL mode
	private void touchYear(long agencyId, int year) {
		jdbc.sql("""
				INSERT INTO inspection_agency_year (agency_id, plan_year, targets, completed_rounds)
				VALUES (:agency, :year, 0, 0) ON CONFLICT DO NOTHING""")
			.param("agency", agencyId)
			.param("year", year)
			.update();
	}

	private PlanTarget target(long planId, int year, NewTarget t) {
		if (t == null || t.agencyId() == null) {
			throw new InvalidInputException("agencyId", "inspection.field.required", "agencyId");
		}
		Agency agency = activeAgency("agencyId", t.agencyId());
		LocalDate from = date("plannedFrom", t.plannedFrom());
		LocalDate to = t.plannedTo() == null ? from : t.plannedTo();
		inYear("plannedFrom", from, year);
		inYear("plannedTo", to, year);
		if (to.isBefore(from)) {
			throw new InvalidInputException("plannedTo", "inspection.dates.order");
		}
		return new PlanTarget(planId, agency.id(), from, to);
	}

	private Agency activeAgency(String field, long id) {
		Agency agency = agencies.find(id).orElse(null);
		if (agency == null) {
			throw new InvalidInputException(field, "inspection.agency.unknown", id);
		}
		if (!agency.status().current()) {
			throw new InvalidInputException(field, "inspection.agency.inactive", agency.code());
		}
		return agency;
	}

	private static int year(@Nullable Integer year) {
		if (year == null) {
			throw new InvalidInputException("year", "inspection.field.required", "year");
		}
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInputException("year", "inspection.year.range", FIRST_YEAR, LAST_YEAR);
		}
		return year;
	}

	private static LocalDate date(String field, @Nullable LocalDate date) {
		if (date == null) {
			throw new InvalidInputException(field, "inspection.field.required", field);
		}
		return date;
	}

	private static void inYear(String field, LocalDate date, int year) {
		if (date.getYear() != year) {
			throw new InvalidInputException(field, "inspection.dates.year", year);
		}
	}

	private static Severity severity(@Nullable String word) {
		if (word == null || word.isBlank()) {
			throw new InvalidInputException("severity", "inspection.field.required", "severity");
		}
		return Severity.fromWord(word)
			.filter(s -> s.code().equalsIgnoreCase(word.strip()))
			.orElseThrow(() -> new InvalidInputException("severity", "inspection.severity.unknown", word));
	}

	private static @Nullable String text(String field, @Nullable String value, int max, boolean required) {
		String text = value == null ? null : value.strip();
		if (text == null || text.isEmpty()) {
			if (required) {
				throw new InvalidInputException(field, "inspection.field.required", field);
			}
			return null;
		}
		if (text.length() > max) {
			throw new InvalidInputException(field, "inspection.field.tooLong", field, max);
		}
		return text;
	}

}
