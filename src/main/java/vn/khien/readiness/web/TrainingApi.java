package vn.khien.readiness.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.ImportJob;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.readiness.TrainingAttendanceImport;
import vn.khien.readiness.TrainingKind;
import vn.khien.readiness.TrainingReach;
import vn.khien.readiness.Trainings;
import vn.khien.readiness.web.TrainingPayloads.AttendeeForm;
import vn.khien.readiness.web.TrainingPayloads.AttendeeView;
import vn.khien.readiness.web.TrainingPayloads.PersonView;
import vn.khien.readiness.web.TrainingPayloads.ReachView;
import vn.khien.readiness.web.TrainingPayloads.TrainingForm;
import vn.khien.readiness.web.TrainingPayloads.TrainingView;
import vn.khien.readiness.web.TrainingPayloads.WorkforceForm;
import vn.khien.readiness.web.TrainingPayloads.WorkforceView;

/** Training events, their attendance (by hand or from a file), reach and workforce. */
@RestController
@Tag(name = "trainings")
class TrainingApi {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER')";

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'AGENCY_OFFICER')";

	static final String DECIDERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')";

	private final Trainings trainings;

	private final TrainingAttendanceImport attendance;

	private final AgencyDirectory directory;

	TrainingApi(Trainings trainings, TrainingAttendanceImport attendance, AgencyDirectory directory) {
		this.trainings = trainings;
		this.attendance = attendance;
		this.directory = directory;
	}

	@Operation(operationId = "listTrainings", summary = "List training events", description = """
			Conferences, courses, briefings and publicity campaigns, the latest first. Province-wide roles see \
			every event; an agency officer sees the events their agencies organised or attended (and counts only \
			their attendees). The total is counted up to 10,000 (`totalCapped`).
			""")
	@Parameter(name = "agency", description = "Only events organised by this agency or one below it (an id).")
	@Parameter(name = "from", description = "Only events held on this day (`2026-03-01`) or later.")
	@Parameter(name = "to", description = "Only events held on this day or earlier.")
	@Parameter(name = "kind", description = "`conference`, `course`, `briefing` or `campaign`.")
	@Parameter(name = "sort", description = "`held` (the default is `-held`, the latest first).")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/trainings")
	PageResult<TrainingView> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var result = trainings.list(filter(agency, from, to, kind), PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(e -> ids.add(e.agencyId()));
		Map<Long, String> labels = directory.labels(ids);
		return result.map(e -> TrainingView.from(e, labels));
	}

	static Trainings.Filter filter(@Nullable Long agency, @Nullable String from, @Nullable String to,
			@Nullable String kind) {
		return new Trainings.Filter(agency, TrainingPayloads.date("from", from), TrainingPayloads.date("to", to),
				kind == null || kind.isBlank() ? null : TrainingKind.of(kind, "kind"));
	}

	@Operation(operationId = "createTraining", summary = "Record a training event", description = """
			An event organised by an agency (`agencyId`), of a `kind`, with its topic, audience, the days it \
			was held (`heldTo` defaults to `heldFrom`) and its place. Operators and the police record any \
			agency's; an agency officer their own agencies'.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "conference", summary = "A province conference", value = """
							{"agencyId": 12, "kind": "conference", "topic": "Phổ biến Luật An ninh mạng",
							 "audience": "Lãnh đạo các sở, ngành", "heldFrom": "2026-03-10", "heldTo": "2026-03-10",
							 "place": "Hội trường UBND tỉnh"}
							"""))))
	@PreAuthorize(WRITERS)
	@PostMapping("/api/v1/trainings")
	@ResponseStatus(HttpStatus.CREATED)
	TrainingView create(@RequestBody TrainingForm form) {
		var event = trainings.create(new Trainings.NewTraining(form.agencyId(), form.kind(), form.topic(),
				form.audience(), form.heldFrom(), form.heldTo(), form.place()));
		return TrainingView.from(event, directory.labels(Set.of(event.agencyId())));
	}

	@Operation(operationId = "getTraining", summary = "Read a training event", description = """
			One event. An event neither organised nor attended by an officer's agencies is a 404, like one that \
			does not exist. Its attendees are `GET /api/v1/trainings/attendees?event={id}`.
			""")
	@Parameter(name = "id", description = "The event's id.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/trainings/{id}")
	TrainingView get(@PathVariable long id) {
		var event = trainings.get(id);
		return TrainingView.from(event, directory.labels(Set.of(event.agencyId())));
	}

	@Operation(operationId = "addTrainingAttendee", summary = "Record one attendee by hand", description = """
			One person who attended: their agency (`agency`, an id or a code, or `agencyId`), name, position, \
			email, and `staffId` when they are registered dedicated security staff of that agency (the name \
			then comes from the registry); `attendedOn` lies within the event's days (defaults to its first). \
			A person already recorded for the event is a 409. Officers record people of their own agencies.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = @ExampleObject(name = "attendee", summary = "An official of the health department", value = """
					{"agency": "SYT", "fullName": "Nguyễn Thị Lan", "position": "Chuyên viên",
					 "email": "lan.nt@syt.gov.vn", "attendedOn": "2026-03-10"}
					"""))))
	@Parameter(name = "id", description = "The event's id.")
	@PreAuthorize(WRITERS)
	@PostMapping("/api/v1/trainings/{id}/attendees")
	@ResponseStatus(HttpStatus.CREATED)
	AttendeeView addAttendee(@PathVariable long id, @RequestBody AttendeeForm form) {
		var added = trainings.addAttendee(id, new Trainings.NewAttendee(form.agencyRef(), form.fullName(),
				form.position(), form.email(), form.staffId(), form.attendedOn()));
		return AttendeeView.from(added, directory.labels(Set.of(added.agencyId())));
	}

	@Operation(operationId = "importTrainingAttendance", summary = "Import an event's attendance from a file",
			description = """
					A CSV (UTF-8) or XLSX list of attendees, one per row, columns `agency` (code or id), `full_name`, \
					`position`, `email`, `staff_id`, `date` (see docs/training.md), imported as a job \
					(`GET /api/v1/imports/{jobId}`). Unknown agencies or registered people, a person twice, a day \
					outside the event: the job fails listing each problem with its line, and nothing is written.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							examples = @ExampleObject(name = "csv", summary = "Two attendees",
									value = """
											{"file": "agency,full_name,position,email\\nSYT,Nguyễn Thị Lan,Chuyên viên,lan@syt.gov.vn\\nSYT,Trần Văn Minh,Kỹ sư,\\n"}
											"""))))
	@ApiResponse(responseCode = "202", description = "The file is kept and its import queued.")
	@Parameter(name = "id", description = "The event's id.")
	@PreAuthorize(WRITERS)
	@PostMapping(path = "/api/v1/trainings/{id}/attendance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> importAttendance(@PathVariable long id, @RequestParam(
			required = false) @Parameter(description = "The attendance list.") @Nullable MultipartFile file)
			throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "import.file.required");
		}
		ImportJob job;
		try (InputStream in = file.getInputStream()) {
			job = attendance.submit(id, in,
					file.getOriginalFilename() == null ? "attendance.csv" : file.getOriginalFilename(),
					file.getContentType());
		}
		String statusUrl = "/api/v1/imports/" + job.id();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", statusUrl)
			.body(Map.of("jobId", job.id(), "statusUrl", statusUrl));
	}

	@Operation(operationId = "listTrainingAttendees", summary = "List attendances", description = """
			Who attended which event, the latest first, for the attendee's agencies in the caller's scope: a \
			person's training history (`staff`, `person` or `q`), an event's attendees (`event`). With \
			`distinct=true` each person reached once (`person`, `events`, `lastAttendedOn`): its `total` is \
			the training reach the agency figures show.
			""")
	@Parameter(name = "agency", description = "Attendees of this agency or one below it (an id).")
	@Parameter(name = "event", description = "Attendees of this event (an id).")
	@Parameter(name = "from", description = "Attended on this day (`2026-01-01`) or later.")
	@Parameter(name = "to", description = "Attended on this day or earlier.")
	@Parameter(name = "q", description = "A part of the name or email.")
	@Parameter(name = "staff", description = "One registered security staff member (their id in the registry).")
	@Parameter(name = "person", description = "One person, by the `person` key a list gives.")
	@Parameter(name = "distinct", description = "`true`: each person once.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/trainings/attendees")
	PageResult<?> attendees(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long event, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long staff,
			@RequestParam(required = false) @Nullable String person,
			@RequestParam(required = false) @Nullable Boolean distinct, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var filter = new Trainings.AttendeeFilter(agency, event, TrainingPayloads.date("from", from),
				TrainingPayloads.date("to", to), PageQuery.text("q", q), staff, PageQuery.text("person", person));
		if (Boolean.TRUE.equals(distinct)) {
			return people(filter, PageQuery.of(page, size, null));
		}
		var result = trainings.attendees(filter, PageQuery.of(page, size, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(a -> ids.add(a.agencyId()));
		Map<Long, String> labels = directory.labels(ids);
		return result.map(a -> AttendeeView.from(a, labels));
	}

	private PageResult<PersonView> people(Trainings.AttendeeFilter filter, PageQuery page) {
		var result = trainings.people(filter, page);
		Set<Long> ids = new HashSet<>();
		result.items().forEach(p -> ids.add(p.agencyId()));
		Map<Long, String> labels = directory.labels(ids);
		return result.map(p -> PersonView.from(p, labels));
	}

	@Operation(operationId = "listTrainedPeople", summary = "List the people training reached", description = """
			Each person the caller may see once, by name, with how many events they attended and the latest \
			day: the dedicated security staff of the registry among them (`staffId`). A person's events are \
			`GET /api/v1/trainings/attendees?person={person}`.
			""")
	@Parameter(name = "agency", description = "People of this agency or one below it (an id).")
	@Parameter(name = "q", description = "A part of the name or email.")
	@Parameter(name = "staff", description = "One registered security staff member (their id in the registry).")
	@Parameter(name = "from", description = "Attended on this day or later.")
	@Parameter(name = "to", description = "Attended on this day or earlier.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/trainings/people")
	PageResult<PersonView> trainedPeople(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long staff,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return people(
				new Trainings.AttendeeFilter(agency, null, TrainingPayloads.date("from", from),
						TrainingPayloads.date("to", to), PageQuery.text("q", q), staff, null),
				PageQuery.of(page, size, null));
	}

	@Operation(operationId = "trainingReach", summary = "Training reach per agency", description = """
			For the period (this calendar year so far by default): the distinct people reached over the \
			subtree of `agency` (every agency in the caller's scope without it), its officials and workers \
			(`headcount`) and the `share` reached (null without a headcount); and `items`, each agency's own \
			figures, for the agencies with a headcount or attendees.
			""")
	@Parameter(name = "agency", description = "The agency whose subtree is counted (an id).")
	@Parameter(name = "from", description = "The first day (`2026-01-01`).")
	@Parameter(name = "to", description = "The last day.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/trainings/reach")
	Map<String, Object> reach(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LocalDate[] period = TrainingPayloads.period(from, to);
		var result = trainings.reach(agency, period[0], period[1], PageQuery.of(page, size, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(r -> ids.add(r.agencyId()));
		Map<Long, String> labels = directory.labels(ids);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", period[0]);
		body.put("to", period[1]);
		if (agency != null) {
			TrainingReach rolled = trainings.reachOf(List.of(agency), period[0], period[1]).get(agency);
			body.put("agencyId", agency);
			body.put("reached", rolled.reached());
			body.put("headcount", rolled.headcount());
			body.put("share", rolled.share());
		}
		body.put("items", result.items().stream().map(r -> ReachView.from(r, labels)).toList());
		body.put("page", result.page());
		body.put("size", result.size());
		body.put("total", result.total());
		return body;
	}

	@Operation(operationId = "getTrainingWorkforce", summary = "Read an agency's officials and workers",
			description = """
					The headcount training reach is measured against: `officials` and `workers` (zero when not \
					set). An agency outside the caller's scope is a 404.
					""")
	@Parameter(name = "agencyId", description = "The agency's id.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/trainings/workforce/{agencyId}")
	WorkforceView workforce(@PathVariable long agencyId) {
		return WorkforceView.from(trainings.workforce(agencyId));
	}

	@Operation(operationId = "setTrainingWorkforce", summary = "Set an agency's officials and workers",
			description = """
					Replaces the agency's headcount of `officials` and `workers` (0 to 1,000,000 each). Operators and \
					the police set any agency's; an officer their own agencies'.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "workforce", summary = "A department", value = """
							{"officials": 85, "workers": 20}
							"""))))
	@Parameter(name = "agencyId", description = "The agency's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/api/v1/trainings/workforce/{agencyId}")
	WorkforceView setWorkforce(@PathVariable long agencyId, @RequestBody WorkforceForm form) {
		return WorkforceView.from(trainings.setWorkforce(agencyId, form.officials(), form.workers()));
	}

}
