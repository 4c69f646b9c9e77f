package vn.khien.incident.web;

import java.time.LocalDate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.Incident;
import vn.khien.incident.IncidentResponse;
import vn.khien.incident.IncidentSource;
import vn.khien.incident.IncidentStatus;
import vn.khien.incident.Incidents;
import vn.khien.inventory.ScannedHosts;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** Incidents and their cases: reports, triage, the response, its record. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "incidents")
class IncidentApi {

	/** Who reads incidents: everyone but assessors and outside organisations. */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	/** Who reports for an agency: its officers and the response team. */
	static final String REPORTERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER', 'RESPONDER')";

	/** Who works cases: the response team and the operators. */
	static final String TEAM = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'RESPONDER')";

	private final Incidents incidents;

	private final IncidentResponse response;

	IncidentApi(Incidents incidents, IncidentResponse response) {
		this.incidents = incidents;
		this.response = response;
	}

	record MergeForm(@Nullable Long into) {
	}

	record NoteForm(@Nullable String text) {
	}

	record MetForm(@Nullable String metAt) {
	}

	record ParticipantForm(@Nullable Long accountId) {
	}

	record AssetsForm(@Nullable List<Long> assetIds) {
	}

	record PlaybookForm(@Nullable Long planId, @Nullable String scenario) {
	}

	@Operation(operationId = "listIncidents", summary = "List incidents", description = """
			Incidents in the caller's scope (an agency's officers: those concerning their agency), the newest \
			first; merged duplicates are left out unless `status=merged`.
			""")
	@Parameter(name = "agency", description = "Only this agency and those below it (an id).")
	@Parameter(name = "status", description = "new, detection, containment, post_incident, closed, rejected, merged")
	@Parameter(name = "source", description = "public, agency, provider, tool, team")
	@Parameter(name = "queue", description = "true: only reports waiting for triage.")
	@Parameter(name = "overdue", description = "true: only incidents with a reporting deadline passed and not met.")
	@Parameter(name = "serious", description = "true: only serious incidents.")
	@Parameter(name = "from", description = "Only incidents discovered on or after this day (yyyy-MM-dd).")
	@Parameter(name = "to", description = "Only incidents discovered on or before this day (yyyy-MM-dd).")
	@Parameter(name = "cases",
			description = "true: only cases, as the statistics count them (not new, rejected or merged).")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<Incident> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable Boolean queue,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(required = false) @Nullable Boolean serious,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean cases, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return incidents.list(new Incidents.Filter(agency, IncidentForms.word(status, "status", IncidentStatus::of),
				IncidentForms.word(source, "source", IncidentSource::of), queue, overdue, serious, from, to, cases),
				PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "reportIncident", summary = "Report an incident for an agency", description = """
			An agency's report with the fields of Circular 20/2017's initial report (Biểu mẫu 03). It becomes a \
			case at once, with the reporting deadlines of the rule pack in force on `discoveredAt` (ISO-8601 \
			with its offset). `detectedBy`: ids, logs, notified, other. An officer reports for their own agency.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "defacement", value = """
					{"title": "Cổng thông tin điện tử Sở Y tế bị thay đổi giao diện",
					 "description": "Trang chủ hiển thị nội dung lạ", "discoveredAt": "2026-10-01T08:00:00+07:00",
					 "agencyId": 12, "systemId": 40, "detectedBy": "notified", "handled": false,
					 "reporterName": "Nguyễn Văn An", "reporterPhone": "0912345678",
					 "addresses": "syt.example.gov.vn, 203.0.113.10", "supportRequested": "Hỗ trợ điều tra"}
					"""))))
	@PreAuthorize(REPORTERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Incident report(@RequestBody IncidentForms.ReportForm form) {
		return incidents.report(form.toReport());
	}

	@Operation(operationId = "getIncident", summary = "Read an incident", description = """
			The incident with its deadlines (each with `kind`, `due`, `met`, `overdue`), tasks, observables \
			(TLP:RED ones only for the case's participants; `hiddenObservables` counts the others), evidence, \
			linked hosts and timeline. 404 outside the caller's scope.
			""")
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	Incident get(@PathVariable long id) {
		return incidents.get(id);
	}

	@Operation(operationId = "getIncidentOriginal", summary = "What the sender sent", description = """
			The report exactly as its sender sent it (a public form, a provider's JSON), for the response team.
			""")
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@GetMapping(path = "/{id}/original", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> original(@PathVariable long id) {
		String original = incidents.original(id).orElseThrow(() -> new NotFoundException("original", id));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header("X-Content-Type-Options", "nosniff")
			.body(original);
	}

	@Operation(operationId = "moveIncident", summary = "Move a case to another status", description = """
			`to`: detection (accept a report as a case), containment, post_incident (ends the response: the \
			end-of-response report falls due), closed (needs `rootCause`, `actionsTaken`, `lessonsLearned`), \
			rejected (needs a `note`), new (reopen a rejected report). An illegal move answers 409.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "close", value = """
							{"to": "closed", "rootCause": "Plugin CMS chưa vá", "actionsTaken": "Khôi phục, vá lỗi",
							 "lessonsLearned": "Rà quét định kỳ", "handling": "in_house", "estimatedDamage": 0}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/transitions")
	Incident move(@PathVariable long id, @RequestBody IncidentForms.MoveForm form) {
		return response.move(id, form.toMove());
	}

	@Operation(operationId = "triageIncident", summary = "Classify and assign a report", description = """
			Sets what is given: the agency and system it concerns, severity (critical, high, medium, low), \
			`tlp` (red, amber+strict, amber, green, clear), `taxonomy` (ENISA RSIT `class/type`), the pack's \
			attack type `reportType` (else the one the taxonomy maps to), `impact` and the flags the pack's \
			serious-incident criteria read. Deadlines are planned again.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "phishing", value = """
							{"agencyId": 12, "severity": "high", "tlp": "amber", "taxonomy": "fraud/phishing"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/triage")
	Incident triage(@PathVariable long id, @RequestBody IncidentForms.TriageForm form) {
		return response.triage(id, form.toTriage());
	}

	@Operation(operationId = "mergeIncident", summary = "Merge a duplicate into a case", description = """
			The incident `id` becomes a duplicate of `into`: it keeps everything and its original, its \
			observables are added to the case, and its public status follows the case.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "merge", value = """
							{"into": 17}
							"""))))
	@Parameter(name = "id", description = "The duplicate's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/merge")
	Incident merge(@PathVariable long id, @RequestBody MergeForm form) {
		if (form.into() == null) {
			throw new InvalidInputException("into", "incident.field.required", "into");
		}
		return response.merge(id, form.into());
	}

	@Operation(operationId = "addIncidentTask", summary = "Add a task to a case", description = """
			A task of one phase (detection, containment, post_incident) for a member of the roster.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "task", value = """
					{"phase": "containment", "title": "Cô lập máy chủ web", "responderId": 3, "due": "2026-10-02"}
					"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	Incident addTask(@PathVariable long id, @RequestBody IncidentForms.TaskForm form) {
		return response.addTask(id, form.toInput());
	}

	@Operation(operationId = "changeIncidentTask", summary = "Change a task or log work on it", description = """
			`status` (open, in_progress, done, cancelled), another `responderId`, and a `log` line.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "done", value = """
							{"status": "done", "log": "Đã cô lập lúc 10:05"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@Parameter(name = "taskId", description = "The task's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/tasks/{taskId}")
	Incident changeTask(@PathVariable long id, @PathVariable long taskId,
			@RequestBody IncidentForms.TaskChangeForm form) {
		return response.changeTask(id, taskId, form.toChange());
	}

	@Operation(operationId = "followIncidentPlaybook", summary = "Add a response plan's playbook to a case",
			description = """
					The tasks of the scenario `scenario` of the response plan `planId` (its approved version), in \
					their order and phases.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "defacement", value = """
							{"planId": 4, "scenario": "defacement"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/playbook")
	Incident playbook(@PathVariable long id, @RequestBody PlaybookForm form) {
		if (form.planId() == null) {
			throw new InvalidInputException("planId", "incident.field.required", "planId");
		}
		return response.followPlaybook(id, form.planId(), IncidentForms.required(form.scenario(), "scenario"));
	}

	@Operation(operationId = "addIncidentObservable", summary = "Add an observable", description = """
			`kind`: ip, domain, url, file_hash, email, phone; `tlp` (default amber). A value the case holds \
			already counts another sighting.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "domain", value = """
							{"kind": "domain", "value": "vietcombank-xacthuc.example", "tlp": "green"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(REPORTERS)
	@PostMapping("/{id}/observables")
	@ResponseStatus(HttpStatus.CREATED)
	Incident observe(@PathVariable long id, @RequestBody IncidentForms.ObservableForm form) {
		return response.observe(id, form.toInput());
	}

	@Operation(operationId = "addIncidentNote", summary = "Add a note to the timeline", description = """
			A line on the case's timeline (up to 4,000 characters).
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "note", value = """
							{"text": "Nhà cung cấp đã xác nhận chặn tên miền"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(REPORTERS)
	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	Incident note(@PathVariable long id, @RequestBody NoteForm form) {
		return response.note(id, IncidentForms.required(form.text(), "text"));
	}

	@Operation(operationId = "attachIncidentEvidence", summary = "Attach an evidence file", description = """
			A log, screenshot, document or archive (a malware sample goes zipped); stored as received with its \
			SHA-256 and kept as a record. Programs and oversized files are refused.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, examples = @ExampleObject(name = "log", value = """
							{"file": "access.log"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(REPORTERS)
	@PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Incident attach(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file)
			throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "incident.field.required", "file");
		}
		try (InputStream in = file.getInputStream()) {
			return response.attach(id, in, file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
					file.getContentType(), file.getSize());
		}
	}

	@Operation(operationId = "downloadIncidentEvidence", summary = "Download an evidence file", description = """
			The file as it was received, always as an attachment (never shown inline).
			""")
	@Parameter(name = "id", description = "The incident's id.")
	@Parameter(name = "evidenceId", description = "The evidence's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}/evidence/{evidenceId}")
	ResponseEntity<InputStreamResource> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		return evidenceResponse(response, id, evidenceId);
	}

	/** The file as an attachment, for the API and the page alike. */
	static ResponseEntity<InputStreamResource> evidenceResponse(IncidentResponse response, long id, long evidenceId) {
		IncidentResponse.EvidenceFile found = response.evidence(id, evidenceId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(found.evidence().name(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(found.file().size())
			.body(new InputStreamResource(response.open(found.file())));
	}

	@Operation(operationId = "meetIncidentDeadline", summary = "Record a report as sent", description = """
			What the deadline `kind` asks for (a notice, a report) was sent, at `metAt` (ISO-8601; default now).
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "sent", value = """
							{"metAt": "2026-10-02T09:30:00+07:00"}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@Parameter(name = "kind", description = "The deadline's kind, as the incident lists it.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/deadlines/{kind}/met")
	Incident meet(@PathVariable long id, @PathVariable String kind,
			@RequestBody(required = false) @Nullable MetForm form) {
		return response.meetDeadline(id, kind,
				form == null ? null : IncidentForms.optionalInstant(form.metAt(), "metAt"));
	}

	@Operation(operationId = "addIncidentParticipant", summary = "Add a participant to a case", description = """
			The account takes part in the case and reads its TLP:RED observables.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "participant", value = """
							{"accountId": 7}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/participants")
	Incident participant(@PathVariable long id, @RequestBody ParticipantForm form) {
		if (form.accountId() == null) {
			throw new InvalidInputException("accountId", "incident.field.required", "accountId");
		}
		return response.addParticipant(id, form.accountId());
	}

	@Operation(operationId = "suggestIncidentAssets", summary = "Hosts the case's observables match", description = """
			Inventory hosts whose address, name or URL matches an observable of the case, with the agency and \
			system each belongs to.
			""")
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@GetMapping("/{id}/suggestions")
	List<ScannedHosts.Host> suggestions(@PathVariable long id) {
		return response.suggestions(id);
	}

	@Operation(operationId = "linkIncidentAssets", summary = "Link hosts to a case", description = """
			Links up to 100 inventory hosts (ids) to the case.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "hosts", value = """
							{"assetIds": [501, 502]}
							"""))))
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(TEAM)
	@PostMapping("/{id}/assets")
	Incident link(@PathVariable long id, @RequestBody AssetsForm form) {
		return response.link(id, form.assetIds() == null ? List.of() : form.assetIds());
	}

}
