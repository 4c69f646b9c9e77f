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

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<JobView> list(@RequestParam(required = false) @Nullable String module,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Locale locale) {
		return jobs.list(module, kind, PageQuery.of(page, size, sort)).map(job -> views.view(job, locale));
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{jobId}")
	JobView status(@PathVariable String jobId, Locale locale) {
		return views.view(jobs.get(jobId), locale);
	}

	/** Runs a successful preview (dry run) for real, on the same stored file. */
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')")
	@PostMapping("/{jobId}/commit")
	ResponseEntity<Map<String, String>> commit(@PathVariable String jobId) {
		return accepted(jobs.commit(jobId));
	}

	/**
	 * Queues a failed job again, on the same stored file (its creator or an operator).
	 */
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
