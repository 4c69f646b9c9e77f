package vn.khien.platform.web;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.web.ImportJobViews.JobView;

/** Status of import jobs, whatever module started them (the import-job convention). */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "imports")
class ImportJobApi {

	private final ImportJobs jobs;

	private final ImportJobViews views;

	ImportJobApi(ImportJobs jobs, ImportJobViews views) {
		this.jobs = jobs;
		this.views = views;
	}

	@Operation(operationId = "listImportJobs", summary = "List import jobs", description = """
			The import jobs the caller may see, newest first: administrators and operators see every job; \
			anyone else the jobs they submitted, for agencies still in their scope.
			""")
	@Parameter(name = "module", description = "Only jobs of this module: `registry` or `inventory`.")
	@Parameter(name = "kind", description = "Only jobs of this kind: `agencies`, `assets` or `coverage`.")
	@Parameter(name = "sort",
			description = "`createdAt` (the default, newest first), `state` or `kind`; "
					+ "`-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<JobView> list(@RequestParam(required = false) @Nullable String module,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Locale locale) {
		return jobs.list(module, kind, PageQuery.of(page, size, sort)).map(job -> views.view(job, locale));
	}

	@Operation(operationId = "getImportJob", summary = "Follow an import job", description = """
			The job's `state` (`queued`, `running`, `succeeded`, `failed`), how far it got (`processed`, \
			`bytesRead` of `bytesTotal`), its `counts` once done, and, when it failed, the first `error` \
			and the `problems` found, each with its line or element and said in the caller's language. A \
			successful preview is `committable`, a failed job `retryable`. Poll it until the state is \
			`succeeded` or `failed`. A job the caller may not see (see the list) is a 404.
			""")
	@Parameter(name = "jobId", description = "The job's id, as the upload answered it.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{jobId}")
	JobView status(@PathVariable String jobId, Locale locale) {
		return views.view(jobs.get(jobId), locale);
	}

	@Operation(operationId = "commitImportJob", summary = "Confirm a preview", description = """
			Runs a successful preview (a `dryRun` upload) for real, on the same stored file, as a new job \
			whose address the answer gives. A preview is confirmed once: a second confirmation, or one of a \
			job that is not a successful preview, is a 409; a file already purged by the retention period is \
			a 410. Write permission on the agency is checked when the new job runs.
			""")
	@ApiResponse(responseCode = "202", description = "The import is queued as a new job.")
	@ApiResponse(responseCode = "410", ref = "#/components/responses/Gone")
	@Parameter(name = "jobId", description = "The job's id, as the upload answered it.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')")
	@PostMapping("/{jobId}/commit")
	ResponseEntity<Map<String, String>> commit(@PathVariable String jobId) {
		return accepted(jobs.commit(jobId));
	}

	@Operation(operationId = "retryImportJob", summary = "Run a failed import again", description = """
			Queues a failed job again on the same stored file, for instance once the cause has been fixed; \
			the answer gives its address (the same job). Its creator or an administrator or operator may; \
			for anyone else the job is a 404. A job that did not fail is a 409; a file already purged by the \
			retention period is a 410.
			""")
	@ApiResponse(responseCode = "202", description = "The job is queued again.")
	@ApiResponse(responseCode = "410", ref = "#/components/responses/Gone")
	@Parameter(name = "jobId", description = "The job's id, as the upload answered it.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')")
	@PostMapping("/{jobId}/retry")
	ResponseEntity<Map<String, String>> retry(@PathVariable String jobId) {
		return accepted(jobs.retry(jobId));
	}

	/** The 202 answer of the convention: where to follow the job. */
	static ResponseEntity<Map<String, String>> accepted(ImportJob job) {
		String statusUrl = "/api/v1/imports/" + job.id();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", statusUrl)
			.body(Map.of("jobId", job.id(), "statusUrl", statusUrl));
	}

}
