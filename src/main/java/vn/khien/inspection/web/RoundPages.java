package vn.khien.inspection.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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

import vn.khien.inspection.ActionStatus;
import vn.khien.inspection.CorrectiveAction;
import vn.khien.inspection.CorrectiveActions;
import vn.khien.inspection.FindingKind;
import vn.khien.inspection.InspectionFinding;
import vn.khien.inspection.InspectionManagement;
import vn.khien.inspection.InspectionPlan;
import vn.khien.inspection.InspectionPlans;
import vn.khien.inspection.InspectionRound;
import vn.khien.inspection.InspectionRounds;
import vn.khien.inspection.RoundStatus;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.vulnerability.Finding;
import vn.khien.vulnerability.Findings;
import vn.khien.vulnerability.Severity;

/**
 * The round page (findings, their corrective actions with the forms to report them done
 * and to verify them), the list of corrective actions, and evidence downloads.
 */
@Controller
class RoundPages {

	private final InspectionRounds rounds;

	private final InspectionPlans plans;

	private final CorrectiveActions actions;

	private final InspectionManagement management;

	private final AgencyDirectory directory;

	private final CurrentUser currentUser;

	private final Systems systems;

	private final Findings findings;

	private final FileStore files;

	private final MessageSource messages;

	RoundPages(InspectionRounds rounds, InspectionPlans plans, CorrectiveActions actions,
			InspectionManagement management, AgencyDirectory directory, CurrentUser currentUser, Systems systems,
			Findings findings, FileStore files, MessageSource messages) {
		this.rounds = rounds;
		this.plans = plans;
		this.actions = actions;
		this.management = management;
		this.directory = directory;
		this.currentUser = currentUser;
		this.systems = systems;
		this.findings = findings;
		this.files = files;
		this.messages = messages;
	}

	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/inspection-rounds/{id}")
	String round(@PathVariable long id, Model model) {
		InspectionRound round = rounds.get(id);
		InspectionPlan plan = plans.get(round.planId());
		List<InspectionRounds.FindingLine> lines = rounds.findings(id);
		Set<Long> systemIds = new HashSet<>();
		Set<Long> linkIds = new HashSet<>();
		for (InspectionRounds.FindingLine line : lines) {
			if (line.finding().systemId() != null) {
				systemIds.add(line.finding().systemId());
			}
			linkIds.addAll(line.finding().vulnerabilityFindingIds());
		}
		Map<Long, String> systemNames = new java.util.HashMap<>();
		for (Long s : systemIds) {
			systems.find(s).ifPresent(sys -> systemNames.put(s, label(sys)));
		}
		Map<Long, Finding> linked = new java.util.HashMap<>();
		for (Long f : linkIds) {
			findings.find(f).ifPresent(found -> linked.put(f, found));
		}
		model.addAttribute("round", round);
		model.addAttribute("plan", plan);
		model.addAttribute("lines", lines);
		model.addAttribute("agencyLabel", directory.label(round.agencyId()).orElse(""));
		model.addAttribute("systemNames", systemNames);
		model.addAttribute("linked", linked);
		model.addAttribute("manager", management.mayManage());
		model.addAttribute("verifier", management.mayVerify(plan));
		model.addAttribute("reporter", currentUser.mayEdit(round.agencyId()));
		model.addAttribute("moves", management.mayManage() ? round.status().next() : Set.of());
		model.addAttribute("kinds", FindingKind.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("today", InspectionPayloads.today());
		if (!model.containsAttribute("fs")) {
			model.addAttribute("fs", FormState.NONE);
		}
		return "inspection/round";
	}

	private static String label(InformationSystem s) {
		return s.code() + " — " + s.name();
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-rounds/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		rounds.get(id);
		try {
			management.moveRound(id, RoundStatus.of(fields.get("to")));
			redirect.addFlashAttribute("notice", message("inspection.saved"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", state("transition", ex, fields));
		}
		return "redirect:/inspection-rounds/" + id;
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-rounds/{id}/findings")
	String addFinding(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		rounds.get(id);
		try {
			management.addFinding(id, new InspectionManagement.NewFinding(fields.get("kind"), fields.get("title"),
					fields.get("description"), fields.get("severity"), FormState.id("systemId", fields.get("systemId")),
					links(fields.get("vulnerabilityFindingIds"))));
			redirect.addFlashAttribute("notice", message("inspection.saved"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", state("finding", ex, fields));
		}
		return "redirect:/inspection-rounds/" + id;
	}

	/** Ids as typed: separated by commas or spaces. */
	static List<Long> links(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return List.of();
		}
		return Arrays.stream(typed.split("[,;\\s]+"))
			.filter(s -> !s.isBlank())
			.map(s -> FormState.id("vulnerabilityFindingIds", s.replace("#", "")))
			.toList();
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-findings/{id}/actions")
	String addAction(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		InspectionFinding finding = rounds.finding(id);
		try {
			management.addAction(id, new InspectionManagement.NewAction(fields.get("title"), fields.get("owner"),
					FormState.date("dueOn", fields.get("dueOn"))));
			redirect.addFlashAttribute("notice", message("inspection.saved"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", state("action-" + id, ex, fields));
		}
		return "redirect:/inspection-rounds/" + finding.roundId() + "#finding-" + id;
	}

	@PreAuthorize(CorrectiveActionApi.REPORTERS)
	@PostMapping("/inspection-actions/{id}/reports")
	String report(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		CorrectiveAction action = actions.get(id);
		try {
			if (file == null || file.isEmpty()) {
				management.moveAction(id, ActionStatus.DONE, note, null);
			}
			else {
				try (InputStream in = file.getInputStream()) {
					management.moveAction(id, ActionStatus.DONE, note,
							new InspectionManagement.Evidence(in,
									file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename(),
									file.getContentType()));
				}
			}
			redirect.addFlashAttribute("notice", message("inspection.action.reported"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", state("report-" + id, ex, Map.of("note", note == null ? "" : note)));
		}
		return "redirect:/inspection-rounds/" + action.roundId() + "#action-" + id;
	}

	@PreAuthorize(CorrectiveActionApi.MOVERS)
	@PostMapping("/inspection-actions/{id}/transitions")
	String transitionAction(@PathVariable long id, @RequestParam Map<String, String> fields,
			RedirectAttributes redirect) {
		CorrectiveAction action = actions.get(id);
		try {
			management.moveAction(id, ActionStatus.of(fields.get("to")), fields.get("note"), null);
			redirect.addFlashAttribute("notice", message("inspection.saved"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", state("verify-" + id, ex, fields));
		}
		return "redirect:/inspection-rounds/" + action.roundId() + "#action-" + id;
	}

	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/inspection-actions/{id}/files/{fileId}")
	void evidence(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
		CorrectiveActionApi.send(files, actions.evidence(id, fileId), response);
	}

	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/inspection-actions")
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var result = actions.list(CorrectiveActionApi.filter(agency, status, overdue), PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(a -> ids.add(a.agencyId()));
		if (agency != null) {
			ids.add(agency);
		}
		Map<Long, String> labels = directory.labels(ids);
		model.addAttribute("result", result);
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("today", InspectionPayloads.today());
		return "inspection/actions";
	}

	private FormState state(String form, InvalidInputException ex, Map<String, String> fields) {
		return FormState.of(form, ex, message(ex.messageKey(), ex.args()), fields);
	}

	/** A refusal of who is asking (403) is the error page, not a message on the form. */
	static void refusedOutright(InvalidInputException ex) {
		if (ex.status() == 403) {
			throw ex;
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
