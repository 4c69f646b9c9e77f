package vn.khien.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.compliance.LifecycleReview;
import vn.khien.compliance.LifecycleReviews;
import vn.khien.compliance.ProtectionLayers;
import vn.khien.compliance.web.ProtectionPayloads.DocumentView;
import vn.khien.compliance.web.ProtectionPayloads.LayersView;
import vn.khien.compliance.web.ProtectionPayloads.NationalForm;
import vn.khien.compliance.web.ProtectionPayloads.ReviewForm;
import vn.khien.compliance.web.ProtectionPayloads.ReviewView;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The four-layer protection of each system, and the lifecycle reviews of critical ones
 * (R3.3).
 */
@RestController
@Tag(name = "assessments")
class ProtectionApi {

	private final ProtectionLayers layers;

	private final LifecycleReviews reviews;

	ProtectionApi(ProtectionLayers layers, LifecycleReviews reviews) {
		this.layers = layers;
		this.reviews = reviews;
	}

	@Operation(operationId = "listProtectionLayers", summary = "The four protection layers of each system",
			description = """
					A page of the systems whose owner agency is in the caller's scope (by code), each with the four \
					layers of Official Letter 1552/BTTTT-CATTT derived from what Khiên holds: `onSite` (the owner \
					agency has security staff or focal points), `monitoring` (the system is monitored by the \
					province's SOC or an organisation), `independentAssessment` (an independent assessment completed \
					in the last twelve months: `met`; only a current engagement: `engaged`), `nationalConnection` \
					(as recorded: `met`, `not_met` or `not_recorded`); `met` counts the layers in place.
					""")
	@Parameter(name = "agency", description = "Only systems of this agency or one below it (an id).")
	@Parameter(name = "q", description = "Part of a system's code or name.")
	@Parameter(name = "critical", description = "`true`: only critical systems.")
	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/api/v1/protection-layers")
	PageResult<LayersView> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean critical, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return layers.list(PageQuery.text("q", q), agency, critical, PageQuery.of(page, size, "code"))
			.map(LayersView::from);
	}

	@Operation(operationId = "summariseProtectionLayers", summary = "The province's roll-up of the four layers",
			description = """
					Over the systems in use whose owner agency is in the caller's scope, in all (`province`) and \
					per owner agency (`agencies`, the furthest behind first): how many `systems`, and how many \
					have each layer in place as the list derives it: `onSite`, `monitoring`, `independent` (an \
					independent assessment completed in the last twelve months), `engaged` (one engaged, none \
					completed), `national` (recorded as connected). Read from the inventory's counts and the \
					few records that name systems, never by deriving every system's layers.
					""")
	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/api/v1/protection-layers/summary")
	ProtectionLayers.Summary summary() {
		return layers.summary();
	}

	@Operation(operationId = "getProtectionLayers", summary = "One system's four protection layers", description = """
			The four layers of one system, as the list gives them, with their facts: security staff and focal \
			points of the owner agency, who monitors the system, the latest independent assessment of the last \
			twelve months (its date, score and organisation) or the current engagement, and the recorded national \
			connection. A system whose owner agency is out of the caller's scope is a 404.
			""")
	@Parameter(name = "systemId", description = "The system's id.")
	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/api/v1/protection-layers/{systemId}")
	LayersView get(@PathVariable long systemId) {
		return LayersView.from(layers.of(systemId));
	}

	@Operation(operationId = "recordNationalConnection",
			summary = "Record whether a system is connected to the national monitoring system", description = """
					The fourth layer: whether the system is connected to and shares information with the national \
					monitoring system, with a note. Recorded by the owner agency's officers and the province's \
					administrators and operators; audited.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "connected", summary = "Connected", value = """
							{"connected": true, "note": "Kết nối từ 01/10/2026, mã kết nối SOC-0042"}
							"""))))
	@Parameter(name = "systemId", description = "The system's id.")
	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PutMapping("/api/v1/protection-layers/{systemId}/national-connection")
	LayersView national(@PathVariable long systemId, @RequestBody NationalForm form) {
		return LayersView.from(layers.recordNationalConnection(systemId, form.value(), form.note()));
	}

	@Operation(operationId = "listLifecycleReviews", summary = "List lifecycle reviews of critical systems",
			description = """
					The security reviews of critical systems at the stages of their life (`contractor_selection`, \
					`design`, `build`, `operation`) in the caller's agency scope, the latest first, each with its \
					result (`passed`, `passed_with_conditions`, `failed`). The total is counted up to 10,000.
					""")
	@Parameter(name = "system", description = "Only this system's reviews (an id).")
	@Parameter(name = "agency", description = "Only those of systems of this agency or one below it (an id).")
	@Parameter(name = "stage", description = "`contractor_selection`, `design`, `build` or `operation`.")
	@Parameter(name = "sort", description = "`date`, or `-date` (the default, latest first).")
	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/api/v1/lifecycle-reviews")
	PageResult<ReviewView> reviews(@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return reviews
			.list(new LifecycleReviews.Filter(system, agency,
					stage == null || stage.isBlank() ? null : ProtectionPayloads.stage(stage)),
					PageQuery.of(page, size, sort))
			.map(ReviewView::from);
	}

	@Operation(operationId = "createLifecycleReview", summary = "Record a lifecycle review of a critical system",
			description = """
					Records the security review of a critical system (R3.3) at one stage of its life: \
					`contractor_selection`, `design`, `build` or `operation`, on `reviewedOn` (default today; not \
					in the future), with its `result` (`passed`, `passed_with_conditions`, `failed`), who reviewed \
					(`reviewer`) and what was found. A system that is not critical is a 400. A review redone is \
					recorded again; the latest of each stage is the system's standing. Audited.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "design", summary = "The design was reviewed",
							value = """
									{"systemId": 42, "stage": "design", "reviewedOn": "2026-11-20", "result": "passed_with_conditions",
									 "reviewer": "Hội đồng thẩm định thiết kế, Sở KH&CN", "findings": "Bổ sung phân vùng DMZ"}
									"""))))
	@ApiResponse(responseCode = "201", description = "The review as recorded.")
	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/api/v1/lifecycle-reviews")
	ResponseEntity<ReviewView> create(@RequestBody ReviewForm form) {
		LifecycleReview created = reviews.record(form.toNew());
		return ResponseEntity.created(URI.create("/api/v1/lifecycle-reviews?system=" + created.systemId()))
			.body(ReviewView.from(created));
	}

	@Operation(operationId = "addLifecycleReviewDocument", summary = "Add a document to a lifecycle review",
			description = """
					Keeps a document of the review (minutes, report, decision) as received in the file store, with \
					the same checks as assessment evidence: PDF, Word, Excel, OpenDocument, PNG, JPEG, plain text, \
					CSV or ZIP, not empty, at most 20 MB by default.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							examples = @ExampleObject(name = "minutes", summary = "The minutes", value = """
									{"file": "%PDF-1.7 ..."}
									"""))))
	@ApiResponse(responseCode = "201", description = "The document as kept.")
	@Parameter(name = "id", description = "The review's id.")
	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping(path = "/api/v1/lifecycle-reviews/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentView> document(@PathVariable long id,
			@RequestParam(required = false) @Parameter(description = "The document.") @Nullable MultipartFile file)
			throws IOException {
		LifecycleReview.Document added = addDocument(reviews, id, file);
		return ResponseEntity.created(URI.create("/api/v1/lifecycle-reviews/" + id + "/documents/" + added.id()))
			.body(DocumentView.from(added));
	}

	static LifecycleReview.Document addDocument(LifecycleReviews reviews, long id, @Nullable MultipartFile file)
			throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "assessment.evidence.required");
		}
		try (InputStream in = file.getInputStream()) {
			return reviews.addDocument(id, in,
					file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(), file.getContentType(),
					file.getSize());
		}
	}

	@Operation(operationId = "getLifecycleReviewDocument", summary = "Download a lifecycle review's document",
			description = "The document exactly as it was uploaded; removed by the upload retention, a 410.")
	@ApiResponse(responseCode = "200", description = "The file.",
			content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE))
	@Parameter(name = "id", description = "The review's id.")
	@Parameter(name = "documentId", description = "The document's id.")
	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping(path = "/api/v1/lifecycle-reviews/{id}/documents/{documentId}", produces = MediaType.ALL_VALUE)
	void download(@PathVariable long id, @PathVariable long documentId, HttpServletResponse response)
			throws IOException {
		ProtectionPayloads.download(reviews, reviews.document(id, documentId), response);
	}

}
