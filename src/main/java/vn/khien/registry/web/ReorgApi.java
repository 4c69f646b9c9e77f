package vn.khien.registry.web;

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
import jakarta.validation.Valid;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Reorganisations;
import vn.khien.registry.web.ReorgPayloads.MergeRequest;
import vn.khien.registry.web.ReorgPayloads.ReorganisationView;
import vn.khien.registry.web.ReorgPayloads.SplitRequest;

@RestController
@RequestMapping("/api/v1/reorganisations")
@Tag(name = "reorganisations")
class ReorgApi {

	private final Reorganisations reorganisations;

	ReorgApi(Reorganisations reorganisations) {
		this.reorganisations = reorganisations;
	}

	@Operation(operationId = "listReorganisations", summary = "List reorganisations", description = """
			Mergers and splits that touched an agency in the caller's scope, newest effective date first, \
			each with its sources, its targets (the one that took over the records: `takesRecords`) and, by \
			kind of record, how many stayed with the sources (`leftBehind`).
			""")
	@Parameter(name = "agency", description = "Only the reorganisations this agency took part in (an id).")
	@Parameter(name = "kind", description = "Only mergers or only splits.")
	@Parameter(name = "sort",
			description = "`effectiveDate` (the default, newest first), `createdAt` or `kind`; "
					+ "`-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<ReorganisationView> list(@RequestParam(required = false) Long agency,
			@RequestParam(required = false) Reorganisations.Kind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return reorganisations.list(agency, kind, PageQuery.of(page, size, sort)).map(ReorganisationView::from);
	}

	@Operation(operationId = "getReorganisation", summary = "Read a reorganisation", description = """
			One merger or split. One that touched no agency of the caller's scope is a 404.
			""")
	@Parameter(name = "id", description = "The reorganisation's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	ReorganisationView get(@PathVariable long id) {
		return ReorganisationView.from(reorganisations.get(id));
	}

	@Operation(operationId = "mergeAgencies", summary = "Merge agencies into a successor", description = """
			Merges active agencies into a successor, on an effective date (yyyy-MM-dd or dd/MM/yyyy, not in \
			the future): an existing active agency (`successorId`) or one created by the merger \
			(`newSuccessor`), exactly one of the two. The sources become `MERGED`; their sub-units, \
			accounts, focal points, staff, systems, hosts and coverage history move to the successor, all in \
			one transaction. A host the successor already has stays with its source and is counted in \
			`leftBehind`. A successor below one of the sources is a 400; a new code already taken a 409.
			""")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/merge")
	@ResponseStatus(HttpStatus.CREATED)
	ReorganisationView merge(
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "existing", summary = "Two communes merged into a third", value = """
							{"sourceIds": [41, 42], "successorId": 40, "effectiveDate": "2025-07-01",
							 "note": "Resolution 1234/NQ-UBTVQH15"}
							"""),
					@ExampleObject(name = "new", summary = "Two departments merged into a new one", value = """
							{"sourceIds": [12, 14], "newSuccessor": {"code": "SYTXH", "name": "Sở Y tế và Xã hội",
							 "kind": "DEPARTMENT", "parentId": 1}, "effectiveDate": "01/03/2025"}
							""") })) MergeRequest request) {
		return ReorganisationView.from(reorganisations.merge(request.toMerge()));
	}

	@Operation(operationId = "splitAgency", summary = "Split an agency", description = """
			Splits an active agency into two or more targets, on an effective date (yyyy-MM-dd or \
			dd/MM/yyyy, not in the future): each an existing active agency (`agencyId`) or one created by \
			the split (`create`). The source becomes `SPLIT`; the target at index `recordsTo` (0 by default) \
			takes over its sub-units, accounts and records, as in a merger. A target below the source is a \
			400; a new code already taken a 409.
			""")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/split")
	@ResponseStatus(HttpStatus.CREATED)
	ReorganisationView split(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "split",
					summary = "A district split into an existing and a new one", value = """
							{"sourceId": 20, "targets": [{"agencyId": 21},
							 {"create": {"code": "HBT", "name": "Huyện Bắc Trà", "kind": "DISTRICT", "parentId": 1}}],
							 "recordsTo": 0, "effectiveDate": "2025-07-01", "note": "Decision 55/QD-UBND"}
							"""))) SplitRequest request) {
		return ReorganisationView.from(reorganisations.split(request.toSplit()));
	}

}
