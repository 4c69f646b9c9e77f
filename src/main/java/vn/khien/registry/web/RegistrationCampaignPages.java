package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.RegistrationCampaign;
import vn.khien.registry.RegistrationCampaignState;
import vn.khien.registry.RegistrationCampaigns;
import vn.khien.registry.web.RegistrationCampaignPayloads.CampaignForm;

@Controller
class RegistrationCampaignPages {

	private final RegistrationCampaigns campaigns;

	private final RegistrationCampaignCsv csv;

	RegistrationCampaignPages(RegistrationCampaigns campaigns, RegistrationCampaignCsv csv) {
		this.campaigns = campaigns;
		this.csv = csv;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/campaigns")
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("result", campaigns.list(PageQuery.of(page, 50, "")));
		model.addAttribute("today", today());
		return "registry/contacts/campaigns";
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@GetMapping("/campaigns/new")
	String newForm(Model model) {
		return form(CampaignForm.empty(today()), model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/campaigns")
	String open(@Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				RegistrationCampaign created = campaigns.open(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/campaigns/" + created.id();
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(form, model);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/campaigns/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable AgencyKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		RegistrationCampaign campaign = campaigns.get(id);
		RegistrationCampaignState chosen = stateOrAll(state);
		PageQuery query = PageQuery.of(page, 50, sort);
		LocalDate today = today();
		model.addAttribute("campaign", campaign);
		model.addAttribute("today", today);
		model.addAttribute("counts", campaigns.counts(campaign, today));
		model.addAttribute("result",
				campaigns.agencies(campaign, new RegistrationCampaigns.Filter(chosen, q, kind), query, today));
		model.addAttribute("state", chosen == null ? "" : chosen.name().toLowerCase());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("kind", kind);
		model.addAttribute("sort", query.sortParam());
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("states", RegistrationCampaignState.values());
		return "registry/contacts/campaign";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/campaigns/{id}/agencies.csv")
	void export(@PathVariable long id, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable AgencyKind kind, @RequestParam(required = false) String sort,
			HttpServletResponse response) {
		csv.export(id, new RegistrationCampaigns.Filter(stateOrAll(state), q, kind), sort, response);
	}

	/**
	 * A page given an unknown state in its URL shows every state rather than an error.
	 */
	private static @Nullable RegistrationCampaignState stateOrAll(@Nullable String state) {
		try {
			return RegistrationCampaignState.parse(state);
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	private String form(CampaignForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("kinds", Arrays.asList(AgencyKind.values()));
		return "registry/contacts/campaign-form";
	}

	private static LocalDate today() {
		return LocalDate.now(AgencyManagement.ZONE);
	}

}
