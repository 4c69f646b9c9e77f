package vn.khien.registry.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Agencies;
import vn.khien.registry.FocalPointDuty;
import vn.khien.registry.FocalPoints;
import vn.khien.registry.web.FocalPointPayloads.FocalPointForm;
import vn.khien.registry.web.FocalPointPayloads.FocalPointView;
import vn.khien.registry.web.FocalPointPayloads.HistoryView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "focal points")
class FocalPointApi {

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private final FocalPoints focalPoints;

	private final Agencies agencies;

	FocalPointApi(FocalPoints focalPoints, Agencies agencies) {
		this.focalPoints = focalPoints;
		this.agencies = agencies;
	}

	@Operation(operationId = "listFocalPoints", summary = "List focal points", description = """
			The active focal points for monitoring and incident response of the agencies in the caller's \
			scope: the whole province for province-wide roles, an officer's own agency and the agencies \
			below it. Each agency has one primary focal point per duty; `confirmedOn` is when the agency \
			last confirmed it.
			""")
	@Parameter(name = "agency",
			description = "Only this agency's focal points: its code or id (404 when out of scope).")
	@Parameter(name = "duty", description = "Only focal points of this duty.")
	@Parameter(name = "q", description = "Text in the focal point's name or in its agency's name or code.")
	@Parameter(name = "sort",
			description = "`agency` (the default), `name`, `duty` or `confirmedOn`; `-` before it for descending.")
	@ApiResponse(responseCode = "200", description = "A page of focal points.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/focal-points")
	PageResult<FocalPointView> list(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable FocalPointDuty duty,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		Long agencyId = agency == null || agency.isBlank() ? null : agencies.resolve(agency).id();
		return focalPoints.list(new FocalPoints.Filter(agencyId, duty, q), PageQuery.of(page, size, sort))
			.map(FocalPointView::from);
	}

	@Operation(operationId = "getFocalPoint", summary = "Read a focal point", description = """
			One active focal point. A retired one, or one of an agency outside the caller's scope, is a 404.
			""")
	@Parameter(name = "id", description = "The focal point's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/focal-points/{id}")
	FocalPointView get(@PathVariable long id) {
		return FocalPointView.from(focalPoints.get(id));
	}

	@Operation(operationId = "createFocalPoint", summary = "Name a focal point", description = """
			Names a focal point of an agency the caller may edit (administrators and operators any, an \
			officer their agency or one below it). `primary` makes it the agency's primary one for its duty \
			(the first of a duty always is). It counts as confirmed today.
			""")
	@PreAuthorize(WRITERS)
	@PostMapping("/focal-points")
	@ResponseStatus(HttpStatus.CREATED)
	FocalPointView create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = @ExampleObject(name = "responder", summary = "The primary incident responder of an agency",
					value = """
							{"agencyId": 12, "duty": "INCIDENT_RESPONSE", "name": "Phạm Minh Đức", "title": "IT officer",
							 "phone": "+84 905 123 456", "email": "duc.pm@syt.example.vn", "outOfHours": "+84 905 123 456",
							 "primary": true}
							"""))) FocalPointForm form) {
		return FocalPointView.from(focalPoints.create(form.details(null)));
	}

	@Operation(operationId = "updateFocalPoint", summary = "Change a focal point", description = """
			Replaces the focal point's details; its agency stays (`agencyId` is ignored). Saving counts as \
			confirming it today. The change is kept in the agency's focal-point history.
			""")
	@Parameter(name = "id", description = "The focal point's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/focal-points/{id}")
	FocalPointView update(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "newPhone", summary = "A new phone number",
							value = """
									{"agencyId": 12, "duty": "INCIDENT_RESPONSE", "name": "Phạm Minh Đức", "title": "IT officer",
									 "phone": "+84 935 987 654", "email": "duc.pm@syt.example.vn", "outOfHours": "+84 905 123 456",
									 "primary": true}
									"""))) FocalPointForm form) {
		long agencyId = focalPoints.get(id).agencyId();
		return FocalPointView.from(focalPoints.update(id, form.details(agencyId)));
	}

	@Operation(operationId = "retireFocalPoint", summary = "Retire a focal point", description = """
			Retires the focal point: it stays in the agency's history but no longer counts; when it was the \
			primary one, another of its duty becomes primary.
			""")
	@ApiResponse(responseCode = "204", description = "Retired.")
	@Parameter(name = "id", description = "The focal point's id.")
	@PreAuthorize(WRITERS)
	@DeleteMapping("/focal-points/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable long id) {
		focalPoints.retire(id);
	}

	@Operation(operationId = "listAgencyFocalPoints", summary = "List an agency's focal points", description = """
			The agency's active focal points, by duty, primary first. An agency outside the caller's scope \
			is a 404.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/focal-points")
	List<FocalPointView> ofAgency(@PathVariable long id) {
		return focalPoints.ofAgency(id).stream().map(FocalPointView::from).toList();
	}

	@Operation(operationId = "confirmAgencyFocalPoints", summary = "Confirm an agency's focal points", description = """
			The agency states its focal points are unchanged: all of them count as confirmed today, \
			which registration campaigns look for. Answers the focal points.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize(WRITERS)
	@PostMapping("/agencies/{id}/focal-points/confirm")
	List<FocalPointView> confirm(@PathVariable long id) {
		return focalPoints.confirm(id).stream().map(FocalPointView::from).toList();
	}

	@Operation(operationId = "getAgencyFocalPointHistory", summary = "Changes to an agency's focal points",
			description = """
					Every change of the agency's focal points, newest first, with who made it and the focal \
					point before and after (as JSON text). An agency outside the caller's scope is a 404.
					""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/focal-points/history")
	List<HistoryView> history(@PathVariable long id) {
		return focalPoints.history(id).stream().map(HistoryView::from).toList();
	}

}
