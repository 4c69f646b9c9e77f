package vn.khien.inspection.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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

import vn.khien.inspection.InspectionManagement;
import vn.khien.inspection.InspectionPlan;
import vn.khien.inspection.InspectionPlans;
import vn.khien.inspection.PlanKind;
import vn.khien.inspection.PlanStatus;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The plan pages: the list, a new plan, and one plan with its targets, its coverage in
 * the year and the forms that move it on.
 */
@Controller
class InspectionPages {

	/** Agencies no plan of the year targets, shown a page at a time. */
	static final int UNTARGETED_SHOWN = 50;

	private final InspectionPlans plans;

	private final InspectionManagement management;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	InspectionPages(InspectionPlans plans, InspectionManagement management, AgencyDirectory directory,
			MessageSource messages) {
		this.plans = plans;
		this.management = management;
		this.directory = directory;
		this.messages = messages;
	}

	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/inspection-plans")
	String list(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var result = plans.list(InspectionApi.filter(year, status, kind, null), PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(p -> ids.add(p.inspectingAgencyId()));
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("year", year);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("statuses", PlanStatus.values());
		model.addAttribute("kinds", PlanKind.values());
		model.addAttribute("manager", management.mayManage());
		return "inspection/plans";
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@GetMapping("/inspection-plans/new")
	String newPlan(Model model) {
		return form(FormState.NONE, "", model);
	}

	private String form(FormState state, String agencyLabel, Model model) {
		model.addAttribute("fs", state);
		model.addAttribute("kinds", PlanKind.values());
		model.addAttribute("agencyLabel", agencyLabel);
		model.addAttribute("defaultYear", InspectionPayloads.today().getYear());
		return "inspection/plan-form";
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-plans")
	String create(@RequestParam Map<String, String> fields, Model model) {
		try {
			InspectionPlan plan = management.createPlan(new InspectionManagement.NewPlan(
					FormState.number("year", fields.get("year")), fields.get("kind"), fields.get("title"),
					FormState.id("inspectingAgencyId", fields.get("inspectingAgencyId")), null));
			return "redirect:/inspection-plans/" + plan.id();
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			Long agency = null;
			try {
				agency = FormState.id("inspectingAgencyId", fields.get("inspectingAgencyId"));
			}
			catch (InvalidInputException ignored) {
				// the field already said so
			}
			String label = agency == null ? "" : directory.label(agency).orElse("");
			return form(FormState.of("plan", ex, message(ex.messageKey(), ex.args()), fields), label, model);
		}
	}

	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/inspection-plans/{id}")
	String plan(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer upage, Model model) {
		InspectionPlan plan = plans.get(id);
		var targets = plans.targets(id, PageQuery.of(page, 50, null));
		var coverage = plans.coverage(id, PageQuery.of(upage, UNTARGETED_SHOWN, null));
		Set<Long> ids = new HashSet<>();
		ids.add(plan.inspectingAgencyId());
		targets.items().forEach(t -> ids.add(t.target().agencyId()));
		coverage.notInspected().forEach(t -> ids.add(t.agencyId()));
		model.addAttribute("plan", plan);
		model.addAttribute("result", targets);
		model.addAttribute("coverage", coverage);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("manager", management.mayManage());
		model.addAttribute("moves", management.mayManage() ? plan.status().next() : Set.of());
		if (!model.containsAttribute("fs")) {
			model.addAttribute("fs", FormState.NONE);
		}
		return "inspection/plan";
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-plans/{id}/targets")
	String addTarget(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		plans.get(id);
		return act(id, "target", fields, redirect,
				() -> management.addTarget(id,
						new InspectionManagement.NewTarget(FormState.id("agencyId", fields.get("agencyId")),
								FormState.date("plannedFrom", fields.get("plannedFrom")),
								FormState.date("plannedTo", fields.get("plannedTo")))));
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-plans/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		plans.get(id);
		return act(id, "transition", fields, redirect, () -> management.movePlan(id, PlanStatus.of(fields.get("to"))));
	}

	@PreAuthorize(InspectionApi.MANAGERS)
	@PostMapping("/inspection-plans/{id}/rounds")
	String createRound(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		plans.get(id);
		try {
			var round = management.createRound(id,
					new InspectionManagement.NewRound(FormState.id("agencyId", fields.get("agencyId")),
							FormState.date("startsOn", fields.get("startsOn")),
							FormState.date("endsOn", fields.get("endsOn")), fields.get("inspectors")));
			redirect.addFlashAttribute("notice", message("inspection.round.created"));
			return "redirect:/inspection-rounds/" + round.id();
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", FormState.of("round", ex, message(ex.messageKey(), ex.args()), fields));
			return "redirect:/inspection-plans/" + id;
		}
	}

	private String act(long id, String form, Map<String, String> fields, RedirectAttributes redirect,
			Supplier<?> change) {
		try {
			change.get();
			redirect.addFlashAttribute("notice", message("inspection.saved"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("fs", FormState.of(form, ex, message(ex.messageKey(), ex.args()), fields));
		}
		return "redirect:/inspection-plans/" + id;
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
