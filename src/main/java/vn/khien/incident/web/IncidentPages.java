package vn.khien.incident.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.incident.CoordinationRequest;
import vn.khien.incident.CoordinationRequests;
import vn.khien.incident.DetectedBy;
import vn.khien.incident.Handling;
import vn.khien.incident.Impact;
import vn.khien.incident.Incident;
import vn.khien.incident.IncidentPhase;
import vn.khien.incident.IncidentResponse;
import vn.khien.incident.IncidentSeverity;
import vn.khien.incident.IncidentSource;
import vn.khien.incident.IncidentStatus;
import vn.khien.incident.Incidents;
import vn.khien.incident.ObservableKind;
import vn.khien.incident.TaskStatus;
import vn.khien.incident.Taxonomy;
import vn.khien.incident.Tlp;
import vn.khien.inventory.Systems;
import vn.khien.law.RulePacks;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The incident pages: the queue and the list of cases, an agency’s report with the
 * initial report form’s fields, and one case with its clocks, triage, moves, tasks,
 * observables, files and timeline.
 */
@Controller
@RequestMapping("/incidents")
class IncidentPages {

	private final Incidents incidents;

	private final IncidentResponse response;

	private final AgencyDirectory directory;

	private final Systems systems;

	private final RulePacks packs;

	private final MessageSource messages;

	private final CoordinationRequests coordination;

	IncidentPages(Incidents incidents, IncidentResponse response, AgencyDirectory directory, Systems systems,
			RulePacks packs, MessageSource messages, CoordinationRequests coordination) {
		this.coordination = coordination;
		this.incidents = incidents;
		this.response = response;
		this.directory = directory;
		this.systems = systems;
		this.packs = packs;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("statuses", List.of(IncidentStatus.values()));
		model.addAttribute("sources", List.of(IncidentSource.values()));
		model.addAttribute("severities", List.of(IncidentSeverity.values()));
		model.addAttribute("tlps", List.of(Tlp.values()));
		model.addAttribute("taxonomy", List.of(Taxonomy.values()));
		model.addAttribute("impacts", List.of(Impact.values()));
		model.addAttribute("detections", List.of(DetectedBy.values()));
		model.addAttribute("handlings", List.of(Handling.values()));
		model.addAttribute("kinds", List.of(ObservableKind.values()));
		model.addAttribute("phases", List.of(IncidentPhase.values()));
		model.addAttribute("taskStatuses", List.of(TaskStatus.values()));
	}

	@PreAuthorize(IncidentApi.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable Boolean queue,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(required = false) @Nullable Boolean serious, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var result = incidents.list(new Incidents.Filter(null, word(status, IncidentStatus::of),
				word(source, IncidentSource::of), queue, overdue, serious), PageQuery.of(page, size, null));
		Set<Long> agencies = new HashSet<>();
		result.items().forEach(i -> {
			if (i.agencyId() != null) {
				agencies.add(i.agencyId());
			}
		});
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(agencies));
		model.addAttribute("status", status);
		model.addAttribute("source", source);
		model.addAttribute("queue", queue);
		model.addAttribute("overdue", overdue);
		model.addAttribute("serious", serious);
		return "incident/incidents";
	}

	@PreAuthorize(IncidentApi.REPORTERS)
	@GetMapping("/new")
	String reportForm(Model model) {
		return "incident/report";
	}

	@PreAuthorize(IncidentApi.REPORTERS)
	@PostMapping
	String report(IncidentForms.ReportForm form, Model model, RedirectAttributes redirect) {
		try {
			Incident made = incidents.report(form.toReport());
			redirect.addFlashAttribute("notice", message("incident.reported"));
			return "redirect:/incidents/" + made.id();
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			model.addAttribute("error", message(ex.messageKey(), ex.args()));
			model.addAttribute("errorField", ex.field());
			model.addAttribute("form", form);
			model.addAttribute("values", values(form));
			return "incident/report";
		}
	}

	@PreAuthorize(IncidentApi.READERS)
	@GetMapping("/{id}")
	String incident(@PathVariable long id, Model model) {
		Incident incident = incidents.get(id);
		model.addAttribute("incident", incident);
		model.addAttribute("agency",
				incident.agencyId() == null ? null : directory.label(incident.agencyId()).orElse(null));
		model.addAttribute("system",
				incident.systemId() == null ? null : systems.find(incident.systemId()).orElse(null));
		model.addAttribute("pack", incident.packId() == null ? null : packs.get(incident.packId()));
		boolean team = incidents.onTeam();
		model.addAttribute("team", team);
		model.addAttribute("suggestions",
				team ? response.suggestions(id).stream().filter(h -> !incident.assets().contains(h.id())).toList()
						: List.of());
		model.addAttribute("moves", incident.status().next().stream().map(IncidentStatus::code).toList());
		model.addAttribute("now", Instant.now());
		List<CoordinationRequest> requests = coordination.ofIncident(id);
		java.util.Map<Long, String> recipients = new java.util.HashMap<>();
		requests.forEach(r -> recipients.put(r.id(), coordination.recipientLabel(r)));
		model.addAttribute("requests", requests);
		model.addAttribute("recipients", recipients);
		return "incident/incident";
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/transitions")
	String move(@PathVariable long id, IncidentForms.MoveForm form, RedirectAttributes redirect) {
		return act(id, redirect, () -> response.move(id, form.toMove()), "incident.moved");
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/triage")
	String triage(@PathVariable long id, IncidentForms.TriageForm form, RedirectAttributes redirect) {
		return act(id, redirect, () -> response.triage(id, form.toTriage()), "incident.triaged");
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) @Nullable Long into,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (into == null) {
				throw new InvalidInputException("into", "incident.field.required", "into");
			}
			response.merge(id, into);
		}, "incident.mergedDone");
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/tasks")
	String addTask(@PathVariable long id, IncidentForms.TaskForm form, RedirectAttributes redirect) {
		return act(id, redirect, () -> response.addTask(id, form.toInput()), "incident.task.added");
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/tasks/{taskId}")
	String changeTask(@PathVariable long id, @PathVariable long taskId, IncidentForms.TaskChangeForm form,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> response.changeTask(id, taskId, form.toChange()), "incident.task.changed");
	}

	@PreAuthorize(IncidentApi.REPORTERS)
	@PostMapping("/{id}/observables")
	String observe(@PathVariable long id, IncidentForms.ObservableForm form, RedirectAttributes redirect) {
		return act(id, redirect, () -> response.observe(id, form.toInput()), "incident.observable.added");
	}

	@PreAuthorize(IncidentApi.REPORTERS)
	@PostMapping("/{id}/notes")
	String note(@PathVariable long id, @RequestParam(required = false) @Nullable String text,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> response.note(id, IncidentForms.required(text, "text")), "incident.note.added");
	}

	@PreAuthorize(IncidentApi.REPORTERS)
	@PostMapping("/{id}/evidence")
	String attach(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "incident.field.required", "file");
			}
			try (InputStream in = file.getInputStream()) {
				response.attach(id, in, file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
						file.getContentType(), file.getSize());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, "incident.evidence.added");
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/assets")
	String link(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> assetIds,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> response.link(id, assetIds == null ? List.of() : assetIds),
				"incident.assets.linked");
	}

	@PreAuthorize(IncidentApi.READERS)
	@GetMapping("/{id}/evidence/{evidenceId}")
	ResponseEntity<InputStreamResource> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		return IncidentApi.evidenceResponse(response, id, evidenceId);
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}/deadlines/{kind}/met")
	String meet(@PathVariable long id, @PathVariable String kind,
			@RequestParam(required = false) @Nullable String metAt, RedirectAttributes redirect) {
		return act(id, redirect,
				() -> response.meetDeadline(id, kind, IncidentForms.optionalInstant(localMoment(metAt), "metAt")),
				"incident.deadline.recorded");
	}

	/** A browser’s datetime-local field has no offset: it is a Vietnamese time. */
	private static @Nullable String localMoment(@Nullable String value) {
		if (value == null || value.isBlank() || value.contains("+") || value.endsWith("Z")) {
			return value;
		}
		return (value.length() == 16 ? value + ":00" : value) + "+07:00";
	}

	/** The form’s fields by name, to give back what was typed. */
	private static java.util.Map<String, Object> values(Record form) {
		java.util.Map<String, Object> values = new java.util.HashMap<>();
		for (var component : form.getClass().getRecordComponents()) {
			try {
				Object value = component.getAccessor().invoke(form);
				if (value != null) {
					values.put(component.getName(), value);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return values;
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
		incidents.head(id);
		try {
			action.run();
			redirect.addFlashAttribute("notice", message(done));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				// a refusal of the caller, not of what they typed: answered as the API
				// does
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/incidents/" + id;
	}

	private static @Nullable <T> T word(@Nullable String value,
			java.util.function.Function<String, java.util.Optional<T>> of) {
		return value == null || value.isBlank() ? null : of.apply(value).orElse(null);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
