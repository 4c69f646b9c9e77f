package vn.khien.oversight.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.oversight.PeriodicReports;
import vn.khien.oversight.ReportRequest;
import vn.khien.oversight.ReportSchedules;
import vn.khien.platform.ImportJob;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** The six-monthly and annual reports, made as jobs, and their schedules. */
@RestController
@Tag(name = "oversight")
class PeriodicReportApi {

	/** Who makes a report: whoever reads the dashboard, each for their own scope. */
	static final String MAKERS = DashboardApi.READERS;

	/**
	 * Who schedules reports to be mailed: the province's operators and agency officers.
	 */
	static final String SCHEDULERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private final PeriodicReports reports;

	private final ReportSchedules schedules;

	PeriodicReportApi(PeriodicReports reports, ReportSchedules schedules) {
		this.reports = reports;
		this.schedules = schedules;
	}

	/**
	 * A report to make; {@code scope} is {@code province} or an agency's id, as a number
	 * or a text.
	 */
	record ReportForm(@Nullable String period, @Nullable String from, @Nullable String to, @Nullable Object scope,
			@Nullable String format) {

		ReportRequest request() {
			return ReportRequest.parse(period, from, to, scope == null ? null : scope.toString(), format);
		}

	}

	record ScheduleForm(@Nullable String period, @Nullable Object scope, @Nullable String format,
			@Nullable String recipients) {
	}

	@Operation(operationId = "makePeriodicReport", summary = "Make a six-monthly or annual report", description = """
			Queues the report on carrying out the directives for a period (`from` and `to`, both \
			included, at most 184 days for `six-monthly`, 366 for `annual`) and a scope (`province`, \
			for the province's roles only, or an agency's id within the caller's scope), written as \
			`pdf` or `docx` (in Vietnamese, with tables and charts, ready to sign) or `xlsx` (the \
			figures). The answer gives the job's `statusUrl`; once its `state` is `succeeded` the \
			status carries `downloadUrl`. A period that is missing, backwards, too long or not yet \
			begun, an unknown scope or format: 400, nothing queued.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "six-monthly", value = """
							{"period": "six-monthly", "from": "2026-01-01", "to": "2026-06-30",
							 "scope": "province", "format": "pdf"}
							"""))))
	@ApiResponse(responseCode = "202", description = "The report is queued; follow `statusUrl`.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(MAKERS)
	@PostMapping("/api/v1/reports/periodic")
	ResponseEntity<Map<String, String>> make(@RequestBody ReportForm form) {
		ImportJob job = reports.submit(form.request());
		String statusUrl = "/api/v1/imports/" + job.id();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", statusUrl)
			.body(Map.of("jobId", job.id(), "statusUrl", statusUrl));
	}

	@Operation(operationId = "listPeriodicReports", summary = "The reports made", description = """
			The reports made that the caller may read, newest first: the province's for the province's roles, \
			an agency's for those whose scope holds it; each with its `downloadPath` (prefix `/api/v1` to \
			download it here).
			""")
	@PreAuthorize(MAKERS)
	@GetMapping("/api/v1/reports/periodic")
	PageResult<PeriodicReports.Made> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return reports.list(PageQuery.of(page, size, null));
	}

	@Operation(operationId = "downloadPeriodicReport", summary = "Download a report made", description = """
			The report's file, as its job wrote it. A job that made no report, or a report the caller may \
			not read: 404.
			""")
	@Parameter(name = "jobId", description = "The job's id, as the request answered it.")
	@ApiResponse(responseCode = "200", description = "The file.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(MAKERS)
	@GetMapping("/api/v1/reports/periodic/{jobId}/file")
	ResponseEntity<InputStreamResource> download(@PathVariable String jobId) {
		return file(reports.download(jobId));
	}

	/** The file as an attachment, for the API and the page alike. */
	static ResponseEntity<InputStreamResource> file(PeriodicReports.Download d) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.filename(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(d.contentType()))
			.body(new InputStreamResource(d.content()));
	}

	@Operation(operationId = "listReportSchedules", summary = "The reports mailed on their own", description = """
			The schedules of the scopes the caller may report on: each makes its period's report once the \
			period ends (six-monthly: 30/6 and 31/12; annual: 31/12) and mails it to its recipients.
			""")
	@PreAuthorize(SCHEDULERS)
	@GetMapping("/api/v1/reports/schedules")
	List<ReportSchedules.Schedule> schedules() {
		return schedules.list();
	}

	@Operation(operationId = "addReportSchedule", summary = "Mail a report every period", description = """
			Adds a schedule: `period` (`six-monthly` or `annual`), `scope` (`province` or an agency's id, as \
			for making a report), `format` and `recipients` (email addresses separated by commas, at most \
			20). It starts with the next period to end. A bad value: 400.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "annual", value = """
							{"period": "annual", "scope": "province", "format": "docx",
							 "recipients": "vanphong@ubnd.example.vn, congan@example.vn"}
							"""))))
	@ApiResponse(responseCode = "201", description = "The schedule.")
	@PreAuthorize(SCHEDULERS)
	@PostMapping("/api/v1/reports/schedules")
	ResponseEntity<ReportSchedules.Schedule> addSchedule(@RequestBody ScheduleForm form) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(schedules.add(form.period(), form.scope() == null ? null : form.scope().toString(), form.format(),
					form.recipients()));
	}

	@Operation(operationId = "removeReportSchedule", summary = "Stop mailing a report", description = """
			Removes the schedule; one the caller may not see: 404.
			""")
	@Parameter(name = "id", description = "The schedule's id.")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(SCHEDULERS)
	@DeleteMapping("/api/v1/reports/schedules/{id}")
	ResponseEntity<Void> removeSchedule(@PathVariable long id) {
		schedules.remove(id);
		return ResponseEntity.noContent().build();
	}

}
