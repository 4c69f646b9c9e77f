package vn.khien.readiness.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.ImportJob;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.readiness.TrainingAttendanceImport;
import vn.khien.readiness.TrainingEvent;
import vn.khien.readiness.TrainingKind;
import vn.khien.readiness.TrainingReach;
import vn.khien.readiness.Trainings;

/**
 * The training pages: the events and a new one, one event with its attendees and the
 * forms that add them, the reach per agency with its headcounts, people's history.
 */
@Controller
class TrainingPages {

	private final Trainings trainings;

	private final TrainingAttendanceImport attendance;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	TrainingPages(Trainings trainings, TrainingAttendanceImport attendance, AgencyDirectory directory,
			MessageSource messages) {
		this.trainings = trainings;
		this.attendance = attendance;
		this.directory = directory;
		this.messages = messages;
	}

	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/trainings")
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var result = trainings.list(TrainingApi.filter(agency, from, to, kind), PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(e -> ids.add(e.agencyId()));
		if (agency != null) {
			ids.add(agency);
		}
		Map<Long, String> labels = directory.labels(ids);
		model.addAttribute("result", result);
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", TrainingKind.values());
		model.addAttribute("recorder", trainings.mayRecord());
		return "training/trainings";
	}

	@PreAuthorize(TrainingApi.WRITERS)
	@GetMapping("/trainings/new")
	String newTraining(Model model) {
		return form(Map.of(), null, model);
	}

	private String form(Map<String, String> values, @Nullable String error, Model model) {
		model.addAttribute("values", values);
		model.addAttribute("error", error);
		model.addAttribute("kinds", TrainingKind.values());
		Long agency = null;
		try {
			agency = TrainingPayloads.id("agencyId", values.get("agencyId"));
		}
		catch (InvalidInputException ignored) {
			// the error already says so
		}
		model.addAttribute("agencyLabel", agency == null ? "" : directory.label(agency).orElse(""));
		return "training/training-form";
	}

	@PreAuthorize(TrainingApi.WRITERS)
	@PostMapping("/trainings")
	String create(@RequestParam Map<String, String> fields, Model model) {
		try {
			TrainingEvent event = trainings.create(new Trainings.NewTraining(
					TrainingPayloads.id("agencyId", fields.get("agencyId")), fields.get("kind"), fields.get("topic"),
					fields.get("audience"), TrainingPayloads.date("heldFrom", fields.get("heldFrom")),
					TrainingPayloads.date("heldTo", fields.get("heldTo")), fields.get("place")));
			return "redirect:/trainings/" + event.id();
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			return form(fields, message(ex.messageKey(), ex.args()), model);
		}
	}

	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/trainings/{id}")
	String training(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		TrainingEvent event = trainings.get(id);
		var attendees = trainings.attendees(new Trainings.AttendeeFilter(null, id, null, null, null, null, null),
				PageQuery.of(page, 100, null));
		Set<Long> ids = new HashSet<>();
		ids.add(event.agencyId());
		attendees.items().forEach(a -> ids.add(a.agencyId()));
		model.addAttribute("event", event);
		model.addAttribute("result", attendees);
		model.addAttribute("labels", directory.labels(ids));
		model.addAttribute("recorder", trainings.mayRecord());
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of());
		}
		return "training/training";
	}

	@PreAuthorize(TrainingApi.WRITERS)
	@PostMapping("/trainings/{id}/attendees")
	String addAttendee(@PathVariable long id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		trainings.get(id);
		try {
			trainings.addAttendee(id,
					new Trainings.NewAttendee(fields.get("agency"), fields.get("fullName"), fields.get("position"),
							fields.get("email"), TrainingPayloads.id("staffId", fields.get("staffId")),
							TrainingPayloads.date("attendedOn", fields.get("attendedOn"))));
			redirect.addFlashAttribute("notice", message("training.attendee.added"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
			redirect.addFlashAttribute("values", new HashMap<>(fields));
		}
		return "redirect:/trainings/" + id;
	}

	@PreAuthorize(TrainingApi.WRITERS)
	@PostMapping("/trainings/{id}/attendance")
	String upload(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		trainings.get(id);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("uploadError", message("import.file.required"));
			return "redirect:/trainings/" + id;
		}
		ImportJob job;
		try (InputStream in = file.getInputStream()) {
			job = attendance.submit(id, in,
					file.getOriginalFilename() == null ? "attendance.csv" : file.getOriginalFilename(),
					file.getContentType());
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("uploadError", message(ex.messageKey(), ex.args()));
			return "redirect:/trainings/" + id;
		}
		return "redirect:/imports/" + job.id();
	}

	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/trainings/reach")
	String reach(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) Integer page, Model model) {
		LocalDate[] period = TrainingPayloads.period(from, to);
		var result = trainings.reach(agency, period[0], period[1], PageQuery.of(page, 100, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(r -> ids.add(r.agencyId()));
		if (agency != null) {
			ids.add(agency);
			TrainingReach rolled = trainings.reachOf(List.of(agency), period[0], period[1]).get(agency);
			model.addAttribute("rolled", rolled);
		}
		Map<Long, String> labels = directory.labels(ids);
		model.addAttribute("result", result);
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("from", period[0]);
		model.addAttribute("to", period[1]);
		model.addAttribute("recorder", trainings.mayRecord());
		return "training/reach";
	}

	@PreAuthorize(TrainingApi.WRITERS)
	@PostMapping("/trainings/workforce")
	String setWorkforce(@RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		Long agency = null;
		try {
			agency = TrainingPayloads.id("agencyId", fields.get("agencyId"));
			if (agency == null) {
				throw new InvalidInputException("agencyId", "training.field.required", "agencyId");
			}
			trainings.setWorkforce(agency, TrainingPayloads.number("officials", fields.get("officials")),
					TrainingPayloads.number("workers", fields.get("workers")));
			redirect.addFlashAttribute("notice", message("training.workforce.saved"));
		}
		catch (InvalidInputException ex) {
			refusedOutright(ex);
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return agency == null ? "redirect:/trainings/reach" : "redirect:/trainings/reach?agency=" + agency;
	}

	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/trainings/people")
	String people(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long staff,
			@RequestParam(required = false) @Nullable String person, @RequestParam(required = false) Integer page,
			Model model) {
		String text = PageQuery.text("q", q);
		var people = trainings.people(new Trainings.AttendeeFilter(agency, null, null, null, text, staff, null),
				PageQuery.of(page, 50, null));
		Set<Long> ids = new HashSet<>();
		people.items().forEach(p -> ids.add(p.agencyId()));
		if (agency != null) {
			ids.add(agency);
		}
		if (person != null && !person.isBlank()) {
			var history = trainings.attendees(
					new Trainings.AttendeeFilter(null, null, null, null, null, null, PageQuery.text("person", person)),
					PageQuery.of(0, 200, null));
			history.items().forEach(a -> ids.add(a.agencyId()));
			model.addAttribute("history", history);
			model.addAttribute("person", person);
		}
		Map<Long, String> labels = directory.labels(ids);
		model.addAttribute("result", people);
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("q", text);
		return "training/people";
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
