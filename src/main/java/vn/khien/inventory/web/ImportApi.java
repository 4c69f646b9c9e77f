package vn.khien.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.inventory.AssetImport;
import vn.khien.inventory.CoverageImportJobs;
import vn.khien.platform.ImportJob;
import vn.khien.platform.InvalidInputException;

/** Uploads of asset inventories, answered as import jobs (202 + where to follow them). */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "imports")
class ImportApi {

	private final AssetImport assetImport;

	private final CoverageImportJobs coverageJobs;

	ImportApi(AssetImport assetImport, CoverageImportJobs coverageJobs) {
		this.assetImport = assetImport;
		this.coverageJobs = coverageJobs;
	}

	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping(path = "/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> assets(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String system,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "import.file.required");
		}
		ImportJob job;
		try (InputStream in = file.getInputStream()) {
			job = assetImport.submit(in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
					file.getContentType(), agency, system, format, dryRun);
		}
		return accepted(job);
	}

	/**
	 * Anti-malware status of an agency's hosts: {@code format} is csv, json, wazuh or
	 * defender.
	 */
	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping(path = "/coverage", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> coverage(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "import.file.required");
		}
		ImportJob job;
		try (InputStream in = file.getInputStream()) {
			job = coverageJobs.submit(in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
					file.getContentType(), agency, format, dryRun);
		}
		return accepted(job);
	}

	private static ResponseEntity<Map<String, String>> accepted(ImportJob job) {
		String statusUrl = "/api/v1/imports/" + job.id();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", statusUrl)
			.body(Map.of("jobId", job.id(), "statusUrl", statusUrl));
	}

}
