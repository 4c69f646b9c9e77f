package vn.khien.platform.web;

import java.time.Duration;
import java.time.Instant;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.security.AccountSecurity;
import vn.khien.platform.security.ApiTokens;

/**
 * The signed-in user's own account: who they are, second factor, password, personal
 * access tokens.
 */
@Controller
@RequestMapping("/account")
class AccountPages {

	static final String PENDING_SECRET = "khien.totp.pending";

	record TotpForm(@Nullable @Size(max = 10) String code) {
	}

	record DisableTotpForm(@Nullable @Size(max = 200) String password, @Nullable @Size(max = 10) String code) {
	}

	record PasswordForm(@NotBlank @Size(max = 200) String currentPassword,
			@NotBlank @Size(max = 200) String newPassword, @NotBlank @Size(max = 200) String confirmPassword) {
	}

	record TokenForm(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(365) Integer days) {
	}

	private final CurrentUser currentUser;

	private final Accounts accounts;

	private final AccountSecurity security;

	private final ApiTokens tokens;

	private final ObjectProvider<AgencyDirectory> directory;

	AccountPages(CurrentUser currentUser, Accounts accounts, AccountSecurity security, ApiTokens tokens,
			ObjectProvider<AgencyDirectory> directory) {
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.security = security;
		this.tokens = tokens;
		this.directory = directory;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	String account(Model model) {
		KhienUser user = currentUser.get();
		var account = accounts.find(user.id()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("agencyLabel", agencyLabel(account.agencyId()));
		model.addAttribute("totpRequirement", security.totpRequirement(user));
		model.addAttribute("activeTokens",
				tokens.personalTokens(user.id()).stream().filter(t -> t.active(Instant.now())).count());
		return "platform/account";
	}

	private @Nullable String agencyLabel(@Nullable Long agencyId) {
		if (agencyId == null) {
			return null;
		}
		AgencyDirectory agencies = directory.getIfAvailable();
		return agencies == null ? "#" + agencyId : agencies.label(agencyId).orElse("#" + agencyId);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/totp")
	String totp(HttpSession session, Model model) {
		model.addAttribute("form", new TotpForm(null));
		model.addAttribute("disableForm", new DisableTotpForm(null, null));
		return totpPage(session, model);
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/totp")
	String enableTotp(@Valid @ModelAttribute("form") TotpForm form, BindingResult errors, HttpSession session,
			Model model, RedirectAttributes redirect) {
		KhienUser user = currentUser.get();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (!errors.hasErrors() && secret != null && !security.totpEnabled(user.id())) {
			try {
				security.enableTotp(user.id(), secret, form.code());
				session.removeAttribute(PENDING_SECRET);
				redirect.addFlashAttribute("message", "account.totp.enabled");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("disableForm", new DisableTotpForm(null, null));
		return totpPage(session, model);
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/totp/disable")
	String disableTotp(@Valid @ModelAttribute("disableForm") DisableTotpForm form, BindingResult errors,
			HttpSession session, Model model, RedirectAttributes redirect) {
		KhienUser user = currentUser.get();
		if (!errors.hasErrors()) {
			try {
				security.disableTotp(user.id(), form.password(), form.code());
				redirect.addFlashAttribute("message", "account.totp.disabled");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("form", new TotpForm(null));
		return totpPage(session, model);
	}

	private String totpPage(HttpSession session, Model model) {
		KhienUser user = currentUser.get();
		boolean enabled = security.totpEnabled(user.id());
		var requirement = security.totpRequirement(user);
		model.addAttribute("enabled", enabled);
		model.addAttribute("required", requirement.required());
		model.addAttribute("requirement", requirement);
		if (!enabled) {
			String secret = (String) session.getAttribute(PENDING_SECRET);
			if (secret == null) {
				secret = security.newSecret();
				session.setAttribute(PENDING_SECRET, secret);
			}
			String uri = security.otpauthUri(user.username(), secret);
			model.addAttribute("secretGrouped", AccountSecurity.grouped(secret));
			model.addAttribute("otpauthUri", uri);
			model.addAttribute("qrCode", QrCode.pngDataUri(uri));
		}
		return "platform/account-totp";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "platform/account-password";
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/password")
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (!errors.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
			errors.rejectValue("confirmPassword", "account.password.mismatch");
		}
		if (!errors.hasErrors()) {
			try {
				security.changePassword(currentUser.get().id(), form.currentPassword(), form.newPassword());
				redirect.addFlashAttribute("message", "account.password.changed");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return "platform/account-password";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/tokens")
	String tokens(Model model) {
		model.addAttribute("form", new TokenForm("", 90));
		return tokensPage(model);
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/tokens")
	String createToken(@Valid @ModelAttribute("form") TokenForm form, BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			var issued = tokens.issue(currentUser.get().id(), ApiTokens.Kind.PERSONAL, form.name().trim(),
					Duration.ofDays(form.days()));
			// NB: shown in this response only; the database keeps a hash
			model.addAttribute("created", issued);
			model.addAttribute("form", new TokenForm("", 90));
		}
		return tokensPage(model);
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(currentUser.get().id(), id);
		redirect.addFlashAttribute("message", "account.tokens.revoked");
		return "redirect:/account/tokens";
	}

	private String tokensPage(Model model) {
		model.addAttribute("tokens", tokens.personalTokens(currentUser.get().id()));
		model.addAttribute("now", Instant.now());
		return "platform/account-tokens";
	}

}
