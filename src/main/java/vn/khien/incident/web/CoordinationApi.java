package vn.khien.incident.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.CoordinationRequest;
import vn.khien.incident.CoordinationRequestStatus;
import vn.khien.incident.CoordinationRequests;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Coordination requests: the team asks an agency or a provider to act on a case; the
 * recipient acknowledges and completes.
 */
@RestController
@RequestMapping("/api/v1/coordination-requests")
@Tag(name = "coordination")
class CoordinationApi {

	/**
	 * Who may read requests (each sees those addressed to them or about their agency's
	 * cases): the readers of incidents and the providers.
	 */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER', 'ORGANISATION')";

	/** Who answers requests: agencies' officers and providers' users. */
	static final String RECIPIENTS = "hasAnyRole('AGENCY_OFFICER', 'ORGANISATION')";

	private final CoordinationRequests requests;

	CoordinationApi(CoordinationRequests requests) {
		this.requests = requests;
	}

	record RequestForm(@Nullable Long incidentId, @Nullable Long agencyId, @Nullable Long organisationId,
			@Nullable String action, @Nullable String due) {

		CoordinationRequests.NewRequest toRequest() {
			return new CoordinationRequests.NewRequest(incidentId, agencyId, organisationId, action,
					IncidentForms.day(due, "due"));
		}

	}

	record CompleteForm(@Nullable String outcome) {
	}

	@Operation(operationId = "listCoordinationRequests", summary = "List coordination requests", description = """
			The requests the caller may read: a provider's users those addressed to their organisation, an \
			agency's officers those addressed to their agency or about its cases, the team and the province-wide \
			roles all. Open requests first by due date, then completed ones, the newest first.
			""")
	@Parameter(name = "status", description = "requested, acknowledged, completed")
	@Parameter(name = "incident", description = "Only this incident's requests (an id).")
	@Parameter(name = "open", description = "true: only requests not completed yet.")
	@Parameter(name = "mine",
			description = "true: only requests the caller answers (their agency's or organisation's).")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<CoordinationRequest> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long incident,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(required = false) @Nullable Boolean mine, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return requests
			.list(new CoordinationRequests.Filter(IncidentForms.word(status, "status", CoordinationRequestStatus::of),
					incident, open, mine), PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "requestCoordination", summary = "Ask an agency or a provider to act on a case",
			description = """
					By the response team: `action` says what to do (block a domain, take a page down, keep logs, warn \
					customers), `due` by when (yyyy-mm-dd). Exactly one of `agencyId` and `organisationId` names the \
					recipient. The request goes on the case's timeline.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "provider", summary = "Ask a telecom provider to block a domain",
							value = """
									{"incidentId": 1, "organisationId": 2, "action": "Chặn tên miền lua-dao.example trên hệ thống DNS",
									 "due": "2026-12-31"}
									"""),
					@ExampleObject(name = "agency", summary = "Ask an agency to keep its logs", value = """
							{"incidentId": 1, "agencyId": 12, "action": "Bảo toàn nhật ký máy chủ web từ ngày 01/12",
							 "due": "2026-12-20"}
							""") })))
	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CoordinationRequest request(@RequestBody RequestForm form) {
		return requests.request(form.toRequest());
	}

	@Operation(operationId = "getCoordinationRequest", summary = "Read a coordination request", description = """
			The request with its steps; 404 to anyone it is not for.
			""")
	@Parameter(name = "id", description = "The request's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	CoordinationRequest get(@PathVariable long id) {
		return requests.get(id);
	}

	@Operation(operationId = "acknowledgeCoordinationRequest", summary = "Take a coordination request up",
			description = """
					By its recipient (the provider's users, the agency's officers), once, while it is requested \
					(else 409); others who read it get 403.
					""")
	@Parameter(name = "id", description = "The request's id.")
	@PreAuthorize(RECIPIENTS)
	@PostMapping("/{id}/acknowledge")
	CoordinationRequest acknowledge(@PathVariable long id) {
		return requests.acknowledge(id);
	}

	@Operation(operationId = "completeCoordinationRequest", summary = "Say a coordination request is done",
			description = """
					By its recipient, once it is acknowledged (else 409), with `outcome`: what was done.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "done", value = """
							{"outcome": "Đã chặn tên miền trên hệ thống DNS lúc 10:30 ngày 02/12"}
							"""))))
	@Parameter(name = "id", description = "The request's id.")
	@PreAuthorize(RECIPIENTS)
	@PostMapping("/{id}/complete")
	CoordinationRequest complete(@PathVariable long id, @RequestBody CompleteForm form) {
		return requests.complete(id, form.outcome());
	}

}
