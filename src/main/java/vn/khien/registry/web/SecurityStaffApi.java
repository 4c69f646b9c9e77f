package vn.khien.registry.web;

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
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;
import vn.khien.registry.web.SecurityStaffPayloads.GapView;
import vn.khien.registry.web.SecurityStaffPayloads.NeededForm;
import vn.khien.registry.web.SecurityStaffPayloads.StaffForm;
import vn.khien.registry.web.SecurityStaffPayloads.StaffingView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "security staff")
class SecurityStaffApi {

	private final SecurityStaffing staffing;

	SecurityStaffApi(SecurityStaffing staffing) {
		this.staffing = staffing;
	}

	@Operation(operationId = "getAgencyStaff", summary = "An agency's security staff", description = """
			The agency's dedicated security staff, how many it needs, has (`actual`) and lacks (`gap`). An \
			agency outside the caller's scope is a 404.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/staff")
	StaffingView get(@PathVariable long id) {
		return StaffingView.from(staffing.headcount(id), staffing.staff(id));
	}

	@Operation(operationId = "setAgencyStaffNeeded", summary = "Set how many security staff an agency needs",
			description = """
					Sets the agency's needed headcount (0 to 1,000) and answers its staffing. Administrators \
					and operators for any agency, an officer for their agency or one below it.
					""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize(FocalPointApi.WRITERS)
	@PutMapping("/agencies/{id}/staff/needed")
	StaffingView setNeeded(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "three", summary = "Three people needed", value = """
							{"needed": 3}
							"""))) NeededForm form) {
		staffing.setNeeded(id, form.needed());
		return get(id);
	}

	@Operation(operationId = "addAgencyStaff", summary = "Add a security staff member", description = """
			Records a person dedicated to information security in the agency. Administrators and operators \
			for any agency, an officer for their agency or one below it.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/staff")
	@ResponseStatus(HttpStatus.CREATED)
	SecurityStaff add(@PathVariable long id, @Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "engineer", summary = "A certified engineer",
					value = """
							{"name": "Võ Thị Lan", "title": "Network security engineer", "qualification": "CEH, CCNA Security",
							 "phone": "+84 912 345 678", "email": "lan.vt@syt.example.vn", "since": "2023-04-01"}
							"""))) StaffForm form) {
		return staffing.add(id, form.details());
	}

	@Operation(operationId = "updateAgencyStaff", summary = "Change a security staff member", description = """
			Replaces the person's details. One of another agency is a 404.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@Parameter(name = "staffId", description = "The staff member's id.")
	@PreAuthorize(FocalPointApi.WRITERS)
	@PutMapping("/agencies/{id}/staff/{staffId}")
	SecurityStaff update(@PathVariable long id, @PathVariable long staffId,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "qualified", summary = "A new qualification",
							value = """
										{"name": "Võ Thị Lan", "title": "Network security engineer", "qualification": "CEH, CCNA Security, CISSP",
									"phone": "+84 912 345 678", "email": "lan.vt@syt.example.vn", "since": "2023-04-01"}
										"""))) StaffForm form) {
		return staffing.update(id, staffId, form.details());
	}

	@Operation(operationId = "removeAgencyStaff", summary = "Remove a security staff member", description = """
			Removes the person from the agency's security staff. One of another agency is a 404.
			""")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@Parameter(name = "id", description = "The agency's id.")
	@Parameter(name = "staffId", description = "The staff member's id.")
	@PreAuthorize(FocalPointApi.WRITERS)
	@DeleteMapping("/agencies/{id}/staff/{staffId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id, @PathVariable long staffId) {
		staffing.remove(id, staffId);
	}

	@Operation(operationId = "listStaffGaps", summary = "Agencies short of security staff", description = """
			The agencies in the caller's scope with fewer dedicated security staff than they need, largest \
			gap first.
			""")
	@Parameter(name = "q", description = "Text in the agency's name or code.")
	@Parameter(name = "sort",
			description = "The gap (the default, largest first), or `code`, `name`, `needed`, "
					+ "`actual`, `gap`; `-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/staff/gaps")
	PageResult<GapView> gaps(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return staffing.gaps(q, PageQuery.of(page, size, sort)).map(GapView::from);
	}

}
