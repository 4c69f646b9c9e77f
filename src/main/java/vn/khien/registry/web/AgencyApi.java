package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.List;

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
import jakarta.validation.Valid;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyHistory;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyStatus;
import vn.khien.registry.web.AgencyPayloads.AgencyForm;
import vn.khien.registry.web.AgencyPayloads.AgencyView;
import vn.khien.registry.web.AgencyPayloads.MoveRequest;

@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "agencies")
class AgencyApi {

	private final Agencies agencies;

	private final AgencyManagement management;

	private final AgencyHistory history;

	AgencyApi(Agencies agencies, AgencyManagement management, AgencyHistory history) {
		this.agencies = agencies;
		this.management = management;
		this.history = history;
	}

	@Operation(operationId = "listAgencies", summary = "List agencies", description = """
			The agencies of the registry in the caller's scope: every agency for province-wide roles, an \
			officer's own agency and the agencies below it; other roles see none.
			""")
	@Parameter(name = "q", description = "Text in the agency's name (accents ignored) or code.")
	@Parameter(name = "kind", description = "Only agencies of this kind.")
	@Parameter(name = "status",
			description = "Only agencies in this status (`MERGED` and `SPLIT` ones have a `successorId`).")
	@Parameter(name = "parent", description = "Only the agencies directly below this one (an id).")
	@Parameter(name = "under", description = "Only this agency and those below it at any depth (an id).")
	@Parameter(name = "focalPoint",
			description = "Only agencies with an active focal point (true) or without one (false).")
	@Parameter(name = "sort",
			description = "`code` (the default), `name`, `kind` or `status`; `-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<AgencyView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) AgencyKind kind, @RequestParam(required = false) AgencyStatus status,
			@RequestParam(required = false) Long parent, @RequestParam(required = false) @Nullable Long under,
			@RequestParam(required = false) @Nullable Boolean focalPoint, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return agencies
			.list(new Agencies.Filter(q, kind, status, parent, under, focalPoint), PageQuery.of(page, size, sort))
			.map(AgencyView::from);
	}

	@Operation(operationId = "getAgency", summary = "Read an agency", description = """
			One agency with its head and address. An agency outside the caller's scope is a 404.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	AgencyView get(@PathVariable long id) {
		return AgencyView.from(agencies.get(id));
	}

	@Operation(operationId = "getAgencyHistory", summary = "What an agency was called, and where it sat",
			description = """
					The agency's periods, oldest first: its code, name, kind, parent and status from \
					`validFrom` to `validTo` (null while in force), as changes, moves and reorganisations \
					recorded them. With `date`, only the period in force on that day (404 when there was \
					none). An agency outside the caller's scope is a 404.
					""")
	@Parameter(name = "id", description = "The agency's id.")
	@Parameter(name = "date", description = "A day (yyyy-MM-dd): only the period in force on it.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/history")
	List<AgencyHistory.Period> history(@PathVariable long id,
			@RequestParam(required = false) @Nullable LocalDate date) {
		if (date == null) {
			return history.of(id);
		}
		return List.of(history.on(id, date).orElseThrow(() -> new NotFoundException("agency period", id)));
	}

	@Operation(operationId = "createAgency", summary = "Register an agency", description = """
			Adds an agency to the province's registry, under `parentId` (none for a top-level agency); \
			its history starts today. A code another agency has is a 409.
			""")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AgencyView create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "department",
					summary = "A department under the provincial people's committee", value = """
							{"code": "SYT", "name": "Sở Y tế", "kind": "DEPARTMENT", "parentId": 1,
							 "headName": "Trần Thị Bình", "headTitle": "Giám đốc", "headPhone": "+84 236 3822 000",
							 "headEmail": "syt@example.vn", "address": "103 Hùng Vương, Hải Châu"}
							"""))) AgencyForm form) {
		return AgencyView.from(management.create(form.details()));
	}

	@Operation(operationId = "updateAgency", summary = "Change an agency", description = """
			Replaces the agency's details (the body as for registering it; what is left out is cleared); \
			its history records the change from today. A parent below the agency itself is a 400, a code \
			another agency has a 409.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PutMapping("/{id}")
	AgencyView update(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "newHead", summary = "The department under a new head", value = """
							{"code": "SYT", "name": "Sở Y tế", "kind": "DEPARTMENT", "parentId": 1,
							 "headName": "Lê Văn Cường", "headTitle": "Giám đốc", "headPhone": "+84 236 3822 000",
							 "headEmail": "syt@example.vn", "address": "103 Hùng Vương, Hải Châu"}
							"""))) AgencyForm form) {
		return AgencyView.from(management.update(id, form.details()));
	}

	@Operation(operationId = "moveAgency", summary = "Move an agency under another parent", description = """
			Moves the agency, with the agencies below it, under another parent (`parentId` null: to the top \
			level); its history records the move from today. A parent below the agency itself is a 400.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}/move")
	AgencyView move(@PathVariable long id,
			@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "move", summary = "Under the agency with id 3", value = """
							{"parentId": 3}
							"""))) MoveRequest request) {
		return AgencyView.from(management.move(id, request.parentId()));
	}

	@Operation(operationId = "deactivateAgency", summary = "Deactivate an agency", description = """
			Sets the agency's status to `INACTIVE` from today, without a successor; its records stay where \
			they are. To merge or split agencies, use the reorganisations.
			""")
	@Parameter(name = "id", description = "The agency's id.")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}/deactivate")
	AgencyView deactivate(@PathVariable long id) {
		return AgencyView.from(management.deactivate(id));
	}

}
