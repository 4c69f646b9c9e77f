package vn.khien.compliance;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.AuditLog;
import vn.khien.platform.FileStore;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.SystemPrincipal;

/**
 * Making an assessment (R3.2, R3.4): started for a system at its level (approved, else
 * proposed) under the pack in force on the assessment's date, with that level's
 * requirements copied in; answered one requirement at a time, with notes and evidence
 * files; completed once every requirement has an answer and every gap an owner and a
 * deadline, when the gaps become remediation actions. A completed assessment is never
 * changed. Every change is audited in its transaction.
 */
@Service
public class AssessmentManagement {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * An engaged assessor reads the system it assesses, which agency scope does not show
	 * it: it only reads, once the engagement was found.
	 */
	static final SystemPrincipal ENGAGED = SystemPrincipal.of("engaged-assessor",
			SystemPrincipal.Permission.READ_PROVINCE);

	/** Furthest a remediation deadline may lie after the assessment. */
	static final int MAX_DEADLINE_YEARS = 3;

	private final JdbcClient jdbc;

	private final Assessments assessments;

	private final AssessmentAccess access;

	private final Engagements engagements;

	private final Systems systems;

	private final RulePacks packs;

	private final EvidenceFiles evidenceFiles;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	AssessmentManagement(JdbcClient jdbc, Assessments assessments, AssessmentAccess access, Engagements engagements,
			Systems systems, RulePacks packs, EvidenceFiles evidenceFiles, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.access = access;
		this.engagements = engagements;
		this.systems = systems;
		this.packs = packs;
		this.evidenceFiles = evidenceFiles;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * What a user starts: the system, the date (default today) and whether it is the
	 * owner's own assessment or an independent one (default: independent for a user who
	 * assesses for an organisation, else self).
	 */
	public record NewAssessment(long systemId, @Nullable LocalDate date, Assessment.@Nullable Kind kind) {
	}

	/**
	 * An answer: for a gap, optionally who will remediate it and by when (required before
	 * completing); a note is required for not applicable.
	 */
	public record AnswerInput(Assessment.Answer answer, @Nullable String note, @Nullable String owner,
			@Nullable LocalDate due) {
	}

	/**
	 * An evidence file's description; {@code requirementId} null for the whole
	 * assessment.
	 */
	public record EvidenceInput(@Nullable String requirementId, @Nullable String title, @Nullable LocalDate effectiveOn,
			@Nullable LocalDate expiresOn) {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	@Transactional
	public Assessment create(NewAssessment form) {
		LocalDate date = form.date() != null ? form.date() : today();
		if (date.isAfter(today())) {
			throw new InvalidInputException("date", "assessment.date.future");
		}
		Long organisation = access.assessorOrganisation();
		Assessment.Kind kind = form.kind() != null ? form.kind() : organisation != null && !access.hasSelfWriterRole()
				? Assessment.Kind.INDEPENDENT : Assessment.Kind.SELF;
		InformationSystem system;
		Engagement engagement = null;
		if (kind == Assessment.Kind.INDEPENDENT) {
			if (organisation == null) {
				throw new InvalidInputException("kind", "assessment.kind.needsOrganisation");
			}
			List<Engagement> engaged = engagements.of(form.systemId(), organisation);
			if (engaged.isEmpty()) {
				// not engaged: the system is none of the organisation's business
				throw new NotFoundException("information system", form.systemId());
			}
			engagement = engaged.stream()
				.filter(e -> e.covers(date))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("date", "assessment.engagement.notOnDate",
						date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
			system = ENGAGED.call(() -> systems.get(form.systemId()));
			engagements.requireIndependent(system, organisation, null);
		}
		else {
			system = systems.get(form.systemId());
			if (!access.mayWriteFor(system.ownerAgencyId())) {
				throw new AccessDeniedException("self-assessments are the owner agency's");
			}
		}
		Integer level = system.securityLevel();
		if (level == null) {
			throw new InvalidInputException("systemId", "assessment.level.none", system.code());
		}
		RulePack pack = packs.requireInForce(date);
		List<RulePack.Requirement> requirements = pack.requirements(level);
		if (requirements.isEmpty()) {
			throw new InvalidInputException("systemId", "assessment.requirements.none", pack.title(), level);
		}
		Long draft = jdbc.sql("""
				SELECT id FROM assessment WHERE system_id = :system AND status = 'DRAFT' AND kind = :kind
				  AND COALESCE(organisation_id, 0) = :org ORDER BY id LIMIT 1""")
			.param("system", system.id())
			.param("kind", kind.name())
			.param("org", kind == Assessment.Kind.INDEPENDENT ? organisation : 0L)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (draft != null) {
			throw InvalidInputException.conflict("systemId", "assessment.draft.exists", system.code(), draft);
		}
		Timestamp now = Timestamp.from(Instant.now());
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment (agency_id, system_id, system_code, system_name, kind, organisation_id,
				  engagement_id, pack_id, pack_version, security_level, level_approved, assessed_on, status,
				  requirement_count, created_by, created_at, updated_at)
				VALUES (:agency, :system, :code, :name, :kind, :org, :engagement, :pack, :version, :level, :approved,
				  :date, 'DRAFT', :count, :by, :now, :now)""")
			.param("agency", system.ownerAgencyId())
			.param("system", system.id())
			.param("code", system.code())
			.param("name", system.name())
			.param("kind", kind.name())
			.param("org", kind == Assessment.Kind.INDEPENDENT ? organisation : null)
			.param("engagement", engagement == null ? null : engagement.id())
			.param("pack", pack.id())
			.param("version", pack.version())
			.param("level", level)
			.param("approved", system.securityLevelApproved() != null)
			.param("date", java.sql.Date.valueOf(date))
			.param("count", requirements.size())
			.param("by", access.actor())
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		List<Object[]> rows = new ArrayList<>();
		int seq = 0;
		for (RulePack.RequirementGroup group : pack.requirements()) {
			for (RulePack.Requirement r : group.items()) {
				if (r.levels().contains(level)) {
					rows.add(new Object[] { id, r.id(), seq++, group.id(), group.kind().name(), group.title(),
							r.title(), r.source().citation() });
				}
			}
		}
		for (Object[] row : rows) {
			jdbc.sql("""
					INSERT INTO assessment_answer (assessment_id, requirement_id, seq_no, group_id, group_kind,
					  group_title, title, citation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(row).update();
		}
		Assessment created = assessments.get(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("systemId", system.id());
		after.put("kind", kind.code());
		if (created.organisationId() != null) {
			after.put("organisationId", created.organisationId());
		}
		after.put("pack", pack.id());
		after.put("level", level);
		after.put("assessedOn", date.toString());
		after.put("requirements", requirements.size());
		audit.record("CREATE", "assessment", id, null, after);
		return created;
	}

	@Transactional
	public Assessment answer(long id, String requirementId, AnswerInput input) {
		Assessment assessment = writable(id);
		Assessment.Requirement before = requirement(assessment, requirementId);
		String note = Engagements.text("note", input.note(), 4000);
		if (input.answer() == Assessment.Answer.NOT_APPLICABLE && note == null) {
			throw new InvalidInputException("note", "assessment.answer.reasonRequired");
		}
		boolean gap = input.answer().gap();
		String owner = gap ? Engagements.text("owner", input.owner(), 200) : null;
		LocalDate due = gap ? input.due() : null;
		if (due != null && (due.isBefore(assessment.assessedOn())
				|| due.isAfter(assessment.assessedOn().plusYears(MAX_DEADLINE_YEARS)))) {
			throw new InvalidInputException("due", "assessment.due.range", MAX_DEADLINE_YEARS);
		}
		jdbc.sql("""
				UPDATE assessment_answer SET answer = :answer, note = :note, action_owner = :owner, action_due = :due,
				  answered_by = :by, answered_at = :at WHERE assessment_id = :id AND requirement_id = :requirement""")
			.param("answer", input.answer().name())
			.param("note", note)
			.param("owner", owner)
			.param("due", due == null ? null : java.sql.Date.valueOf(due))
			.param("by", access.actor())
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.param("requirement", before.requirementId())
			.update();
		recount(assessment);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("requirement", before.requirementId());
		was.put("answer", before.answer() == null ? null : before.answer().code());
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("requirement", before.requirementId());
		now.put("answer", input.answer().code());
		if (note != null) {
			now.put("note", note);
		}
		if (owner != null) {
			now.put("owner", owner);
		}
		if (due != null) {
			now.put("due", due.toString());
		}
		audit.record("ASSESSMENT_ANSWERED", "assessment", id, was, now);
		return assessments.get(id);
	}

	/**
	 * Keeps an evidence file as received in the file store (charged to the owner agency),
	 * after checking its size and kind, then records it with its dates.
	 * @param size the size the upload declares, -1 when unknown (the store caps it)
	 */
	@Transactional
	public Assessment.Evidence addEvidence(long id, EvidenceInput input, InputStream content, String filename,
			@Nullable String contentType, long size) {
		Assessment assessment = writable(id);
		String requirementId = input.requirementId() == null || input.requirementId().isBlank() ? null
				: requirement(assessment, input.requirementId().strip()).requirementId();
		String title = Engagements.text("title", input.title(), 500);
		LocalDate effective = input.effectiveOn() != null ? input.effectiveOn() : assessment.assessedOn();
		if (input.expiresOn() == null) {
			throw new InvalidInputException("expiresOn", "assessment.evidence.expiryRequired");
		}
		if (input.expiresOn().isBefore(effective)) {
			throw new InvalidInputException("expiresOn", "assessment.evidence.expiryOrder");
		}
		EvidenceFiles.Kept kept = evidenceFiles.keep(assessment.agencyId(), content, filename, contentType, size);
		FileStore.StoredFile stored = kept.file();
		String type = kept.contentType();
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO assessment_evidence (assessment_id, requirement_id, file_id, filename, content_type,
				  size_bytes, sha256, title, effective_on, expires_on, uploaded_by, uploaded_at)
				VALUES (:assessment, :requirement, :file, :name, :type, :size, :sha, :title, :effective, :expires,
				  :by, :at)""")
			.param("assessment", id)
			.param("requirement", requirementId)
			.param("file", stored.id())
			.param("name", stored.filename())
			.param("type", type)
			.param("size", stored.size())
			.param("sha", stored.sha256())
			.param("title", title)
			.param("effective", java.sql.Date.valueOf(effective))
			.param("expires", java.sql.Date.valueOf(input.expiresOn()))
			.param("by", access.actor())
			.param("at", now)
			.update(keys, "id");
		long evidenceId = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("UPDATE assessment SET updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", now)
			.param("id", id)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("assessmentId", id);
		if (requirementId != null) {
			after.put("requirement", requirementId);
		}
		after.put("fileId", stored.id());
		after.put("filename", stored.filename());
		after.put("sha256", stored.sha256());
		after.put("size", stored.size());
		after.put("effectiveOn", effective.toString());
		after.put("expiresOn", input.expiresOn().toString());
		audit.record("ASSESSMENT_EVIDENCE_ADDED", "assessment_evidence", evidenceId, null, after);
		return assessments.evidence(id, evidenceId);
	}

	/** The evidence's file as stored; the caller closes it. */
	public InputStream open(Assessment.Evidence evidence) {
		return evidenceFiles.open(evidence.fileId(), evidence.id());
	}

	/**
	 * Completes the draft: every requirement answered, every gap with an owner and a
	 * deadline, and (independent) the organisation still independent of the system's
	 * monitoring. Each gap becomes an open remediation action.
	 */
	@Transactional
	public Assessment complete(long id, @Nullable String summary) {
		Assessment assessment = writable(id);
		String text = Engagements.text("summary", summary, 4000);
		List<Assessment.Requirement> requirements = assessments.requirements(id);
		List<String> unanswered = requirements.stream()
			.filter(r -> r.answer() == null)
			.map(Assessment.Requirement::requirementId)
			.toList();
		if (!unanswered.isEmpty()) {
			throw new InvalidInputException(null, "assessment.unanswered", unanswered.size(), first(unanswered));
		}
		List<Assessment.Requirement> gaps = requirements.stream().filter(r -> r.answer().gap()).toList();
		List<String> incomplete = gaps.stream()
			.filter(r -> r.actionOwner() == null || r.actionDue() == null)
			.map(Assessment.Requirement::requirementId)
			.toList();
		if (!incomplete.isEmpty()) {
			throw new InvalidInputException(null, "assessment.gap.incomplete", incomplete.size(), first(incomplete));
		}
		if (assessment.kind() == Assessment.Kind.INDEPENDENT && assessment.organisationId() != null) {
			InformationSystem system = ENGAGED.call(() -> systems.find(assessment.systemId())).orElse(null);
			if (system != null) {
				engagements.requireIndependent(system, assessment.organisationId(), null);
			}
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc
			.sql("""
					UPDATE assessment SET status = 'COMPLETED', summary = :summary, completed_by = :by, completed_at = :now,
					  updated_at = :now, version = version + 1 WHERE id = :id AND version = :version AND status = 'DRAFT'""")
			.param("summary", text)
			.param("by", access.actor())
			.param("now", now)
			.param("id", id)
			.param("version", assessment.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "assessment.changedMeanwhile");
		}
		for (Assessment.Requirement gap : gaps) {
			jdbc.sql(
					"""
							INSERT INTO assessment_action (assessment_id, agency_id, system_id, requirement_id, gap, title,
							  owner_name, due_on, status, note, created_at)
							VALUES (:assessment, :agency, :system, :requirement, :gap, :title, :owner, :due, 'OPEN', :note, :now)""")
				.param("assessment", id)
				.param("agency", assessment.agencyId())
				.param("system", assessment.systemId())
				.param("requirement", gap.requirementId())
				.param("gap", gap.answer().name())
				.param("title", gap.title())
				.param("owner", gap.actionOwner())
				.param("due", java.sql.Date.valueOf(gap.actionDue()))
				.param("note",
						gap.note() == null ? null
								: gap.note().length() > 2000 ? gap.note().substring(0, 2000) : gap.note())
				.param("now", now)
				.update();
		}
		Assessment completed = assessments.get(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", completed.status().code());
		after.put("score", completed.score());
		after.put("met", completed.met());
		after.put("partlyMet", completed.partlyMet());
		after.put("notMet", completed.notMet());
		after.put("notApplicable", completed.notApplicable());
		after.put("actions", gaps.size());
		if (text != null) {
			after.put("summary", text);
		}
		audit.record("ASSESSMENT_COMPLETED", "assessment", id, Map.of("status", assessment.status().code()), after);
		events.publishEvent(new AssessmentCompleted(id, completed.agencyId(), completed.systemId(), completed.kind(),
				completed.organisationId(), completed.assessedOn(), completed.score(), gaps.size()));
		return completed;
	}

	/**
	 * Whether the caller may answer, add evidence to and complete this assessment (a
	 * draft).
	 */
	public boolean mayWrite(Assessment assessment) {
		return !assessment.completed() && access.mayWrite(assessment);
	}

	/** Whether the caller may start a self-assessment of a system of this agency. */
	public boolean maySelfAssess(long agencyId) {
		return access.mayWriteFor(agencyId);
	}

	/** A visible draft the caller may write: 404, 403, or 409 once completed. */
	private Assessment writable(long id) {
		assessments.get(id);
		// NB: writers of one assessment wait for each other rather than fail on its
		// version
		jdbc.sql("SELECT id FROM assessment WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		Assessment assessment = assessments.get(id);
		if (!access.mayWrite(assessment)) {
			throw new AccessDeniedException("not the caller's assessment");
		}
		if (assessment.completed()) {
			throw InvalidInputException.conflict(null, "assessment.completed");
		}
		return assessment;
	}

	private Assessment.Requirement requirement(Assessment assessment, String requirementId) {
		return assessments.requirements(assessment.id())
			.stream()
			.filter(r -> r.requirementId().equals(requirementId))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("requirementId", "assessment.requirement.unknown",
					requirementId, assessment.level(), assessment.packId()));
	}

	/** Counts the answers again, in the same transaction as the change. */
	private void recount(Assessment assessment) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT answer, COUNT(*) FROM assessment_answer WHERE assessment_id = :id AND answer IS NOT NULL
				GROUP BY answer""").param("id", assessment.id()).query(rs -> {
			counts.put(rs.getString(1), rs.getInt(2));
		});
		int updated = jdbc.sql("""
				UPDATE assessment SET met_count = :met, partly_count = :partly, not_met_count = :notMet, na_count = :na,
				  updated_at = :now, version = version + 1 WHERE id = :id AND version = :version""")
			.param("met", counts.getOrDefault("MET", 0))
			.param("partly", counts.getOrDefault("PARTLY_MET", 0))
			.param("notMet", counts.getOrDefault("NOT_MET", 0))
			.param("na", counts.getOrDefault("NOT_APPLICABLE", 0))
			.param("now", Timestamp.from(Instant.now()))
			.param("id", assessment.id())
			.param("version", assessment.version())
			.update();
		if (updated == 0) {
			throw InvalidInputException.conflict(null, "assessment.changedMeanwhile");
		}
	}

	private static String first(List<String> ids) {
		return String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "");
	}

}
