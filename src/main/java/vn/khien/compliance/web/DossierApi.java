package vn.khien.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
import vn.khien.compliance.Dossier;
import vn.khien.compliance.DossierStatus;
import vn.khien.compliance.Dossiers;
import vn.khien.platform.FileStore;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Security-level dossiers: drafted by owners, appraised and approved as the pack says.
 */
@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "dossiers")
class DossierApi {

	/** Who reads dossiers: everyone but assessors and outside organisations. */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	/** Who may draft: the owner agency's officers and the province's operators. */
	static final String DRAFTERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	/**
	 * Who moves a dossier: the drafters, and those who act for the pack's authorities.
	 */
	static final String MOVERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER', 'POLICE', 'LEADERSHIP')";

	private final Dossiers dossiers;

	DossierApi(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	record CreateForm(@Nullable Long systemId, @Nullable Integer level) {
	}

	record PartForm(@Nullable String content) {
	}

	record MoveForm(@Nullable String to, @Nullable String note, @Nullable String decisionNumber,
			@Nullable LocalDate decisionDate, @Nullable String decisionSigner) {

		Dossiers.Move toMove() {
			if (to == null || to.isBlank()) {
				throw new InvalidInputException("to", "dossier.move.required");
			}
			DossierStatus status = DossierStatus.of(to)
				.orElseThrow(() -> new InvalidInputException("to", "dossier.move.unknown", to));
			return new Dossiers.Move(status, note, decisionNumber, decisionDate, decisionSigner);
		}

	}

	@Operation(operationId = "listDossiers", summary = "List security-level dossiers", description = """
			Dossiers in the caller's scope, the newest first; `overdue=true` keeps those past the \
			appraisal or approval time limit of their pack.
			""")
	@Parameter(name = "agency", description = "Only this agency and those below it (an id).")
	@Parameter(name = "system", description = "Only this information system's dossiers (an id).")
	@Parameter(name = "status", description = "draft, submitted, under_appraisal, appraised, approved, returned")
	@Parameter(name = "overdue", description = "true: only those past their appraisal or approval time limit.")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<Dossier> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return dossiers.list(new Dossiers.Filter(agency, system, status(status), overdue),
				PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "createDossier", summary = "Draft a dossier for a system", description = """
			Drafts the system's dossier at the level the rule pack in force proposes for its inventory facts \
			(the criterion and its article are kept), or at `level` when the owner proposes another \
			(its justification part says why). One open dossier per system (409).
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "draft", value = """
							{"systemId": 42}
							"""))))
	@PreAuthorize(DRAFTERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Dossier create(@RequestBody CreateForm form) {
		if (form.systemId() == null) {
			throw new InvalidInputException("systemId", "dossier.system.required");
		}
		return dossiers.create(form.systemId(), form.level());
	}

	@Operation(operationId = "getDossier", summary = "Read a dossier", description = """
			The dossier with the parts its pack asks for at its level (given or not), its decision and \
			every step it went through.
			""")
	@Parameter(name = "id", description = "The dossier's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	Dossier get(@PathVariable long id) {
		return dossiers.get(id);
	}

	@Operation(operationId = "writeDossierPart", summary = "Write a part of a draft dossier", description = """
			The text of one part the pack asks for at the dossier's level (up to 20,000 characters; a longer \
			document goes as a file), while the dossier is drafted or returned; by the owner's officers or the \
			operators. An empty text clears it.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "overview", value = """
							{"content": "Cổng dịch vụ công của tỉnh: tiếp nhận và trả kết quả thủ tục hành chính."}
							"""))))
	@Parameter(name = "id", description = "The dossier's id.")
	@Parameter(name = "part", description = "A part id of the pack, e.g. `overview`, `justification`.")
	@PreAuthorize(DRAFTERS)
	@PutMapping("/{id}/parts/{part}")
	Dossier writePart(@PathVariable long id, @PathVariable String part, @RequestBody PartForm form) {
		return dossiers.writePart(id, part, form.content());
	}

	@Operation(operationId = "attachDossierFile", summary = "Attach a file to a dossier", description = """
			A document of a part while the dossier is drafted, or the signed decision (`part=decision`) once \
			it is approved. PDF, office documents, images, ZIP or text; stored as received and kept.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							examples = @ExampleObject(name = "design", summary = "The design document", value = """
									{"part": "design", "file": "thiet-ke.pdf"}
									"""))))
	@Parameter(name = "id", description = "The dossier's id.")
	@Parameter(name = "part", description = "A part id of the pack, or `decision` for the signed decision.")
	@PreAuthorize(MOVERS)
	@PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Dossier attach(@PathVariable long id, @RequestParam(required = false) @Nullable String part,
			@RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "dossier.file.required");
		}
		if (part == null || part.isBlank()) {
			throw new InvalidInputException("part", "dossier.part.required");
		}
		try (InputStream in = file.getInputStream()) {
			return dossiers.attach(id, part.trim(), in,
					file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
					file.getContentType());
		}
	}

	@Operation(operationId = "downloadDossierFile", summary = "Download a file of a dossier", description = """
			A part's document or the decision, as it was uploaded.
			""")
	@Parameter(name = "id", description = "The dossier's id.")
	@Parameter(name = "fileId", description = "The file's id, as the dossier's parts or decision give it.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long fileId) {
		return fileResponse(dossiers, id, fileId);
	}

	/** The file as an attachment, for the API and the page alike. */
	static ResponseEntity<InputStreamResource> fileResponse(Dossiers dossiers, long id, long fileId) {
		FileStore.StoredFile file = dossiers.file(id, fileId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(file.size())
			.body(new InputStreamResource(dossiers.open(file)));
	}

	@Operation(operationId = "moveDossier", summary = "Move a dossier one step", description = """
			`to`: `submitted` (by the owner, every part given), `under_appraisal` and `appraised` (by the \
			roles acting for the appraiser the pack names for the level), `approved` (by those acting for \
			the approver, with `decisionNumber`, `decisionDate`, `decisionSigner`; the approved level is \
			written to the system), `returned` (with a `note`). Out of order: 409; by another role: 403.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "approve", value = """
							{"to": "approved", "decisionNumber": "123/QĐ-UBND", "decisionDate": "2026-11-30",
							 "decisionSigner": "Chủ tịch UBND tỉnh"}
							"""))))
	@Parameter(name = "id", description = "The dossier's id.")
	@PreAuthorize(MOVERS)
	@PostMapping("/{id}/transitions")
	Dossier move(@PathVariable long id, @RequestBody MoveForm form) {
		return dossiers.move(id, form.toMove());
	}

	static @Nullable DossierStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return DossierStatus.of(status)
			.orElseThrow(() -> new InvalidInputException("status", "dossier.status.unknown", status));
	}

}
