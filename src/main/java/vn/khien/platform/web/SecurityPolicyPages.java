package vn.khien.platform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.platform.Role;
import vn.khien.platform.security.RolePolicies;

/** Which roles must sign in with a second factor. */
@Controller
@RequestMapping("/admin/security")
class SecurityPolicyPages {

	private final RolePolicies policies;

	SecurityPolicyPages(RolePolicies policies) {
		this.policies = policies;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping
	String policies(Model model) {
		model.addAttribute("policies", policies.totpRequired());
		return "platform/admin-security";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping
	String setTotpRequired(@RequestParam Role role, @RequestParam boolean required, RedirectAttributes redirect) {
		policies.setTotpRequired(role, required);
		redirect.addFlashAttribute("message", "common.saved");
		return "redirect:/admin/security";
	}

}
