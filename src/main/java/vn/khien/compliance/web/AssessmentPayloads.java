package vn.khien.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import vn.khien.compliance.Assessment;
import vn.khien.compliance.AssessmentAction;
import vn.khien.compliance.AssessmentActions;
import vn.khien.compliance.AssessmentManagement;
import vn.khien.compliance.Assessments;
import vn.khien.compliance.Engagement;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.OrganisationDirectory;

/** What the assessments' API takes and answers, and what its pages share with it. */
final class AssessmentPayloads {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'ASSESSOR')";

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER', 'ASSESSOR')";

	/**
	 * Who records engagements and moves remediation actions: the province and the owners.
	 */
	static final String OWNERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	static final String SCORE_FORMULA = "(met + 0.5 × partly met) / (met + partly met + not met); not applicable excluded";

	private AssessmentPayloads() {
	}

	record CreateForm(@Nullable Long systemId, @Nullable LocalDate date, @Nullable String kind) {

		AssessmentManagement.NewAssessment toNew() {
			if (systemId == null) {
				throw new InvalidInputException("systemId", "assessment.system.required");
			}
			return new AssessmentManagement.NewAssessment(systemId, date,
					kind == null || kind.isBlank() ? null : Assessment.Kind.ofCode(kind)
						.orElseThrow(() -> new InvalidInputException("kind", "assessment.kind.unknown", kind)));
		}

	}

	record AnswerForm(@Nullable String answer, @Nullable String note, @Nullable String owner, @Nullable LocalDate due) {

		AssessmentManagement.AnswerInput toInput() {
			return new AssessmentManagement.AnswerInput(AssessmentPayloads.answer(answer), note, owner, due);
		}

	}

	static Assessment.Answer answer(@Nullable String answer) {
		if (answer == null || answer.isBlank()) {
			throw new InvalidInputException("answer", "assessment.answer.required");
		}
		return Assessment.Answer.ofCode(answer)
			.orElseThrow(() -> new InvalidInputException("answer", "assessment.answer.unknown", answer));
	}

	record CompleteForm(@Nullable String summary) {
	}

	record ActionForm(@Nullable String to, @Nullable String note) {

		AssessmentAction.Status status() {
			if (to == null || to.isBlank()) {
				throw new InvalidInputException("to", "assessment.action.toRequired");
			}
			return AssessmentAction.Status.ofCode(to)
				.orElseThrow(() -> new InvalidInputException("to", "assessment.action.unknown", to));
		}

	}

	record EngagementForm(@Nullable Long systemId, @Nullable Long organisationId, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable String note) {

		vn.khien.compliance.Engagements.NewEngagement toNew() {
			if (systemId == null) {
				throw new InvalidInputException("systemId", "assessment.system.required");
			}
			if (organisationId == null) {
				throw new InvalidInputException("organisationId", "engagement.organisation.required");
			}
			if (startsOn == null) {
				throw new InvalidInputException("startsOn", "engagement.period.required");
			}
			if (endsOn == null) {
				throw new InvalidInputException("endsOn", "engagement.period.required");
			}
			return new vn.khien.compliance.Engagements.NewEngagement(systemId, organisationId, startsOn, endsOn, note);
		}

	}

	static Assessments.Filter filter(@Nullable Long system, @Nullable Long agency, @Nullable String status,
			@Nullable String kind) {
		return new Assessments.Filter(system, agency,
				status == null || status.isBlank() ? null : Assessment.Status.ofCode(status)
					.orElseThrow(() -> new InvalidInputException("status", "assessment.status.unknown", status)),
				kind == null || kind.isBlank() ? null : Assessment.Kind.ofCode(kind)
					.orElseThrow(() -> new InvalidInputException("kind", "assessment.kind.unknown", kind)));
	}

	static AssessmentActions.Filter actionFilter(@Nullable Long assessment, @Nullable Long agency,
			@Nullable Long system, @Nullable String status, @Nullable Boolean overdue) {
		AssessmentAction.Status chosen = null;
		if (status != null && !status.isBlank() && !status.strip().equalsIgnoreCase("all")) {
			chosen = AssessmentAction.Status.ofCode(status)
				.orElseThrow(() -> new InvalidInputException("status", "assessment.action.unknown", status));
		}
		else if (status == null || status.isBlank()) {
			chosen = AssessmentAction.Status.OPEN;
		}
		return new AssessmentActions.Filter(assessment, agency, system, chosen, Boolean.TRUE.equals(overdue));
	}

	/** Names of the agencies and organisations a page of records shows. */
	record Names(Map<Long, String> agencies, Map<Long, String> organisations) {

		static Names of(AgencyDirectory agencyDirectory, OrganisationDirectory organisationDirectory,
				Set<Long> agencyIds, Set<Long> organisationIds) {
			Map<Long, String> organisations = new LinkedHashMap<>();
			organisationIds.forEach(id -> organisationDirectory.name(id).ifPresent(n -> organisations.put(id, n)));
			return new Names(agencyDirectory.labels(agencyIds), organisations);
		}

		static Names ofAssessments(AgencyDirectory agencies, OrganisationDirectory organisations,
				List<Assessment> list) {
			Set<Long> agencyIds = new HashSet<>();
			Set<Long> orgIds = new HashSet<>();
			list.forEach(a -> {
				agencyIds.add(a.agencyId());
				if (a.organisationId() != null) {
					orgIds.add(a.organisationId());
				}
			});
			return of(agencies, organisations, agencyIds, orgIds);
		}

		public String agency(long id) {
			return agencies.getOrDefault(id, String.valueOf(id));
		}

		public @Nullable String organisation(@Nullable Long id) {
			return id == null ? null : organisations.getOrDefault(id, String.valueOf(id));
		}

	}

	record AssessmentView(long id, long agencyId, String agency, long systemId, String systemCode, String systemName,
			String kind, @Nullable Long organisationId, @Nullable String organisation, String pack, String packVersion,
			int level, boolean levelApproved, LocalDate assessedOn, String status, int requirements, int answered,
			int met, int partlyMet, int notMet, int notApplicable, @Nullable Double score, @Nullable String summary,
			String createdBy, Instant createdAt, @Nullable String completedBy, @Nullable Instant completedAt) {

		static AssessmentView from(Assessment a, Names names) {
			return new AssessmentView(a.id(), a.agencyId(), names.agency(a.agencyId()), a.systemId(), a.systemCode(),
					a.systemName(), a.kind().code(), a.organisationId(), names.organisation(a.organisationId()),
					a.packId(), a.packVersion(), a.level(), a.levelApproved(), a.assessedOn(), a.status().code(),
					a.requirements(), a.answered(), a.met(), a.partlyMet(), a.notMet(), a.notApplicable(), a.score(),
					a.summary(), a.createdBy(), a.createdAt(), a.completedBy(), a.completedAt());
		}

	}

	record EvidenceView(long id, @Nullable String requirementId, String filename, String contentType, long size,
			String sha256, @Nullable String title, LocalDate effectiveOn, LocalDate expiresOn, boolean expired,
			String uploadedBy, Instant uploadedAt, String url) {

		static EvidenceView from(Assessment.Evidence e, LocalDate today) {
			return new EvidenceView(e.id(), e.requirementId(), e.filename(), e.contentType(), e.size(), e.sha256(),
					e.title(), e.effectiveOn(), e.expiresOn(), e.expired(today), e.uploadedBy(), e.uploadedAt(),
					"/api/v1/assessments/" + e.assessmentId() + "/evidence/" + e.id());
		}

	}

	record RequirementView(String id, String title, String citation, @Nullable String answer, @Nullable String note,
			@Nullable String owner, @Nullable LocalDate due, @Nullable String answeredBy, @Nullable Instant answeredAt,
			List<EvidenceView> evidence) {
	}

	record GroupView(String id, String kind, String title, List<RequirementView> requirements) {
	}

	record ActionView(long id, long assessmentId, long agencyId, long systemId, String systemCode, String requirementId,
			String gap, String title, String owner, LocalDate dueOn, String status, boolean overdue,
			@Nullable String note, @Nullable String statusBy, @Nullable Instant statusAt) {

		static ActionView from(AssessmentAction x, LocalDate today) {
			return new ActionView(x.id(), x.assessmentId(), x.agencyId(), x.systemId(), x.systemCode(),
					x.requirementId(), x.gap().code(), x.title(), x.owner(), x.dueOn(), x.status().code(),
					x.overdue(today), x.note(), x.statusBy(), x.statusAt());
		}

	}

	record AssessmentDetail(AssessmentView assessment, String scoreFormula, List<GroupView> groups,
			List<EvidenceView> evidence, List<ActionView> actions) {
	}

	/** The requirements in the pack's groups, each with its evidence. */
	static List<GroupView> groups(List<Assessment.Requirement> requirements, List<EvidenceView> evidence) {
		Map<String, List<RequirementView>> byGroup = new LinkedHashMap<>();
		Map<String, Assessment.Requirement> firstOf = new LinkedHashMap<>();
		for (Assessment.Requirement r : requirements) {
			firstOf.putIfAbsent(r.groupId(), r);
			byGroup.computeIfAbsent(r.groupId(), k -> new ArrayList<>())
				.add(new RequirementView(r.requirementId(), r.title(), r.citation(),
						r.answer() == null ? null : r.answer().code(), r.note(), r.actionOwner(), r.actionDue(),
						r.answeredBy(), r.answeredAt(),
						evidence.stream().filter(e -> r.requirementId().equals(e.requirementId())).toList()));
		}
		List<GroupView> groups = new ArrayList<>();
		byGroup.forEach((id, items) -> {
			Assessment.Requirement first = firstOf.get(id);
			groups.add(new GroupView(id, first.groupKind().name().toLowerCase(java.util.Locale.ROOT),
					first.groupTitle(), items));
		});
		return groups;
	}

	record EngagementView(long id, long agencyId, String agency, long systemId, String systemCode, String systemName,
			long organisationId, String organisation, LocalDate startsOn, LocalDate endsOn, boolean current,
			@Nullable String note, String createdBy, Instant createdAt) {

		static EngagementView from(Engagement e, Names names, LocalDate today) {
			return new EngagementView(e.id(), e.agencyId(), names.agency(e.agencyId()), e.systemId(), e.systemCode(),
					e.systemName(), e.organisationId(), names.organisation(e.organisationId()), e.startsOn(),
					e.endsOn(), e.covers(today), e.note(), e.createdBy(), e.createdAt());
		}

	}

	/** An evidence file as a download, as it was received. */
	static void download(AssessmentManagement management, Assessment.Evidence evidence, HttpServletResponse response)
			throws IOException {
		try (InputStream in = management.open(evidence)) {
			response.setContentType(evidence.contentType());
			response.setContentLengthLong(evidence.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(evidence.filename(), StandardCharsets.UTF_8)
						.build()
						.toString());
			response.setHeader("X-Content-Type-Options", "nosniff");
			in.transferTo(response.getOutputStream());
		}
	}

	/** A date typed in a form or a multipart field; a 400 naming the field otherwise. */
	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException(field, "assessment.date.invalid", value);
		}
	}

}
