package vn.khien.platform.web;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.OrganisationDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;
import vn.khien.platform.security.AccountSecurity;

/**
 * User administration for administrators: list, create, edit details and roles, enable,
 * unlock.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

	record NewUserForm(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*") String username,
			@NotBlank @Size(max = 255) String displayName, @Nullable @Email @Size(max = 255) String email,
			@NotBlank @Size(max = 200) String password, @Nullable Set<Role> roles,
			@Nullable @Size(max = 50) String agency, @Nullable Long organisationId) {
	}

	record EditForm(@NotBlank @Size(max = 255) String displayName, @Nullable @Email @Size(max = 255) String email,
			@Nullable @Size(max = 50) String agency, @Nullable Long organisationId) {
	}

	record RolesForm(@Nullable Set<Role> roles) {
	}

	private final Accounts accounts;

	private final UserAdministration administration;

	private final AccountSecurity security;

	private final ObjectProvider<AgencyDirectory> directory;

	private final ObjectProvider<OrganisationDirectory> organisations;

	UserPages(Accounts accounts, UserAdministration administration, AccountSecurity security,
			ObjectProvider<AgencyDirectory> directory, ObjectProvider<OrganisationDirectory> organisations) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.administration = administration;
		this.security = security;
		this.directory = directory;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String sort, Model model) {
		var query = PageQuery.of(page, size, sort);
		model.addAttribute("result", accounts.list(query, q).map(UserPayloads.UserView::from));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", query.sortParam());
		return "platform/users";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new NewUserForm("", "", null, "", EnumSet.noneOf(Role.class), null, null));
		return newPage(model);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		// NB: checked alongside bean validation so that the form shows every problem at
		// once
		Set<Role> roles = form.roles() == null ? Set.of() : form.roles();
		if (roles.isEmpty()) {
			errors.rejectValue("roles", "user.roles.required");
		}
		if (!errors.hasFieldErrors("password")) {
			try {
				AccountSecurity.checkStrength("password", form.password());
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		if (!errors.hasErrors()) {
			try {
				long id = accounts.create(new Accounts.NewAccount(form.username().trim(), form.displayName().trim(),
						UserPayloads.blankToNull(form.email()), form.password(), roles, agencyId(form.agency()),
						form.organisationId()));
				redirect.addFlashAttribute("message", "common.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return newPage(model);
	}

	private String newPage(Model model) {
		if (model.getAttribute("form") instanceof NewUserForm form) {
			choices(model, form.agency(), form.organisationId());
		}
		model.addAttribute("allRoles", Role.values());
		return "platform/user-new";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		var user = administration.get(id);
		model.addAttribute("form",
				new EditForm(user.displayName(), user.email(), agencyInput(user.agencyId()), user.organisationId()));
		model.addAttribute("rolesForm", new RolesForm(user.roles()));
		return detailPage(id, model);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") EditForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		var user = administration.get(id);
		if (!errors.hasErrors()) {
			try {
				administration.update(id, new Accounts.Details(form.displayName().trim(),
						UserPayloads.blankToNull(form.email()), agencyId(form.agency()), form.organisationId()), null);
				redirect.addFlashAttribute("message", "common.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("rolesForm", new RolesForm(user.roles()));
		return detailPage(id, model);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/roles")
	String roles(@PathVariable long id, @ModelAttribute("rolesForm") RolesForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		var user = administration.get(id);
		try {
			Set<Role> roles = form.roles() == null ? Set.of() : form.roles();
			if (roles.isEmpty()) {
				throw new InvalidInputException("roles", "user.roles.required");
			}
			administration.setRoles(id, roles);
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.reject(errors, ex);
		}
		model.addAttribute("form",
				new EditForm(user.displayName(), user.email(), agencyInput(user.agencyId()), user.organisationId()));
		return detailPage(id, model);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		administration.setEnabled(id, true);
		redirect.addFlashAttribute("message", "common.saved");
		return "redirect:/admin/users/" + id;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		try {
			administration.setEnabled(id, false);
			redirect.addFlashAttribute("message", "common.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		administration.get(id);
		accounts.unlock(id);
		redirect.addFlashAttribute("message", "user.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/reset-totp")
	String resetTotp(@PathVariable long id, RedirectAttributes redirect) {
		administration.get(id);
		security.resetTotp(id);
		redirect.addFlashAttribute("message", "user.totpReset");
		return "redirect:/admin/users/" + id;
	}

	private String detailPage(long id, Model model) {
		var user = administration.get(id);
		model.addAttribute("user", UserPayloads.UserView.from(user));
		model.addAttribute("agencyLabel", user.agencyId() == null ? null : agencyLabel(user.agencyId()));
		if (model.getAttribute("form") instanceof EditForm form) {
			choices(model, form.agency(), form.organisationId());
		}
		model.addAttribute("allRoles", Role.values());
		return "platform/user";
	}

	/** An agency code (when the registry offers a directory) or an id. */
	private @Nullable Long agencyId(@Nullable String input) {
		if (input == null || input.isBlank()) {
			return null;
		}
		String value = input.trim();
		if (value.startsWith("#")) {
			value = value.substring(1);
		}
		if (value.matches("[0-9]{1,18}")) {
			long id = Long.parseLong(value);
			AgencyDirectory agencies = directory.getIfAvailable();
			if (agencies != null && agencies.label(id).isEmpty()) {
				throw new InvalidInputException("agency", "user.agency.unknown", input.trim());
			}
			return id;
		}
		AgencyDirectory agencies = directory.getIfAvailable();
		String code = value;
		return (agencies == null ? java.util.Optional.<Long>empty() : agencies.idOfCode(code))
			.orElseThrow(() -> new InvalidInputException("agency", "user.agency.unknown", code));
	}

	private @Nullable String agencyInput(@Nullable Long agencyId) {
		return agencyId == null ? null : agencyId.toString();
	}

	/**
	 * The labels the pickers show for the form's agency and organisation (an agency typed
	 * as a code shows as typed).
	 */
	private void choices(Model model, @Nullable String agency, @Nullable Long organisationId) {
		String value = agency == null ? "" : agency.trim();
		model.addAttribute("agencyChoice", value.matches("[0-9]{1,18}") ? agencyLabel(Long.parseLong(value)) : value);
		OrganisationDirectory names = organisations.getIfAvailable();
		model.addAttribute("organisationChoice", organisationId == null ? ""
				: names == null ? "#" + organisationId : names.name(organisationId).orElse("#" + organisationId));
	}

	private String agencyLabel(long agencyId) {
		AgencyDirectory agencies = directory.getIfAvailable();
		return agencies == null ? "#" + agencyId : agencies.label(agencyId).orElse("#" + agencyId);
	}

}
