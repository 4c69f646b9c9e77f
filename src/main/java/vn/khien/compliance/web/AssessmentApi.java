package vn.khien.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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
import vn.khien.compliance.Assessment;
import vn.khien.compliance.AssessmentActions;
import vn.khien.compliance.AssessmentManagement;
import vn.khien.compliance.Assessments;
import vn.khien.compliance.web.AssessmentPayloads.ActionForm;
import vn.khien.compliance.web.AssessmentPayloads.ActionView;
import vn.khien.compliance.web.AssessmentPayloads.AnswerForm;
import vn.khien.compliance.web.AssessmentPayloads.AssessmentDetail;
import vn.khien.compliance.web.AssessmentPayloads.AssessmentView;
import vn.khien.compliance.web.AssessmentPayloads.CompleteForm;
import vn.khien.compliance.web.AssessmentPayloads.CreateForm;
import vn.khien.compliance.web.AssessmentPayloads.EvidenceView;
import vn.khien.compliance.web.AssessmentPayloads.Names;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.OrganisationDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Assessments of systems against the requirements of their level (R3.2) and independent
 * assessments (R3.4): started, answered with evidence, completed; and the remediation
 * actions their gaps became.
 */
@RestController
@Tag(name = "assessments")
class AssessmentApi {

	private final Assessments assessments;

	private final AssessmentManagement management;

	private final AssessmentActions actions;

	private final AgencyDirectory agencies;

	private final OrganisationDirectory organisations;

	AssessmentApi(Assessments assessments, AssessmentManagement management, AssessmentActions actions,
			AgencyDirectory agencies, OrganisationDirectory organisations) {
		this.assessments = assessments;
		this.management = management;
		this.actions = actions;
		this.agencies = agencies;
		this.organisations = organisations;
	}

	@Operation(operationId = "listAssessments", summary = "List assessments", description = """
			The assessments the caller may see, the newest first: those of systems owned in the caller's agency \
			scope, and for a user with the assessor role those of their organisation. Each says its system, \
			kind (`self` or `independent`), the rule pack and level it was made under, its status (`draft`, \
			`completed`), how many requirements are answered and its score. The total is counted up to 10,000 \
			(`totalCapped`).
			""")
	@Parameter(name = "system", description = "Only the assessments of this information system (an id).")
	@Parameter(name = "agency", description = "Only those of systems owned by this agency or one below it (an id).")
	@Parameter(name = "status", description = "`draft` or `completed`.")
	@Parameter(name = "kind", description = "`self` or `independent`.")
	@Parameter(name = "sort", description = "`date` (the assessment's date); `-date`, the default, newest first.")
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/api/v1/assessments")
	PageResult<AssessmentView> list(@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var result = assessments.list(AssessmentPayloads.filter(system, agency, status, kind),
				PageQuery.of(page, size, sort));
		Names names = Names.ofAssessments(agencies, organisations, result.items());
		return result.map(a -> AssessmentView.from(a, names));
	}

	@Operation(operationId = "createAssessment", summary = "Start an assessment of a system", description = """
			Starts a draft assessment of the system at its security level (the approved one, else the proposed \
			one; a system with neither is refused) against the requirements of that level in the rule pack in \
			force on `date` (default today; not in the future). The requirements are copied into the assessment, \
			so that it reads the same whatever packs change later. `kind` is `self` (the owner agency's own: \
			its officers, the province's administrators and operators) or `independent` (by a user with the \
			assessor role, for their organisation, which must be engaged for the system on that date and must \
			not be its monitoring provider, Directive 14/CT-TTg); by default `independent` for an assessor and \
			`self` otherwise. A system with a draft of the same kind is a 409 naming it.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "self", summary = "An agency assesses its own system", value = """
							{"systemId": 42, "date": "2026-12-01"}
							"""), @ExampleObject(name = "independent", summary = "An engaged assessor", value = """
							{"systemId": 42, "kind": "independent"}
							""") })))
	@ApiResponse(responseCode = "201", description = "The draft, with its requirements.")
	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping("/api/v1/assessments")
	ResponseEntity<AssessmentDetail> create(@RequestBody CreateForm form) {
		Assessment created = management.create(form.toNew());
		return ResponseEntity.created(URI.create("/api/v1/assessments/" + created.id())).body(detail(created.id()));
	}

	@Operation(operationId = "getAssessment", summary = "Read an assessment", description = """
			One assessment: its facts, the score (`scoreFormula`: met counts 1, partly met 0.5, not met 0, over \
			the requirements answered other than not applicable), the requirements grouped as the pack groups \
			them with their answers and evidence, the evidence for the whole assessment (`expired` once past its \
			expiry date), and the remediation actions its gaps became once completed. Out of the caller's sight, \
			a 404 like one that does not exist.
			""")
	@Parameter(name = "id", description = "The assessment's id.")
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/api/v1/assessments/{id}")
	AssessmentDetail get(@PathVariable long id) {
		return detail(id);
	}

	@Operation(operationId = "answerAssessmentRequirement", summary = "Answer one requirement", description = """
			Answers a requirement of a draft: `met`, `partly_met`, `not_met` or `not_applicable` (which needs a \
			`note` saying why), with an optional `note`; for a gap (partly or not met) `owner` and `due` say who \
			remediates it and by when (between the assessment's date and three years after), required before \
			completing. A requirement the assessment does not hold is a 400; a completed assessment is a 409.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = { @ExampleObject(name = "met", summary = "Met", value = """
							{"answer": "met", "note": "Quy chế ban hành theo Quyết định 12/QĐ-SYT."}
							"""), @ExampleObject(name = "gap", summary = "A gap to remediate", value = """
							{"answer": "not_met", "note": "Chưa có tường lửa ứng dụng web.", "owner": "Phòng CNTT",
							 "due": "2027-03-31"}
							""") })))
	@Parameter(name = "id", description = "The assessment's id.")
	@Parameter(name = "requirementId", description = "The requirement's id in the pack (`policy-publish`).")
	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PutMapping("/api/v1/assessments/{id}/answers/{requirementId}")
	AssessmentDetail answer(@PathVariable long id, @PathVariable String requirementId, @RequestBody AnswerForm form) {
		management.answer(id, requirementId, form.toInput());
		return detail(id);
	}

	@Operation(operationId = "addAssessmentEvidence", summary = "Add an evidence file", description = """
			Keeps a file as received (in the file store, charged to the owner agency's quota) as evidence of a \
			draft, for one requirement (`requirementId`) or the whole assessment, valid from `effectiveOn` \
			(default: the assessment's date) to `expiresOn` (required). Accepted: PDF, Word, Excel, \
			OpenDocument, PNG, JPEG, plain text, CSV and ZIP files, told by the name's extension and checked \
			against the first bytes, up to 20 MB by default (`khien.assessments.evidence-max-bytes`). An empty \
			file, one too large or of another kind is a 400 and nothing is stored.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
			examples = @ExampleObject(name = "policy", summary = "A policy document", value = """
					{"file": "%PDF-1.7 ...", "requirementId": "policy-publish", "title": "Quy chế bảo đảm an ninh mạng",
					 "effectiveOn": "2026-01-15", "expiresOn": "2027-01-14"}
					"""))))
	@ApiResponse(responseCode = "201", description = "The evidence as recorded.")
	@Parameter(name = "id", description = "The assessment's id.")
	@Parameter(name = "requirementId", description = "The requirement it stands for; none for the whole assessment.")
	@Parameter(name = "title", description = "What the file is.")
	@Parameter(name = "effectiveOn", description = "From when it holds (`2026-01-15`).")
	@Parameter(name = "expiresOn", description = "Until when it holds (`2027-01-14`), inclusive.")
	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping(path = "/api/v1/assessments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<EvidenceView> evidence(@PathVariable long id,
			@RequestParam(required = false) @Parameter(description = "The file.") @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String requirementId,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String effectiveOn,
			@RequestParam(required = false) @Nullable String expiresOn) throws IOException {
		Assessment.Evidence added = addEvidence(management, id, file, requirementId, title, effectiveOn, expiresOn);
		return ResponseEntity.created(URI.create("/api/v1/assessments/" + id + "/evidence/" + added.id()))
			.body(EvidenceView.from(added, AssessmentManagement.today()));
	}

	static Assessment.Evidence addEvidence(AssessmentManagement management, long id, @Nullable MultipartFile file,
			@Nullable String requirementId, @Nullable String title, @Nullable String effectiveOn,
			@Nullable String expiresOn) throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "assessment.evidence.required");
		}
		var input = new AssessmentManagement.EvidenceInput(requirementId, title,
				AssessmentPayloads.date("effectiveOn", effectiveOn), AssessmentPayloads.date("expiresOn", expiresOn));
		try (InputStream in = file.getInputStream()) {
			return management.addEvidence(id, input, in,
					file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename(), file.getContentType(),
					file.getSize());
		}
	}

	@Operation(operationId = "getAssessmentEvidence", summary = "Download an evidence file", description = """
			The evidence file exactly as it was uploaded, with its name and type. A file removed by the upload \
			retention is a 410.
			""")
	@ApiResponse(responseCode = "200", description = "The file.",
			content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE))
	@Parameter(name = "id", description = "The assessment's id.")
	@Parameter(name = "evidenceId", description = "The evidence's id.")
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping(path = "/api/v1/assessments/{id}/evidence/{evidenceId}", produces = MediaType.ALL_VALUE)
	void download(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response)
			throws IOException {
		AssessmentPayloads.download(management, assessments.evidence(id, evidenceId), response);
	}

	@Operation(operationId = "completeAssessment", summary = "Complete an assessment", description = """
			Completes a draft once every requirement is answered and every gap has an owner and a deadline; an \
			independent one also once more checks that its organisation is not the system's monitoring \
			provider. Each gap becomes an open remediation action (`GET /api/v1/assessment-actions`). A \
			completed assessment is not changed again: a new one is made. Audited, with the score.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @Content(examples = @ExampleObject(name = "summary", summary = "With a summary", value = """
					{"summary": "Đáp ứng cơ bản; 2 yêu cầu cần khắc phục trong quý I/2027."}
					"""))))
	@Parameter(name = "id", description = "The assessment's id.")
	@PreAuthorize(AssessmentPayloads.WRITERS)
	@PostMapping("/api/v1/assessments/{id}/complete")
	AssessmentDetail complete(@PathVariable long id, @RequestBody(required = false) @Nullable CompleteForm form) {
		management.complete(id, form == null ? null : form.summary());
		return detail(id);
	}

	@Operation(operationId = "listAssessmentActions", summary = "List remediation actions", description = """
			The remediation actions of completed assessments the caller may see, by deadline (the earliest \
			first): open ones unless `status` says otherwise, or only the overdue ones (`overdue=true`: open \
			past their deadline). Each says its assessment, system, requirement, gap, owner, deadline and \
			whether it is overdue. The total is counted up to 10,000.
			""")
	@Parameter(name = "assessment", description = "Only this assessment's actions (an id).")
	@Parameter(name = "agency", description = "Only those of this agency or one below it (an id).")
	@Parameter(name = "system", description = "Only those of this information system (an id).")
	@Parameter(name = "status", description = "`open` (the default), `done` or `all`.")
	@Parameter(name = "overdue", description = "`true`: only open actions past their deadline.")
	@Parameter(name = "sort", description = "`due` (the default, earliest first) or `-due`.")
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/api/v1/assessment-actions")
	PageResult<ActionView> actions(@RequestParam(required = false) @Nullable Long assessment,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		LocalDate today = AssessmentManagement.today();
		return actions
			.list(AssessmentPayloads.actionFilter(assessment, agency, system, status, overdue), today,
					PageQuery.of(page, size, sort))
			.map(x -> ActionView.from(x, today));
	}

	@Operation(operationId = "transitionAssessmentAction", summary = "Mark a remediation action done or open",
			description = """
					Moves a remediation action to `done` (with an optional `note` saying how it was remediated) \
					or back to `open`: the owner agency's officers and the province's administrators and operators. \
					The same status again is a 409. Audited.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "done", summary = "Remediated", value = """
							{"to": "done", "note": "Đã triển khai WAF ngày 15/01/2027."}
							"""))))
	@Parameter(name = "id", description = "The action's id.")
	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/api/v1/assessment-actions/{id}/transitions")
	ActionView transition(@PathVariable long id, @RequestBody ActionForm form) {
		return ActionView.from(actions.transition(id, form.status(), form.note()), AssessmentManagement.today());
	}

	private AssessmentDetail detail(long id) {
		Assessment a = assessments.get(id);
		LocalDate today = AssessmentManagement.today();
		List<EvidenceView> evidence = assessments.evidence(id).stream().map(e -> EvidenceView.from(e, today)).toList();
		Names names = Names.ofAssessments(agencies, organisations, List.of(a));
		return new AssessmentDetail(AssessmentView.from(a, names), AssessmentPayloads.SCORE_FORMULA,
				AssessmentPayloads.groups(assessments.requirements(id), evidence),
				evidence.stream().filter(e -> e.requirementId() == null).toList(),
				actions.of(id).stream().map(x -> ActionView.from(x, today)).toList());
	}

}
