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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
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

	@Operation(operationId = "importAgenciesByMode", summary = "Import agencies (preview or commit)", description = """
			The agency import's first address, kept for its callers; `POST /api/v1/imports/agencies` does \
			the same. Keeps the uploaded CSV or XLSX file (columns `code`, `name`, `kind`, `parent_code`, \
			`head_name`, `head_title`, `head_phone`, `head_email`, `address`, in English or Vietnamese; at \
			most 10 MB and 10,000 rows), then imports it as a job: the answer says where to follow it. A row \
			whose code is registered changes that agency; the others are created. The registry belongs to \
			the province: no agency's upload quota is charged.

			`mode=preview` (the default) checks the file and previews the valid rows, to confirm with \
			`POST /api/v1/imports/{jobId}/commit`; `commit` writes every row or, when any has an error, \
			nothing; `commitValid` writes the valid rows only (a row under a faulty row is faulty too). Send \
			a new `file`, or the `fileId` of a file you uploaded before.
			""",
			requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					examples = @ExampleObject(name = "csv", summary = "A CSV agency list",
							value = """
									{"file": "code,name,kind,parent_code\\nSYT,Sở Y tế,DEPARTMENT,UBND\\nBVDK,Bệnh viện Đa khoa,PUBLIC_SERVICE_UNIT,SYT\\n"}
									"""))))
	@ApiResponse(responseCode = "202", description = "The file is kept and its import queued.")
	@ApiResponse(responseCode = "410", ref = "#/components/responses/Gone")
	@Parameter(name = "fileId",
			description = "Instead of `file`: a file you uploaded before (someone else's is a 404).")
	@Parameter(name = "mode", description = "`preview` (the default), `commit` or `commitValid`.")
	@Parameter(name = "recordedFrom",
			description = "The day (yyyy-MM-dd) the history of created agencies starts, "
					+ "not in the future; by default the day the import runs.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/api/v1/agencies/import")
	ResponseEntity<Map<String, String>> importAgencies(
			@RequestParam(name = "file", required = false) @Parameter(
					description = "The CSV or XLSX file, unless `fileId` is given.") @Nullable MultipartFile file,
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

	@Operation(operationId = "importAgencies", summary = "Import agencies from a file", description = """
			Keeps the uploaded CSV or XLSX file (columns `code`, `name`, `kind`, `parent_code`, \
			`head_name`, `head_title`, `head_phone`, `head_email`, `address`, in English or Vietnamese; at \
			most 10 MB and 10,000 rows), then imports it as a job, as the other imports do: the answer says \
			where to follow it. A row whose code is registered changes that agency; the others are created. \
			A file with any bad row writes nothing unless `validOnly`. The registry belongs to the \
			province: no agency's upload quota is charged.
			""",
			requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					examples = @ExampleObject(name = "csv", summary = "A CSV agency list",
							value = """
									{"file": "code,name,kind,parent_code\\nSYT,Sở Y tế,DEPARTMENT,UBND\\nBVDK,Bệnh viện Đa khoa,PUBLIC_SERVICE_UNIT,SYT\\n"}
									"""))))
	@ApiResponse(responseCode = "202", description = "The file is kept and its import queued.")
	@Parameter(name = "dryRun",
			description = "Check the file and count what it would change, writing nothing; "
					+ "confirm a good preview with `POST /api/v1/imports/{jobId}/commit`.")
	@Parameter(name = "validOnly",
			description = "Write the valid rows and leave out those with errors "
					+ "(a row under a faulty row is faulty too); the job lists what it left out.")
	@Parameter(name = "recordedFrom",
			description = "The day (yyyy-MM-dd) the history of created agencies starts, "
					+ "not in the future; by default the day the import runs.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping(path = "/api/v1/imports/agencies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> agencies(
			@RequestParam(required = false) @Parameter(
					description = "The CSV or XLSX file.") @Nullable MultipartFile file,
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
