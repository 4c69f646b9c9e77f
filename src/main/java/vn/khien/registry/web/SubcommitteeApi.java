package vn.khien.registry.web;

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
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.SubcommitteeMember;
import vn.khien.registry.SubcommitteeRegistry;
import vn.khien.registry.web.SubcommitteePayloads.MemberForm;
import vn.khien.registry.web.SubcommitteePayloads.SubcommitteeForm;
import vn.khien.registry.web.SubcommitteePayloads.SubcommitteeView;

@RestController
@RequestMapping("/api/v1/subcommittee")
@Tag(name = "subcommittee")
class SubcommitteeApi {

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')";

	/**
	 * The state side reads the subcommittee; external organisations and assessors do not
	 * see members' phones.
	 */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	private final SubcommitteeRegistry registry;

	SubcommitteeApi(SubcommitteeRegistry registry) {
		this.registry = registry;
	}

	@Operation(operationId = "getSubcommittee", summary = "The province's cybersecurity subcommittee", description = """
			The subcommittee's name, founding decision, standing body and every member. It is public \
			within the province: the state side reads all of it whatever their scope. A 404 until it \
			has been set up.
			""")
	@ApiResponse(responseCode = "200", description = "The subcommittee and its members.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(READERS)
	@GetMapping
	SubcommitteeView get() {
		var subcommittee = registry.find().orElseThrow(() -> new NotFoundException("subcommittee", 1));
		return SubcommitteeView.from(subcommittee, registry.members(PageQuery.of(0, PageQuery.MAX_SIZE, "")).items());
	}

	@Operation(operationId = "saveSubcommittee", summary = "Set up or change the subcommittee", description = """
			Sets the subcommittee's name, founding decision and standing body (an agency), creating it the \
			first time; its members have their own calls.
			""")
	@PreAuthorize(WRITERS)
	@PutMapping
	SubcommitteeView save(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "subcommittee",
					summary = "Founded by a decision of the people's committee", value = """
							{"name": "Tiểu ban An toàn, an ninh mạng tỉnh", "decisionRef": "Quyết định 1234/QĐ-UBND",
							 "standingBodyId": 5}
							"""))) SubcommitteeForm form) {
		var subcommittee = registry.save(form.details());
		return SubcommitteeView.from(subcommittee, registry.members(PageQuery.of(0, PageQuery.MAX_SIZE, "")).items());
	}

	@Operation(operationId = "listSubcommitteeMembers", summary = "List the subcommittee's members", description = """
			The members with their role, agency and contact, chair first.
			""")
	@Parameter(name = "sort",
			description = "Role (the default, chair first), or `name`, `role`, `since`; "
					+ "`-` before it for descending.")
	@PreAuthorize(READERS)
	@GetMapping("/members")
	PageResult<SubcommitteeMember> members(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return registry.members(PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "getSubcommitteeMember", summary = "Read a subcommittee member", description = """
			One member with their role, agency and contact.
			""")
	@Parameter(name = "id", description = "The member's id.")
	@PreAuthorize(READERS)
	@GetMapping("/members/{id}")
	SubcommitteeMember member(@PathVariable long id) {
		return registry.member(id);
	}

	@Operation(operationId = "addSubcommitteeMember", summary = "Add a subcommittee member", description = """
			Adds a member with their role, agency and term (`since`, `until`).
			""")
	@PreAuthorize(WRITERS)
	@PostMapping("/members")
	@ResponseStatus(HttpStatus.CREATED)
	SubcommitteeMember add(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "member", summary = "The vice-chair",
					value = """
							{"role": "VICE_CHAIR", "name": "Đặng Quốc Huy", "title": "Director of Information and Communications",
							 "agencyId": 5, "phone": "+84 236 3822 111", "email": "huy.dq@example.vn", "since": "2024-01-15"}
							"""))) MemberForm form) {
		return registry.addMember(form.details());
	}

	@Operation(operationId = "updateSubcommitteeMember", summary = "Change a subcommittee member", description = """
			Replaces the member's details, for instance to end their term (`until`).
			""")
	@Parameter(name = "id", description = "The member's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/members/{id}")
	SubcommitteeMember update(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "termEnds", summary = "A member whose term ends",
							value = """
									{"role": "VICE_CHAIR", "name": "Đặng Quốc Huy", "title": "Director of Information and Communications",
									 "agencyId": 5, "phone": "+84 236 3822 111", "email": "huy.dq@example.vn", "since": "2024-01-15",
									 "until": "2026-12-31"}
									"""))) MemberForm form) {
		return registry.updateMember(id, form.details());
	}

	@Operation(operationId = "removeSubcommitteeMember", summary = "Remove a subcommittee member", description = """
			Removes the member from the subcommittee.
			""")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@Parameter(name = "id", description = "The member's id.")
	@PreAuthorize(WRITERS)
	@DeleteMapping("/members/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id) {
		registry.removeMember(id);
	}

}
