package vn.khien.compliance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.compliance.Assessment;
import vn.khien.compliance.AssessmentAction;
import vn.khien.compliance.AssessmentActions;
import vn.khien.compliance.AssessmentManagement;
import vn.khien.compliance.Assessments;
import vn.khien.compliance.Engagement;
import vn.khien.compliance.Engagements;
import vn.khien.compliance.web.AssessmentPayloads.EvidenceView;
import vn.khien.compliance.web.AssessmentPayloads.Names;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CsvExport;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.OrganisationDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;

/**
 * The assessments' pages: the list with the form that starts one, one assessment with its
 * requirements grouped as the pack groups them (answers, evidence, score, actions), the
 * remediation actions, and the engagements of independent assessors.
 */
@Controller
class AssessmentPages {

	private final Assessments assessments;

	private final AssessmentManagement management;

	private final AssessmentActions actions;

	private final Engagements engagements;

	private final AgencyDirectory agencies;

	private final OrganisationDirectory organisations;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	AssessmentPages(Assessments assessments, AssessmentManagement management, AssessmentActions actions,
			Engagements engagements, AgencyDirectory agencies, OrganisationDirectory organisations,
			CurrentUser currentUser, MessageSource messages) {
		this.assessments = assessments;
		this.management = management;
		this.actions = actions;
		this.engagements = engagements;
		this.agencies = agencies;
		this.organisations = organisations;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** The filters of the list, as the address carries them. */
	record ListParams(@Nullable Long system, @Nullable Long agency, @Nullable String status, @Nullable String kind) {
	}

	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessments")
	String list(@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		var result = assessments.list(AssessmentPayloads.filter(system, agency, status, kind),
				PageQuery.of(page, 50, sort));
		Names names = Names.ofAssessments(agencies, organisations, result.items());
		model.addAttribute("result", result);
		model.addAttribute("names", names);
		model.addAttribute("params", new ListParams(system, agency, status, kind));
		model.addAttribute("agencyLabel", agency == null ? "" : agencies.label(agency).orElse(""));
		model.addAttribute("statuses", Assessment.Status.values());
		model.addAttribute("kinds", Assessment.Kind.values());
		KhienUser user = currentUser.get();
		model.addAttribute("selfAssessor", selfWriter(user));
		List<Engagement> engaged = engagements.currentForMe(AssessmentManagement.today());
		model.addAttribute("engaged", engaged);
		model.addAttribute("today", AssessmentManagement.today());
		return "compliance/assessments";
	}

	/**
	 * The filtered list as CSV, in the order the page shows it; a filter edited in the
	 * address is refused before the download starts.
	 */
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessments/export.csv")
	void export(@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) String sort,
			Locale locale, HttpServletResponse response) {
		var filter = AssessmentPayloads.filter(system, agency, status, kind);
		PageQuery.of(0, 1, sort).orderBy(Map.of("date", ""), "");
		List<String> header = List
			.of("id", "date", "systemCode", "system", "agency", "kind", "organisation", "pack", "level", "status",
					"requirements", "answered", "met", "partlyMet", "notMet", "notApplicable", "score")
			.stream()
			.map(k -> messages.getMessage("assessment.csv." + k, null, k, locale))
			.toList();
		// NB: names looked up once per export, not per row
		Map<Long, String> agencyNames = new java.util.HashMap<>();
		Map<Long, String> organisationNames = new java.util.HashMap<>();
		CsvExport.pages(response, "danh-gia.csv", header, sort, page -> assessments.list(filter, page), a -> {
			String agencyName = agencyNames.computeIfAbsent(a.agencyId(),
					k -> agencies.label(k).orElse(String.valueOf(k)));
			String organisation = a.organisationId() == null ? null : organisationNames
				.computeIfAbsent(a.organisationId(), k -> organisations.name(k).orElse(String.valueOf(k)));
			return new Object[] { a.id(), a.assessedOn(), a.systemCode(), a.systemName(), agencyName,
					messages.getMessage("assessment.kind." + a.kind().code(), null, locale), organisation, a.packId(),
					a.level(), messages.getMessage("assessment.status." + a.status().code(), null, locale),
					a.requirements(), a.answered(), a.met(), a.partlyMet(), a.notMet(), a.notApplicable(), a.score() };
		});
	}

	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping("/assessments")
	String create(@RequestParam(required = false) @Nullable String systemId,
			@RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String kind, RedirectAttributes redirect) {
		try {
			Long system = systemId == null || systemId.isBlank() ? null : parseId("systemId", systemId);
			var form = new AssessmentPayloads.CreateForm(system, AssessmentPayloads.date("date", date), kind);
			Assessment created = management.create(form.toNew());
			redirect.addFlashAttribute("notice", message("assessment.created"));
			return "redirect:/assessments/" + created.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
			return "redirect:/assessments";
		}
	}

	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessments/{id}")
	String detail(@PathVariable long id, Model model) {
		Assessment assessment = assessments.get(id);
		LocalDate today = AssessmentManagement.today();
		List<EvidenceView> evidence = assessments.evidence(id).stream().map(e -> EvidenceView.from(e, today)).toList();
		List<AssessmentAction> gaps = actions.of(id);
		model.addAttribute("assessment", assessment);
		model.addAttribute("names", Names.ofAssessments(agencies, organisations, List.of(assessment)));
		List<Assessment.Requirement> requirements = assessments.requirements(id);
		model.addAttribute("groups", AssessmentPayloads.groups(requirements, evidence));
		model.addAttribute("requirements", requirements);
		model.addAttribute("generalEvidence", evidence.stream().filter(e -> e.requirementId() == null).toList());
		model.addAttribute("actions", gaps);
		model.addAttribute("movable", gaps.stream().anyMatch(actions::mayMove));
		model.addAttribute("writable", management.mayWrite(assessment));
		model.addAttribute("answers", Assessment.Answer.values());
		model.addAttribute("today", today);
		return "compliance/assessment";
	}

	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping("/assessments/{id}/answers")
	String answer(@PathVariable long id, @RequestParam(required = false) @Nullable String requirementId,
			@RequestParam(required = false) @Nullable String answer,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
		assessments.get(id);
		try {
			if (requirementId == null || requirementId.isBlank()) {
				throw new InvalidInputException("requirementId", "assessment.requirement.required");
			}
			var form = new AssessmentPayloads.AnswerForm(answer, note, owner, AssessmentPayloads.date("due", due));
			management.answer(id, requirementId.strip(), form.toInput());
			redirect.addFlashAttribute("notice", message("assessment.answered"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/assessments/" + id + (requirementId == null ? "" : "#req-" + requirementId.strip());
	}

	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping("/assessments/{id}/evidence")
	String evidence(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String requirementId,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String effectiveOn,
			@RequestParam(required = false) @Nullable String expiresOn, RedirectAttributes redirect)
			throws IOException {
		assessments.get(id);
		try {
			AssessmentApi.addEvidence(management, id, file, requirementId, title, effectiveOn, expiresOn);
			redirect.addFlashAttribute("notice", message("assessment.evidence.added"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/assessments/" + id + "#evidence";
	}

	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessments/{id}/evidence/{evidenceId}/download")
	void download(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response)
			throws IOException {
		AssessmentPayloads.download(management, assessments.evidence(id, evidenceId), response);
	}

	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping("/assessments/{id}/complete")
	String complete(@PathVariable long id, @RequestParam(required = false) @Nullable String summary,
			RedirectAttributes redirect) {
		assessments.get(id);
		try {
			management.complete(id, summary);
			redirect.addFlashAttribute("notice", message("assessment.completedNotice"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/assessments/" + id;
	}

	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessment-actions")
	String actions(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		LocalDate today = AssessmentManagement.today();
		var result = actions.list(AssessmentPayloads.actionFilter(null, agency, system, status, overdue), today,
				PageQuery.of(page, 50, sort));
		Set<Long> agencyIds = new HashSet<>();
		result.items().forEach(x -> agencyIds.add(x.agencyId()));
		if (agency != null) {
			agencyIds.add(agency);
		}
		Map<Long, String> labels = agencies.labels(agencyIds);
		model.addAttribute("result", result);
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("system", system);
		model.addAttribute("status", status == null || status.isBlank() ? "open" : status.strip());
		model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
		model.addAttribute("movable",
				result.items().stream().filter(actions::mayMove).map(AssessmentAction::id).toList());
		model.addAttribute("today", today);
		return "compliance/assessment-actions";
	}

	/** The filtered remediation actions as CSV, by deadline. */
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessment-actions/export.csv")
	void exportActions(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) String sort,
			Locale locale, HttpServletResponse response) {
		LocalDate today = AssessmentManagement.today();
		var filter = AssessmentPayloads.actionFilter(null, agency, system, status, overdue);
		PageQuery.of(0, 1, sort).orderBy(Map.of("due", ""), "");
		List<String> header = List
			.of("assessment", "due", "overdue", "systemCode", "agency", "requirement", "title", "gap", "owner",
					"status", "note")
			.stream()
			.map(k -> messages.getMessage("actions.csv." + k, null, k, locale))
			.toList();
		Map<Long, String> agencyNames = new java.util.HashMap<>();
		CsvExport.pages(response, "khac-phuc-sau-danh-gia.csv", header, sort, page -> actions.list(filter, today, page),
				x -> new Object[] { x.assessmentId(), x.dueOn(),
						messages.getMessage(x.overdue(today) ? "actions.csv.yes" : "actions.csv.no", null, locale),
						x.systemCode(),
						agencyNames.computeIfAbsent(x.agencyId(), k -> agencies.label(k).orElse(String.valueOf(k))),
						x.requirementId(), x.title(),
						messages.getMessage("assessment.answer." + x.gap().code(), null, locale), x.owner(),
						messages.getMessage("assessment.action.status." + x.status().code(), null, locale), x.note() });
	}

	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/assessment-actions/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		AssessmentAction action = actions.get(id);
		try {
			actions.transition(id, new AssessmentPayloads.ActionForm(to, note).status(), note);
			redirect.addFlashAttribute("notice", message("assessment.action.moved"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/assessments/" + action.assessmentId() + "#actions";
	}

	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/assessment-engagements")
	String engagements(@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Long agency, @RequestParam(required = false) Integer page,
			Model model) {
		var result = engagements.list(new Engagements.Filter(system, null, agency), PageQuery.of(page, 50, null));
		Set<Long> agencyIds = new HashSet<>();
		Set<Long> orgIds = new HashSet<>();
		result.items().forEach(e -> {
			agencyIds.add(e.agencyId());
			orgIds.add(e.organisationId());
		});
		model.addAttribute("result", result);
		model.addAttribute("names", Names.of(agencies, organisations, agencyIds, orgIds));
		model.addAttribute("today", AssessmentManagement.today());
		model.addAttribute("recorder", selfWriter(currentUser.get()));
		return "compliance/assessment-engagements";
	}

	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/assessment-engagements")
	String engage(@RequestParam(required = false) @Nullable String systemId,
			@RequestParam(required = false) @Nullable String organisationId,
			@RequestParam(required = false) @Nullable String startsOn,
			@RequestParam(required = false) @Nullable String endsOn,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		try {
			var form = new AssessmentPayloads.EngagementForm(
					systemId == null || systemId.isBlank() ? null : parseId("systemId", systemId),
					organisationId == null || organisationId.isBlank() ? null
							: parseId("organisationId", organisationId),
					AssessmentPayloads.date("startsOn", startsOn), AssessmentPayloads.date("endsOn", endsOn), note);
			engagements.record(form.toNew());
			redirect.addFlashAttribute("notice", message("engagement.recorded"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/assessment-engagements";
	}

	private static long parseId(String field, String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "assessment.id.invalid", value);
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** Whether the user is offered the forms of self-assessments and engagements. */
	private static boolean selfWriter(KhienUser user) {
		return user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR) || user.has(Role.AGENCY_OFFICER);
	}

}
