package vn.khien.registry.web;

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

import jakarta.validation.Valid;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.SecurityStaffing;
import vn.khien.registry.web.SecurityStaffPayloads.NeededForm;
import vn.khien.registry.web.SecurityStaffPayloads.StaffForm;

@Controller
class SecurityStaffPages {

	private final SecurityStaffing staffing;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	SecurityStaffPages(SecurityStaffing staffing, Agencies agencies, CurrentUser currentUser) {
		this.staffing = staffing;
		this.agencies = agencies;
		this.currentUser = currentUser;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/staff")
	String ofAgency(@PathVariable long id, Model model) {
		var headcount = staffing.headcount(id);
		return page(agencies.get(id), new NeededForm(headcount.needed()), model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/staff/needed")
	String setNeeded(@PathVariable long id, @Valid @ModelAttribute("needed") NeededForm needed, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Agency agency = editable(id);
		if (errors.hasErrors()) {
			return page(agency, needed, model);
		}
		staffing.setNeeded(id, needed.needed());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/agencies/" + id + "/staff";
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@GetMapping("/agencies/{id}/staff/new")
	String newForm(@PathVariable long id, Model model) {
		return form(editable(id), StaffForm.empty(), null, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/staff")
	String add(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Agency agency = editable(id);
		if (!errors.hasErrors()) {
			try {
				staffing.add(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/" + id + "/staff";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(agency, form, null, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@GetMapping("/agencies/{id}/staff/{staffId}/edit")
	String editForm(@PathVariable long id, @PathVariable long staffId, Model model) {
		Agency agency = editable(id);
		return form(agency, StaffForm.from(staffing.get(id, staffId)), staffId, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/staff/{staffId}")
	String update(@PathVariable long id, @PathVariable long staffId, @Valid @ModelAttribute("form") StaffForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Agency agency = editable(id);
		staffing.get(id, staffId);
		if (!errors.hasErrors()) {
			try {
				staffing.update(id, staffId, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/" + id + "/staff";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(agency, form, staffId, model);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/staff/{staffId}/delete")
	String remove(@PathVariable long id, @PathVariable long staffId, RedirectAttributes redirect) {
		staffing.remove(id, staffId);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/agencies/" + id + "/staff";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/staff/gaps")
	String gaps(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		PageQuery query = PageQuery.of(page, 50, sort);
		model.addAttribute("result", staffing.gaps(q, query));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", query.sortParam());
		return "registry/contacts/staff-gaps";
	}

	private String page(Agency agency, NeededForm needed, Model model) {
		model.addAttribute("agency", agency);
		model.addAttribute("headcount", staffing.headcount(agency.id()));
		model.addAttribute("people", staffing.staff(agency.id()));
		model.addAttribute("needed", needed);
		model.addAttribute("mayEdit", currentUser.mayEdit(agency.id()));
		return "registry/contacts/agency-staff";
	}

	private String form(Agency agency, StaffForm form, @Nullable Long staffId, Model model) {
		model.addAttribute("agency", agency);
		model.addAttribute("form", form);
		model.addAttribute("staffId", staffId);
		return "registry/contacts/staff-form";
	}

	private Agency editable(long id) {
		Agency agency = agencies.get(id);
		if (!currentUser.mayEdit(id)) {
			throw new NotFoundException("agency", id);
		}
		return agency;
	}

}
