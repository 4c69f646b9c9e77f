package vn.khien.incident.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.Availability;
import vn.khien.incident.Responder;
import vn.khien.incident.Responders;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** The response team's roster: kept by the team, read by whoever reads incidents. */
@RestController
@RequestMapping("/api/v1/responders")
@Tag(name = "responders")
class ResponderApi {

	private final Responders responders;

	ResponderApi(Responders responders) {
		this.responders = responders;
	}

	record ResponderForm(@Nullable Long agencyId, @Nullable Long accountId, @Nullable String name,
			@Nullable String email, @Nullable String phone, @Nullable String skills, @Nullable String availability,
			@Nullable Boolean active) {

		Responder.Details toDetails() {
			return new Responder.Details(agencyId, accountId, name, email, phone, skills,
					IncidentForms.word(availability, "availability", Availability::of), active);
		}

	}

	@Operation(operationId = "listResponders", summary = "List the response team's roster", description = """
			The members seconded from the agencies in the caller's scope (the province-wide roles: all), in \
			Vietnamese order of their names.
			""")
	@Parameter(name = "availability", description = "available, busy, unavailable")
	@Parameter(name = "agency", description = "Only members seconded from this agency (an id).")
	@Parameter(name = "active", description = "true: only active members; false: only those who left.")
	@PreAuthorize(IncidentApi.READERS)
	@GetMapping
	PageResult<Responder> list(@RequestParam(required = false) @Nullable String availability,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return responders.list(new Responders.Filter(IncidentForms.word(availability, "availability", Availability::of),
				agency, active), PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "addResponder", summary = "Add a member to the roster", description = """
			By the response team: the agency the member is seconded from, their name, optionally their account \
			(one roster entry per account), e-mail, phone, skills, and availability (available when left out).
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "member", value = """
					{"agencyId": 5, "name": "Trần Thị Minh Thư", "email": "minhthu@example.gov.vn",
					 "phone": "0912 345 002", "skills": "Phân tích nhật ký, điều tra số", "availability": "available"}
					"""))))
	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Responder create(@RequestBody ResponderForm form) {
		return responders.create(form.toDetails());
	}

	@Operation(operationId = "getResponder", summary = "Read a member of the roster", description = """
			The member; 404 outside the caller's scope.
			""")
	@Parameter(name = "id", description = "The member's id.")
	@PreAuthorize(IncidentApi.READERS)
	@GetMapping("/{id}")
	Responder get(@PathVariable long id) {
		return responders.get(id);
	}

	@Operation(operationId = "updateResponder", summary = "Change a member of the roster", description = """
			By the response team: every field as for a new member; `active: false` when they leave the team.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "busy", value = """
							{"agencyId": 5, "name": "Trần Thị Minh Thư", "availability": "busy", "active": true}
							"""))))
	@Parameter(name = "id", description = "The member's id.")
	@PreAuthorize(IncidentApi.TEAM)
	@PutMapping("/{id}")
	Responder update(@PathVariable long id, @RequestBody ResponderForm form) {
		return responders.update(id, form.toDetails());
	}

}
