package vn.khien.readiness.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import vn.khien.readiness.Drill;
import vn.khien.readiness.DrillAction;
import vn.khien.readiness.DrillActionStatus;
import vn.khien.readiness.DrillCoverage;
import vn.khien.readiness.DrillKind;
import vn.khien.readiness.DrillManagement;
import vn.khien.readiness.Drills;
import vn.khien.readiness.WeaknessCategory;

/**
 * The drill pages: the list, a new drill, one drill with its runs, weaknesses and actions
 * and the form that records a run, the coverage and the actions to follow.
 */
@Controller
class DrillPages {

	/** Weakness rows the run form offers; the API takes more. */
	static final int WEAKNESS_ROWS = 3;

	private final Drills drills;

	private final DrillManagement management;

	private final DrillCoverage coverage;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	DrillPages(Drills drills, DrillManagement management, DrillCoverage coverage, AgencyDirectory directory,
			MessageSource messages) {
		this.drills = drills;
		this.management = management;
		this.coverage = coverage;
		this.directory = directory;
		this.messages = messages;
	}

	@PreAuthorize(DrillApi.READERS)
	@GetMapping("/drills")
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var result = drills.list(DrillApi.filter(agency, kind, year, null), PageQuery.of(page, size, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(d -> ids.add(d.agencyId()));
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : directory.label(agency).orElse(""));
		model.addAttribute("kind", kind);
		model.addAttribute("year", year);
		model.addAttribute("kinds", DrillKind.values());
		model.addAttribute("manager", management.mayManage());
		return "readiness/drills";
	}

	@PreAuthorize(DrillApi.MANAGERS)
	@GetMapping("/drills/new")
	String newDrill(Model model) {
		return form(Map.of(), null, model);
	}

	private String form(Map<String, String> fields, @Nullable String error, Model model) {
		model.addAttribute("fields", fields);
		model.addAttribute("error", error);
		model.addAttribute("kinds", DrillKind.values());
		Long agency = parseId(fields.get("agencyId"));
		model.addAttribute("agencyLabel", agency == null ? "" : directory.label(agency).orElse(""));
		return "readiness/drill-form";
	}

	@PreAuthorize(DrillApi.MANAGERS)
	@PostMapping("/drills")
	String create(@RequestParam Map<String, String> fields, Model model) {
		try {
			List<DrillManagement.NewTarget> targets = new ArrayList<>();
			for (Long id : ids("systemIds", fields.get("systemIds"))) {
				targets.add(new DrillManagement.NewTarget(id, null));
			}
			List<DrillManagement.NewParticipant> participants = new ArrayList<>();
			for (Long id : ids("participantAgencyIds", fields.get("participantAgencyIds"))) {
				participants.add(new DrillManagement.NewParticipant(id, null, null));
			}
			Drill drill = management.create(new DrillManagement.NewDrill(id("agencyId", fields.get("agencyId")),
					fields.get("kind"), fields.get("title"), fields.get("scenario"),
					date("scheduledOn", fields.get("scheduledOn")), targets, participants));
			return "redirect:/drills/" + drill.id();
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			return form(fields, message(ex), model);
		}
	}

	@PreAuthorize(DrillApi.READERS)
	@GetMapping("/drills/{id}")
	String drill(@PathVariable long id, Model model) {
		Drill drill = drills.get(id);
		List<DrillAction> actions = drills.actions(new Drills.ActionFilter(null, null, id), PageQuery.of(0, 500, null))
			.items();
		Set<Long> ids = new HashSet<>();
		ids.add(drill.agencyId());
		drill.participants().forEach(p -> ids.add(p.agencyId()));
		drill.targets().forEach(t -> ids.add(t.agencyId()));
		actions.forEach(a -> ids.add(a.agencyId()));
		model.addAttribute("drill", drill);
		model.addAttribute("runs", drills.runs(id));
		model.addAttribute("actions", actions);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("manager", management.mayManage());
		model.addAttribute("reportable", actions.stream().filter(management::mayReport).map(DrillAction::id).toList());
		model.addAttribute("categories", WeaknessCategory.values());
		model.addAttribute("rows", WEAKNESS_ROWS);
		model.addAttribute("today", LocalDate.now(Formats.ZONE));
		return "readiness/drill";
	}

	@PreAuthorize(DrillApi.MANAGERS)
	@PostMapping("/drills/{id}/runs")
	String recordRun(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		drills.get(id);
		try {
			List<DrillManagement.NewWeakness> weaknesses = new ArrayList<>();
			for (int i = 0; i < WEAKNESS_ROWS; i++) {
				String description = fields.get("description" + i);
				if (description == null || description.isBlank()) {
					continue;
				}
				weaknesses.add(new DrillManagement.NewWeakness(fields.get("category" + i), fields.get("severity" + i),
						description, id("ownerAgencyId" + i, fields.get("ownerAgencyId" + i)),
						fields.get("ownerName" + i), date("dueOn" + i, fields.get("dueOn" + i))));
			}
			management.recordRun(id,
					new DrillManagement.NewRun(date("heldOn", fields.get("heldOn")), fields.get("timeline"),
							"true".equals(fields.get("prevented")),
							number("minutesToDetect", fields.get("minutesToDetect")),
							number("minutesToRespond", fields.get("minutesToRespond")), weaknesses));
			redirect.addFlashAttribute("notice", messages.getMessage("drill.run.recorded", null, "drill.run.recorded",
					LocaleContextHolder.getLocale()));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("error", message(ex));
		}
		return "redirect:/drills/" + id;
	}

	@PreAuthorize(DrillApi.REPORTERS)
	@PostMapping("/drill-actions/{id}/done")
	String done(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		return move(id, DrillActionStatus.DONE, fields, redirect);
	}

	@PreAuthorize(DrillApi.MANAGERS)
	@PostMapping("/drill-actions/{id}/verify")
	String verify(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		return move(id, DrillActionStatus.VERIFIED, fields, redirect);
	}

	private String move(long id, DrillActionStatus to, Map<String, String> fields, RedirectAttributes redirect) {
		DrillAction action = drills.action(id);
		try {
			management.moveAction(id, to, fields.get("note"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("error", message(ex));
		}
		return "redirect:/drills/" + action.drillId() + "#action-" + id;
	}

	@PreAuthorize(DrillApi.READERS)
	@GetMapping("/drills/coverage")
	String coverage(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		DrillCoverage.State s = state == null || state.isBlank() ? null : DrillCoverage.State.of(state);
		var result = coverage.list(agency, s, PageQuery.of(page, size, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(l -> ids.add(l.agencyId()));
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : directory.label(agency).orElse(""));
		model.addAttribute("state", s == null ? "" : s.code());
		model.addAttribute("states", DrillCoverage.State.values());
		if (agency != null) {
			var counts = coverage.counts(List.of(agency)).get(agency);
			model.addAttribute("counts", counts);
		}
		return "readiness/drill-coverage";
	}

	@PreAuthorize(DrillApi.READERS)
	@GetMapping("/drill-actions")
	String actions(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var result = drills.actions(DrillApi.actionFilter(agency, status, null), PageQuery.of(page, size, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(a -> ids.add(a.agencyId()));
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : directory.label(agency).orElse(""));
		model.addAttribute("status", status);
		model.addAttribute("statuses", DrillActionStatus.values());
		model.addAttribute("today", LocalDate.now(Formats.ZONE));
		return "readiness/drill-actions";
	}

	/** A refusal of who is asking (403) is the error page, not a message on the form. */
	static void refusedOutright(InvalidInputException ex) {
		if (ex.status() == 403) {
			throw ex;
		}
	}

	private String message(InvalidInputException ex) {
		return messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale());
	}

	static @Nullable Long parseId(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable Long id(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "drill.field.number", field);
		}
	}

	static @Nullable Integer number(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "drill.field.number", field);
		}
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "drill.field.date", field);
		}
	}

	/** Ids written with commas or spaces between them. */
	static List<Long> ids(String field, @Nullable String value) {
		List<Long> ids = new ArrayList<>();
		if (value != null) {
			for (String part : value.split("[,;\\s]+")) {
				if (!part.isBlank()) {
					ids.add(id(field, part));
				}
			}
		}
		return ids;
	}

}
