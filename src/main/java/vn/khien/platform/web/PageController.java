package vn.khien.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.prepost.PreAuthorize;
import vn.khien.platform.CurrentUser;

@Controller
class PageController {

	private final CurrentUser currentUser;

	PageController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@PermitAll
	@GetMapping("/login")
	String login(@RequestParam(required = false) String username, Model model) {
		model.addAttribute("username", username == null ? "" : username);
		return "platform/login";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("user", currentUser.get());
		return "platform/home";
	}
}
