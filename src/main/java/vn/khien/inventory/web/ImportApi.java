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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

	@Operation(operationId = "importAssets", summary = "Import hosts and web portals from a file", description = """
			Keeps the uploaded file as received, then imports it into the agency as a job: the answer \
			says where to follow it (`GET /api/v1/imports/{jobId}`). A CSV or XLSX asset list (columns \
			`kind`, `hostname`, `addresses`, `mac`, `os`, `url`, `system`, in English or Vietnamese) or the \
			XML output of `nmap -oX`. Each host is recognised by its identity within the agency (a portal by \
			its URL, a host by its name, else its first address), so importing a file again updates rather \
			than duplicates. A file with any bad row writes nothing; the job names the first problem with its \
			line or element.

			The file counts against the agency's upload quota. The agency must be one the caller may edit \
			(an officer: their own or one below it); another is a 404, like an unknown one.
			""", requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
			examples = @ExampleObject(name = "csv", summary = "A CSV asset list", value = """
					{"file": "kind,hostname,addresses,os\\nSERVER,web01.syt.example.vn,10.20.1.15,Ubuntu 22.04\\n"}
					"""))))
	@ApiResponse(responseCode = "202", description = "The file is kept and its import queued.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@Parameter(name = "agency", required = true,
			description = "The agency the hosts belong to: its code (`SYT`) or id.")
	@Parameter(name = "system",
			description = "The information system (code or id) for rows that name none; it must belong to the agency.")
	@Parameter(name = "format",
			description = "`csv`, `xlsx` or `nmap`; by default taken from the file's name, "
					+ "else from its first bytes.")
	@Parameter(name = "dryRun",
			description = "Check the file and count what it would change, writing nothing; "
					+ "confirm a good preview with `POST /api/v1/imports/{jobId}/commit`.")
	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping(path = "/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> assets(
			@RequestParam(required = false) @Parameter(
					description = "The file, at most 200 MB.") @Nullable MultipartFile file,
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

	@Operation(operationId = "importCoverage", summary = "Import the anti-malware status of an agency's hosts",
			description = """
					Keeps the uploaded export of an anti-malware console, then applies it to the agency's \
					hosts as a job: the answer says where to follow it (`GET /api/v1/imports/{jobId}`). Each \
					record finds its host by name, or by address only when exactly one unnamed host of the \
					agency holds it; a record that matches no host adds one. A file with any bad record \
					writes nothing. The import rewrites the agency's coverage snapshot of today, so the trend \
					shows it at once.

					The file counts against the agency's upload quota. The agency must be one the caller may \
					edit; another is a 404, like an unknown one.
					""",
			requestBody = @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					examples = @ExampleObject(name = "csv", summary = "A generic CSV export",
							value = """
									{"file": "hostname,product,running,signature_date\\nweb01.syt.example.vn,Kaspersky Endpoint Security,true,2026-11-30\\n"}
									"""))))
	@ApiResponse(responseCode = "202", description = "The file is kept and its import queued.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@Parameter(name = "agency", required = true,
			description = "The agency whose hosts the file reports on: its code or id.")
	@Parameter(name = "format", required = true,
			description = "`csv` or `json` (the generic columns `hostname`, `address`, "
					+ "`product`, `version`, `running`, `signature_date`, `last_check_in`), `wazuh` (the body of the Wazuh "
					+ "API's `GET /agents`) or `defender` (`Get-MpComputerStatus | ConvertTo-Json`).")
	@Parameter(name = "dryRun",
			description = "Check the file and count what it would change, writing nothing; "
					+ "confirm a good preview with `POST /api/v1/imports/{jobId}/commit`.")
	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping(path = "/coverage", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> coverage(
			@RequestParam(required = false) @Parameter(
					description = "The export, at most 200 MB.") @Nullable MultipartFile file,
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
