package vn.khien.readiness.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.readiness.BudgetProposal;
import vn.khien.readiness.BudgetProposals;
import vn.khien.readiness.BudgetStatus;
import vn.khien.readiness.web.TrainingPayloads.NoteForm;
import vn.khien.readiness.web.TrainingPayloads.ProposalForm;
import vn.khien.readiness.web.TrainingPayloads.ProposalView;

/**
 * Agencies' budget proposals for security upgrades and the province's decisions on them.
 */
@RestController
@Tag(name = "budget-proposals")
class BudgetProposalApi {

	private final BudgetProposals proposals;

	private final AgencyDirectory directory;

	BudgetProposalApi(BudgetProposals proposals, AgencyDirectory directory) {
		this.proposals = proposals;
		this.directory = directory;
	}

	@Operation(operationId = "listBudgetProposals", summary = "List budget proposals", description = """
			Proposals of the agencies in the caller's scope, the latest year first: records for the oversight \
			view, not accounting.
			""")
	@Parameter(name = "agency", description = "Proposals of this agency or one below it (an id).")
	@Parameter(name = "year", description = "Proposals for this year (`2027`).")
	@Parameter(name = "status", description = "`proposed`, `approved`, `funded` or `rejected`.")
	@Parameter(name = "sort", description = "`year` or `amount` (the default is `-year`).")
	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/api/v1/budget-proposals")
	PageResult<ProposalView> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var result = proposals.list(filter(agency, year, status), PageQuery.of(page, size, sort));
		return views(result);
	}

	static BudgetProposals.Filter filter(@Nullable Long agency, @Nullable Integer year, @Nullable String status) {
		return new BudgetProposals.Filter(agency, year,
				status == null || status.isBlank() ? null : BudgetStatus.of(status, "status"));
	}

	private PageResult<ProposalView> views(PageResult<BudgetProposal> result) {
		Set<Long> ids = new HashSet<>();
		result.items().forEach(p -> ids.add(p.agencyId()));
		Map<Long, String> labels = directory.labels(ids);
		return result.map(p -> ProposalView.from(p, labels));
	}

	@Operation(operationId = "createBudgetProposal", summary = "Propose a budget", description = """
			A proposal of an agency (`agencyId`) for a `year`, with a title, a description and the amount in \
			dong (`amountVnd`). It starts `proposed`. Operators and the police propose for any agency; an \
			agency officer for their own agencies.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "proposal", summary = "A firewall upgrade", value = """
					{"agencyId": 31, "year": 2027, "title": "Nâng cấp tường lửa",
					 "description": "Thay thiết bị hết hạn hỗ trợ", "amountVnd": 850000000}
					"""))))
	@PreAuthorize(TrainingApi.WRITERS)
	@PostMapping("/api/v1/budget-proposals")
	@ResponseStatus(HttpStatus.CREATED)
	ProposalView create(@RequestBody ProposalForm form) {
		return view(proposals.propose(new BudgetProposals.NewProposal(form.agencyId(), form.year(), form.title(),
				form.description(), form.amountVnd())));
	}

	private ProposalView view(BudgetProposal p) {
		return ProposalView.from(p, directory.labels(Set.of(p.agencyId())));
	}

	@Operation(operationId = "getBudgetProposal", summary = "Read a budget proposal", description = """
			One proposal; one of an agency outside the caller's scope is a 404.
			""")
	@Parameter(name = "id", description = "The proposal's id.")
	@PreAuthorize(TrainingApi.READERS)
	@GetMapping("/api/v1/budget-proposals/{id}")
	ProposalView get(@PathVariable long id) {
		return view(proposals.get(id));
	}

	@Operation(operationId = "approveBudgetProposal", summary = "Approve a proposed budget", description = """
			From `proposed` to `approved`, with an optional note; any other move is a 409. Operators only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(examples = @ExampleObject(name = "note", summary = "With a note", value = """
							{"note": "Đưa vào dự toán 2027"}
							"""))))
	@Parameter(name = "id", description = "The proposal's id.")
	@PreAuthorize(TrainingApi.DECIDERS)
	@PostMapping("/api/v1/budget-proposals/{id}/approve")
	ProposalView approve(@PathVariable long id, @RequestBody(required = false) @Nullable NoteForm form) {
		return view(proposals.move(id, BudgetStatus.APPROVED, form == null ? null : form.note()));
	}

	@Operation(operationId = "fundBudgetProposal", summary = "Mark an approved budget funded", description = """
			From `approved` to `funded`, with an optional note; any other move is a 409. Operators only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(examples = @ExampleObject(name = "note", summary = "With a note", value = """
							{"note": "Đã cấp kinh phí"}
							"""))))
	@Parameter(name = "id", description = "The proposal's id.")
	@PreAuthorize(TrainingApi.DECIDERS)
	@PostMapping("/api/v1/budget-proposals/{id}/fund")
	ProposalView fund(@PathVariable long id, @RequestBody(required = false) @Nullable NoteForm form) {
		return view(proposals.move(id, BudgetStatus.FUNDED, form == null ? null : form.note()));
	}

	@Operation(operationId = "rejectBudgetProposal", summary = "Reject a budget proposal", description = """
			From `proposed` or `approved` to `rejected`, with an optional note; a funded or rejected proposal \
			is a 409. Operators only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(examples = @ExampleObject(name = "note", summary = "With a note", value = """
							{"note": "Trùng với dự án của tỉnh"}
							"""))))
	@Parameter(name = "id", description = "The proposal's id.")
	@PreAuthorize(TrainingApi.DECIDERS)
	@PostMapping("/api/v1/budget-proposals/{id}/reject")
	ProposalView reject(@PathVariable long id, @RequestBody(required = false) @Nullable NoteForm form) {
		return view(proposals.move(id, BudgetStatus.REJECTED, form == null ? null : form.note()));
	}

}
