package vn.khien.registry.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
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

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<CampaignView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		LocalDate today = LocalDate.now(AgencyManagement.ZONE);
		return campaigns.list(PageQuery.of(page, size, sort)).map(c -> CampaignView.from(c, today));
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	CampaignView get(@PathVariable long id) {
		return CampaignView.from(campaigns.get(id), LocalDate.now(AgencyManagement.ZONE));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CampaignView open(@Valid @RequestBody CampaignForm form) {
		return CampaignView.from(campaigns.open(form.details()), LocalDate.now(AgencyManagement.ZONE));
	}

	/**
	 * The campaign's agencies in scope; {@code state} is registered, pending or overdue.
	 */
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/agencies")
	PageResult<RegistrationCampaignAgency> agencies(@PathVariable long id,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable AgencyKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var filter = new RegistrationCampaigns.Filter(RegistrationCampaignState.parse(state), q, kind);
		return campaigns.agencies(id, filter, PageQuery.of(page, size, sort));
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/agencies.csv")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable AgencyKind kind, @RequestParam(required = false) String sort) {
		return csv.export(id, new RegistrationCampaigns.Filter(RegistrationCampaignState.parse(state), q, kind), sort);
	}

}
