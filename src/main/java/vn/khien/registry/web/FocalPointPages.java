package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

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
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.FocalPoint;
import vn.khien.registry.FocalPointDuty;
import vn.khien.registry.FocalPoints;
import vn.khien.registry.RegistrationCampaigns;
import vn.khien.registry.web.FocalPointPayloads.FocalPointForm;

@Controller
class FocalPointPages {

	private final FocalPoints focalPoints;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	private final FocalPointChanges changes;

	private final RegistrationCampaigns campaigns;

	private final FocalPointCsv csv;

	FocalPointPages(FocalPoints focalPoints, Agencies agencies, CurrentUser currentUser, FocalPointChanges changes,
			RegistrationCampaigns campaigns, FocalPointCsv csv) {
		this.csv = csv;
		this.focalPoints = focalPoints;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.changes = changes;
		this.campaigns = campaigns;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/focal-points")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable FocalPointDuty duty, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		PageQuery query = PageQuery.of(page, 50, sort);
		model.addAttribute("result", focalPoints.list(new FocalPoints.Filter(null, duty, q), query));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("duty", duty);
		model.addAttribute("sort", query.sortParam());
		model.addAttribute("duties", FocalPointDuty.values());
		return "registry/contacts/focal-points";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/focal-points/export.csv")
	void export(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable FocalPointDuty duty,
			@RequestParam(required = false) @Nullable String sort, Locale locale, HttpServletResponse response) {
		csv.write(PageQuery.text("q", q), duty, sort, locale, response);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/focal-points")
	String ofAgency(@PathVariable long id, Model model) {
		Agency agency = agencies.get(id);
		model.addAttribute("agency", agency);
		model.addAttribute("focalPoints", focalPoints.ofAgency(id));
		model.addAttribute("history", changes.rows(focalPoints.history(id)));
		model.addAttribute("standings", campaigns.standingsOf(agency, LocalDate.now(AgencyManagement.ZONE), 3));
		model.addAttribute("mayEdit", mayEdit(id));
		return "registry/contacts/agency-focal-points";
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@GetMapping("/agencies/{id}/focal-points/new")
	String newForm(@PathVariable long id, Model model) {
		return form(editableAgency(id), FocalPointForm.empty(id), null, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/focal-points")
	String create(@PathVariable long id, @Valid @ModelAttribute("form") FocalPointForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Agency agency = editableAgency(id);
		if (!errors.hasErrors()) {
			try {
				focalPoints.create(form.details(id));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/" + id + "/focal-points";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(agency, form, null, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@GetMapping("/focal-points/{fid}/edit")
	String editForm(@PathVariable long fid, Model model) {
		FocalPoint focalPoint = focalPoints.get(fid);
		return form(editableAgency(focalPoint.agencyId()), FocalPointForm.from(focalPoint), fid, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/focal-points/{fid}")
	String update(@PathVariable long fid, @Valid @ModelAttribute("form") FocalPointForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		FocalPoint focalPoint = focalPoints.get(fid);
		Agency agency = editableAgency(focalPoint.agencyId());
		if (!errors.hasErrors()) {
			try {
				focalPoints.update(fid, form.details(agency.id()));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/" + agency.id() + "/focal-points";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(agency, form, fid, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/focal-points/{fid}/retire")
	String retire(@PathVariable long fid, RedirectAttributes redirect) {
		long agencyId = focalPoints.get(fid).agencyId();
		focalPoints.retire(fid);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/agencies/" + agencyId + "/focal-points";
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/focal-points/confirm")
	String confirm(@PathVariable long id, RedirectAttributes redirect) {
		try {
			focalPoints.confirm(id);
			redirect.addFlashAttribute("confirmed", true);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/agencies/" + id + "/focal-points";
	}

	private String form(Agency agency, FocalPointForm form, @Nullable Long fid, Model model) {
		model.addAttribute("agency", agency);
		model.addAttribute("form", form);
		model.addAttribute("focalPointId", fid);
		model.addAttribute("duties", Arrays.asList(FocalPointDuty.values()));
		return "registry/contacts/focal-point-form";
	}

	private Agency editableAgency(long id) {
		Agency agency = agencies.get(id);
		if (!mayEdit(id)) {
			throw new vn.khien.platform.NotFoundException("agency", id);
		}
		return agency;
	}

	private boolean mayEdit(long agencyId) {
		return currentUser.mayEdit(agencyId);
	}

}
