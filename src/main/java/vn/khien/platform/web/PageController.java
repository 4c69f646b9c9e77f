package vn.khien.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.prepost.PreAuthorize;
import java.util.Comparator;
import java.util.List;

import vn.khien.platform.CurrentUser;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.security.DirectorySettings;

@Controller
class PageController {

	private final CurrentUser currentUser;

	private final List<HomeCards> homeCards;

	private final DirectorySettings directory;

	PageController(CurrentUser currentUser, List<HomeCards> homeCards, DirectorySettings directory) {
		this.currentUser = currentUser;
		this.homeCards = homeCards;
		this.directory = directory;
	}

	static final java.util.Set<String> REFUSALS = java.util.Set.of("noRole", "noAgency", "unknownAgency", "nameTaken",
			"badName");

	@PermitAll
	@GetMapping("/login")
	String login(@RequestParam(required = false) String username, Model model) {
		model.addAttribute("username", username == null ? "" : username);
		model.addAttribute("oidc", directory.oidc().enabled());
		model.addAttribute("oidcLabel", directory.oidc().label());
		model.addAttribute("ldap", directory.ldap().enabled());
		return "platform/login";
	}

	/**
	 * Where the directory vouched for someone whom the mapping does not place: no access,
	 * and why.
	 */
	@PermitAll
	@GetMapping("/login/denied")
	String denied(@RequestParam(required = false) String reason, Model model) {
		model.addAttribute("reason", reason != null && REFUSALS.contains(reason) ? reason : "other");
		return "platform/login-denied";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/")
	String home(Model model) {
		KhienUser user = currentUser.get();
		model.addAttribute("user", user);
		model.addAttribute("cards",
				homeCards.stream()
					.flatMap(source -> source.cardsFor(user).stream())
					.sorted(Comparator.comparingInt(HomeCard::order))
					.toList());
		return "platform/home";
	}

}
