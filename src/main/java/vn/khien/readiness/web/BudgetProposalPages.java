package vn.khien.readiness.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.readiness.BudgetProposals;
import vn.khien.readiness.BudgetStatus;
import vn.khien.readiness.Trainings;

/** The budget proposals page: the list, a new proposal, and the province's decisions. */
@Controller
class BudgetProposalPages {

	private final BudgetProposals proposals;

	private final Trainings trainings;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	BudgetProposalPages(BudgetProposals proposals, Trainings trainings, AgencyDirectory directory,
			MessageSource messages) {
		this.proposals = proposals;
		this.trainings = trainings;
		this.directory = directory;
		this.messages = messages;
	}

	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/budget-proposals")
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var result = proposals.list(BudgetProposalApi.filter(agency, year, status), PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(p -> ids.add(p.agencyId()));
		if (agency != null) {
			ids.add(agency);
		}
		Map<Long, String> labels = directory.labels(ids);
		model.addAttribute("result", result);
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("year", year);
		model.addAttribute("status", status);
		model.addAttribute("statuses", BudgetStatus.values());
		model.addAttribute("moves",
				java.util.List.of(BudgetStatus.APPROVED, BudgetStatus.FUNDED, BudgetStatus.REJECTED));
		model.addAttribute("proposer", trainings.mayRecord());
		model.addAttribute("decider", proposals.mayDecide());
		model.addAttribute("defaultYear", java.time.LocalDate.now(Formats.ZONE).getYear() + 1);
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of());
		}
		return "training/budget-proposals";
	}

	@PreAuthorize(TrainingApi.WRITERS)
	@PostMapping("/budget-proposals")
	String create(@RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		try {
			proposals.propose(new BudgetProposals.NewProposal(TrainingPayloads.id("agencyId", fields.get("agencyId")),
					TrainingPayloads.number("year", fields.get("year")), fields.get("title"), fields.get("description"),
					TrainingPayloads.id("amountVnd", fields.get("amountVnd"))));
			redirect.addFlashAttribute("notice", message("budget.proposed"));
		}
		catch (InvalidInputException ex) {
			TrainingPages.refusedOutright(ex);
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
			redirect.addFlashAttribute("values", new HashMap<>(fields));
		}
		return "redirect:/budget-proposals";
	}

	@PreAuthorize(TrainingApi.DECIDERS)
	@PostMapping("/budget-proposals/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		proposals.get(id);
		try {
			proposals.move(id, BudgetStatus.of(fields.get("to"), "to"), fields.get("note"));
			redirect.addFlashAttribute("notice", message("budget.moved"));
		}
		catch (InvalidInputException ex) {
			TrainingPages.refusedOutright(ex);
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/budget-proposals";
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
