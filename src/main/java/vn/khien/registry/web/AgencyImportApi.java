package vn.khien.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.ImportJob;
import vn.khien.platform.InvalidInputException;
import vn.khien.registry.importing.AgencyImport;

/**
 * Bulk import of agencies, answered as an import job ({@code 202} + where to follow it).
 * {@code recordedFrom} (yyyy-MM-dd) dates the history of created agencies (default: the
 * day the import runs).
 */
@RestController
@Tag(name = "agencies")
class AgencyImportApi {

	enum Mode {

		preview, commit, commitValid

	}

	private final AgencyImport imports;

	AgencyImportApi(AgencyImport imports) {
		this.imports = imports;
	}

	/**
	 * The import's first address, kept: {@code mode=preview} (default) is a dry run of
	 * the valid rows, to confirm with {@code POST /api/v1/imports/{jobId}/commit};
	 * {@code commit} writes every row or, when any has an error, nothing;
	 * {@code commitValid} writes the valid rows only. Send a new {@code file}, or the
	 * {@code fileId} of a file already uploaded.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/api/v1/agencies/import")
	ResponseEntity<Map<String, String>> importAgencies(
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable Long fileId, @RequestParam(defaultValue = "preview") Mode mode,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate recordedFrom)
			throws IOException {
		boolean dryRun = mode == Mode.preview;
		var options = new AgencyImport.Options(mode != Mode.commit, recordedFrom);
		if (file == null && fileId != null) {
			return accepted(imports.submit(fileId, dryRun, options));
		}
		return accepted(submit(file, dryRun, options));
	}

	/**
	 * As the other imports: {@code dryRun} for a preview, {@code validOnly} to leave out
	 * the rows with errors.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping(path = "/api/v1/imports/agencies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> agencies(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean validOnly, @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate recordedFrom)
			throws IOException {
		return accepted(submit(file, dryRun, new AgencyImport.Options(validOnly, recordedFrom)));
	}

	private ImportJob submit(@Nullable MultipartFile file, boolean dryRun, AgencyImport.Options options)
			throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "import.file.missing");
		}
		// an empty upload is still kept, then refused by its job like any file without
		// data
		try (InputStream in = file.getInputStream()) {
			return imports.submit(in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
					file.getContentType(), dryRun, options);
		}
	}

	private static ResponseEntity<Map<String, String>> accepted(ImportJob job) {
		String statusUrl = "/api/v1/imports/" + job.id();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", statusUrl)
			.body(Map.of("jobId", job.id(), "statusUrl", statusUrl));
	}

}
