package vn.khien.inspection.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.inspection.ActionStatus;
import vn.khien.inspection.CorrectiveActions;
import vn.khien.inspection.InspectionManagement;
import vn.khien.inspection.web.InspectionPayloads.ActionView;
import vn.khien.inspection.web.InspectionPayloads.TransitionForm;
import vn.khien.platform.FileStore;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Corrective actions: the list agencies work down, their reports with evidence, and the
 * inspecting body's verification.
 */
@RestController
@Tag(name = "inspections")
class CorrectiveActionApi {

	static final String MOVERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'AGENCY_OFFICER')";

	static final String REPORTERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private final CorrectiveActions actions;

	private final InspectionManagement management;

	private final FileStore files;

	CorrectiveActionApi(CorrectiveActions actions, InspectionManagement management, FileStore files) {
		this.actions = actions;
		this.management = management;
		this.files = files;
	}

	@Operation(operationId = "listCorrectiveActions", summary = "List corrective actions", description = """
			The corrective actions of inspection findings at the agencies in the caller's scope, the nearest \
			deadline first. `overdue`: past the deadline and not verified (reported done does not stop the \
			clock). The total is counted up to 10,000 (`totalCapped`).
			""")
	@Parameter(name = "agency", description = "Only this agency's actions and those of the agencies below it (an id).")
	@Parameter(name = "status", description = "`open`, `done`, `verified` or `reopened`.")
	@Parameter(name = "overdue", description = "`true`: only actions past their deadline and not verified.")
	@Parameter(name = "sort", description = "`due` (the default, nearest first); `-due` for the furthest first.")
	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/api/v1/inspection-actions")
	PageResult<ActionView> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return actions.list(filter(agency, status, overdue), PageQuery.of(page, size, sort))
			.map(a -> ActionView.from(a, null));
	}

	static CorrectiveActions.Filter filter(@Nullable Long agency, @Nullable String status, @Nullable Boolean overdue) {
		return new CorrectiveActions.Filter(agency,
				status == null || status.isBlank() ? null : ActionStatus.of(status, "status"), overdue);
	}

	@Operation(operationId = "transitionCorrectiveAction", summary = "Report, verify or reopen an action",
			description = """
					`done`: the agency reports the action carried out, with a `note` saying how (officers of \
					the action's agency, operators; an evidence file goes with \
					`POST /api/v1/inspection-actions/{id}/reports`). `verified`: the inspecting body confirms it \
					(a police or operator account of the plan's inspecting agency, or an administrator), only \
					once reported done. `reopened`: the inspecting body finds it wanting (with a `note`). A \
					move the status does not allow is a 409, one by someone else a 403, each with a message \
					saying why; nothing is changed.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = { @ExampleObject(name = "done", summary = "The agency reports it done", value = """
							{"to": "done", "note": "Đã cập nhật bản vá ngày 02/05/2026"}
							"""), @ExampleObject(name = "verify", summary = "The police verify it", value = """
							{"to": "verified", "note": "Kiểm tra lại trực tiếp: đã khắc phục"}
							""") })))
	@Parameter(name = "id", description = "The action's id.")
	@PreAuthorize(MOVERS)
	@PostMapping("/api/v1/inspection-actions/{id}/transitions")
	ActionView transition(@PathVariable long id, @RequestBody TransitionForm form) {
		var moved = management.moveAction(id, ActionStatus.of(form.to()), form.note(), null);
		return ActionView.from(moved, actions.history(id));
	}

	@Operation(operationId = "reportCorrectiveAction", summary = "Report an action done with evidence",
			description = """
					The agency's report that the action is carried out, as `done` of \
					`POST /api/v1/inspection-actions/{id}/transitions`, with a `note` and an optional evidence \
					`file` (at most 50 MB, kept as received and charged to the agency's upload quota).
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					examples = @ExampleObject(name = "report", summary = "A report with a screenshot", value = """
							{"note": "Đã vá, ảnh chụp phiên bản kèm theo", "file": "(binary)"}
							"""))))
	@Parameter(name = "id", description = "The action's id.")
	@Parameter(name = "note", description = "How the action was carried out.")
	@PreAuthorize(REPORTERS)
	@PostMapping(path = "/api/v1/inspection-actions/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ActionView report(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Parameter(description = "The evidence.") @Nullable MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return ActionView.from(management.moveAction(id, ActionStatus.DONE, note, null), actions.history(id));
		}
		try (InputStream in = file.getInputStream()) {
			var moved = management.moveAction(id, ActionStatus.DONE, note,
					new InspectionManagement.Evidence(in,
							file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename(),
							file.getContentType()));
			return ActionView.from(moved, actions.history(id));
		}
	}

	@Operation(operationId = "getCorrectiveActionEvidence", summary = "Download an evidence file", description = """
			A file the agency reported with the action, as it was received. 404 when the action is out \
			of the caller's scope or the file is not one of its reports; 410 once the retention period \
			has purged it.
			""")
	@Parameter(name = "id", description = "The action's id.")
	@Parameter(name = "fileId", description = "The file's id, from the action's history.")
	@PreAuthorize(InspectionApi.READERS)
	@GetMapping("/api/v1/inspection-actions/{id}/files/{fileId}")
	void evidence(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
		send(files, actions.evidence(id, fileId), response);
	}

	static void send(FileStore files, FileStore.StoredFile file, HttpServletResponse response) throws IOException {
		try (InputStream in = files.open(file)) {
			response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.filename(), StandardCharsets.UTF_8)
						.build()
						.toString());
			response.setContentLengthLong(file.size());
			in.transferTo(response.getOutputStream());
		}
	}

}
