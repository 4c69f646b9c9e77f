package vn.khien.registry.web;

import java.time.LocalDate;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.RegistrationCampaignAgency;
import vn.khien.registry.RegistrationCampaignState;
import vn.khien.registry.RegistrationCampaigns;
import vn.khien.registry.web.RegistrationCampaignPayloads.CampaignForm;
import vn.khien.registry.web.RegistrationCampaignPayloads.CampaignView;

@RestController
@RequestMapping("/api/v1/registration-campaigns")
@Tag(name = "registration campaigns")
class RegistrationCampaignApi {

	private final RegistrationCampaigns campaigns;

	private final RegistrationCampaignCsv csv;

	RegistrationCampaignApi(RegistrationCampaigns campaigns, RegistrationCampaignCsv csv) {
		this.campaigns = campaigns;
		this.csv = csv;
	}

	@Operation(operationId = "listRegistrationCampaigns", summary = "List registration campaigns", description = """
			The campaigns in which the province asks its agencies to name and confirm their focal points, \
			newest opening first. Every signed-in user sees every campaign; which agencies each sees in it \
			follows their scope.
			""")
	@Parameter(name = "sort",
			description = "`openedOn` (the default, newest first), `name` or `deadline`; "
					+ "`-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<CampaignView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		LocalDate today = LocalDate.now(AgencyManagement.ZONE);
		return campaigns.list(PageQuery.of(page, size, sort)).map(c -> CampaignView.from(c, today));
	}

	@Operation(operationId = "getRegistrationCampaign", summary = "Read a registration campaign", description = """
			One campaign: its opening, deadline, the kinds of agency it covers (all when empty) and whether \
			the deadline has passed.
			""")
	@Parameter(name = "id", description = "The campaign's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	CampaignView get(@PathVariable long id) {
		return CampaignView.from(campaigns.get(id), LocalDate.now(AgencyManagement.ZONE));
	}

	@Operation(operationId = "openRegistrationCampaign", summary = "Open a registration campaign", description = """
			Opens a campaign over the agencies of the given kinds (every kind when none is given). An agency \
			is registered once it has an active focal point for each duty confirmed on or after the opening. \
			A deadline before the opening is a 400.
			""")
	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CampaignView open(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "campaign",
					summary = "The yearly confirmation of departments and districts", value = """
							{"name": "Focal points 2027", "openedOn": "2027-01-05", "deadline": "2027-02-05",
							 "agencyKinds": ["DEPARTMENT", "DISTRICT"]}
							"""))) CampaignForm form) {
		return CampaignView.from(campaigns.open(form.details()), LocalDate.now(AgencyManagement.ZONE));
	}

	@Operation(operationId = "listRegistrationCampaignAgencies", summary = "Where each agency stands in a campaign",
			description = """
					The agencies the campaign covers in the caller's scope (the whole province for \
					province-wide roles, an officer's agency and those below it), each `registered`, \
					`pending` or `overdue` as of today.
					""")
	@Parameter(name = "id", description = "The campaign's id.")
	@Parameter(name = "state",
			description = "Only agencies in this state: `registered`, `pending` (not yet, "
					+ "deadline not passed) or `overdue`.")
	@Parameter(name = "q", description = "Text in the agency's name or code.")
	@Parameter(name = "kind", description = "Only agencies of this kind.")
	@Parameter(name = "sort", description = "`code` (the default), `name` or `kind`; `-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/agencies")
	PageResult<RegistrationCampaignAgency> agencies(@PathVariable long id,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable AgencyKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var filter = new RegistrationCampaigns.Filter(RegistrationCampaignState.parse(state), q, kind);
		return campaigns.agencies(id, filter, PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "exportRegistrationCampaignAgencies",
			summary = "Export where each agency stands in a campaign, as CSV", description = """
					The same agencies, filters and sort as the list, all of them, as a CSV file \
					(campaign-{id}.csv) for spreadsheets.
					""")
	@ApiResponse(responseCode = "200", description = "The CSV file.",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Parameter(name = "id", description = "The campaign's id.")
	@Parameter(name = "state",
			description = "Only agencies in this state: `registered`, `pending` (not yet, "
					+ "deadline not passed) or `overdue`.")
	@Parameter(name = "q", description = "Text in the agency's name or code.")
	@Parameter(name = "kind", description = "Only agencies of this kind.")
	@Parameter(name = "sort", description = "`code` (the default), `name` or `kind`; `-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/agencies.csv")
	void export(@PathVariable long id, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable AgencyKind kind, @RequestParam(required = false) String sort,
			HttpServletResponse response) {
		csv.export(id, new RegistrationCampaigns.Filter(RegistrationCampaignState.parse(state), q, kind), sort,
				response);
	}

}
