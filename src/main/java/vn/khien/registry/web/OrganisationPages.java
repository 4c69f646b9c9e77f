package vn.khien.registry.web;

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

import jakarta.validation.Valid;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PickerOption;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;
import vn.khien.registry.Organisations;
import vn.khien.registry.web.OrganisationPayloads.ContactForm;
import vn.khien.registry.web.OrganisationPayloads.OrganisationForm;

@Controller
class OrganisationPages {

	private final Organisations organisations;

	OrganisationPages(Organisations organisations) {
		this.organisations = organisations;
	}

	@PreAuthorize(OrganisationApi.READERS)
	@GetMapping("/organisations")
	String list(@RequestParam(required = false) @Nullable OrganisationKind kind,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		PageQuery query = PageQuery.of(page, 50, sort);
		model.addAttribute("result", organisations.list(new Organisations.Filter(kind, q, null), query));
		model.addAttribute("kind", kind);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", query.sortParam());
		model.addAttribute("kinds", OrganisationKind.values());
		return "registry/contacts/organisations";
	}

	/**
	 * The options of an organisation picker ({@code fragments/picker.html}): those whose
	 * name contains {@code term}, a screenful at most.
	 */
	@PreAuthorize(OrganisationApi.READERS)
	@GetMapping("/organisations/picker")
	String picker(@RequestParam(required = false) @Nullable String term, Model model) {
		var found = organisations.list(new Organisations.Filter(null, PageQuery.text("term", term), null),
				PageQuery.of(0, PickerOption.SHOWN, "name"));
		return PickerOption.options(found, o -> new PickerOption(String.valueOf(o.id()), o.name()), model);
	}

	@PreAuthorize(OrganisationApi.READERS)
	@GetMapping("/organisations/{id}")
	String detail(@PathVariable long id, Model model) {
		return detail(organisations.get(id), ContactForm.empty(), model);
	}

	@PreAuthorize(OrganisationApi.WRITERS)
	@GetMapping("/organisations/new")
	String newForm(Model model) {
		return form(OrganisationForm.empty(), null, model);
	}

	@PreAuthorize(OrganisationApi.WRITERS)
	@PostMapping("/organisations")
	String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Organisation created = organisations.create(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/organisations/" + created.id();
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(form, null, model);
	}

	@PreAuthorize(OrganisationApi.WRITERS)
	@GetMapping("/organisations/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(OrganisationForm.from(organisations.get(id)), id, model);
	}

	@PreAuthorize(OrganisationApi.WRITERS)
	@PostMapping("/organisations/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		organisations.get(id);
		if (!errors.hasErrors()) {
			try {
				organisations.update(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/organisations/" + id;
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(form, id, model);
	}

	@PreAuthorize(OrganisationApi.WRITERS)
	@PostMapping("/organisations/{id}/contacts")
	String addContact(@PathVariable long id, @Valid @ModelAttribute("contact") ContactForm contact,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Organisation organisation = organisations.get(id);
		if (errors.hasErrors()) {
			return detail(organisation, contact, model);
		}
		organisations.addContact(id, contact.details());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/organisations/" + id;
	}

	@PreAuthorize(OrganisationApi.WRITERS)
	@PostMapping("/organisations/{id}/contacts/{contactId}/delete")
	String removeContact(@PathVariable long id, @PathVariable long contactId, RedirectAttributes redirect) {
		organisations.removeContact(id, contactId);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/organisations/" + id;
	}

	private String detail(Organisation organisation, ContactForm contact, Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("contact", contact);
		return "registry/contacts/organisation";
	}

	private String form(OrganisationForm form, @Nullable Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("organisationId", id);
		model.addAttribute("kinds", Arrays.asList(OrganisationKind.values()));
		model.addAttribute("statuses", Arrays.asList(OrganisationStatus.values()));
		return "registry/contacts/organisation-form";
	}

}
