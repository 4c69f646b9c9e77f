package vn.khien.registry.web;

import java.util.Arrays;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.SubcommitteeRegistry;
import vn.khien.registry.SubcommitteeRole;
import vn.khien.registry.web.SubcommitteePayloads.MemberForm;
import vn.khien.registry.web.SubcommitteePayloads.SubcommitteeForm;

@Controller
class SubcommitteePages {

	private final SubcommitteeRegistry registry;

	private final Agencies agencies;

	SubcommitteePages(SubcommitteeRegistry registry, Agencies agencies) {
		this.registry = registry;
		this.agencies = agencies;
	}

	@PreAuthorize(SubcommitteeApi.READERS)
	@GetMapping("/subcommittee")
	String view(Model model) {
		model.addAttribute("subcommittee", registry.find().orElse(null));
		model.addAttribute("members", registry.members(PageQuery.of(0, PageQuery.MAX_SIZE, "")).items());
		return "registry/contacts/subcommittee";
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@GetMapping("/subcommittee/edit")
	String editForm(Model model) {
		return form(SubcommitteeForm.from(registry.find().orElse(null)), model);
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@PostMapping("/subcommittee")
	String save(@Valid @ModelAttribute("form") SubcommitteeForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				registry.save(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/subcommittee";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return form(form, model);
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@GetMapping("/subcommittee/members/new")
	String newMember(Model model) {
		return memberForm(MemberForm.empty(), null, model);
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@PostMapping("/subcommittee/members")
	String addMember(@Valid @ModelAttribute("form") MemberForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				registry.addMember(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/subcommittee";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return memberForm(form, null, model);
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@GetMapping("/subcommittee/members/{id}/edit")
	String editMember(@PathVariable long id, Model model) {
		return memberForm(MemberForm.from(registry.member(id)), id, model);
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@PostMapping("/subcommittee/members/{id}")
	String updateMember(@PathVariable long id, @Valid @ModelAttribute("form") MemberForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		registry.member(id);
		if (!errors.hasErrors()) {
			try {
				registry.updateMember(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/subcommittee";
			}
			catch (InvalidInputException ex) {
				AgencyPages.reject(errors, ex);
			}
		}
		return memberForm(form, id, model);
	}

	@PreAuthorize(SubcommitteeApi.WRITERS)
	@PostMapping("/subcommittee/members/{id}/delete")
	String removeMember(@PathVariable long id, RedirectAttributes redirect) {
		registry.removeMember(id);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/subcommittee";
	}

	private String form(SubcommitteeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("agencies", pickable());
		return "registry/contacts/subcommittee-form";
	}

	private String memberForm(MemberForm form, @Nullable Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("memberId", id);
		model.addAttribute("roles", Arrays.asList(SubcommitteeRole.values()));
		model.addAttribute("agencies", pickable());
		return "registry/contacts/subcommittee-member-form";
	}

	/** Provincial bodies and departments: where subcommittee members come from. */
	private java.util.List<Agency> pickable() {
		return agencies.all()
			.stream()
			.filter(a -> a.parentId() == null || a.kind() == AgencyKind.PROVINCIAL_BODY
					|| a.kind() == AgencyKind.DEPARTMENT)
			.sorted(Comparator.comparing(Agency::code))
			.toList();
	}

}
