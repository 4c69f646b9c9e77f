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

@Controller
class PageController {

	private final CurrentUser currentUser;

	private final List<HomeCards> homeCards;

	PageController(CurrentUser currentUser, List<HomeCards> homeCards) {
		this.currentUser = currentUser;
		this.homeCards = homeCards;
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
		KhienUser user = currentUser.get();
		model.addAttribute("user", user);
		model.addAttribute("cards", homeCards.stream()
			.flatMap(source -> source.cardsFor(user).stream())
			.sorted(Comparator.comparingInt(HomeCard::order))
			.toList());
		return "platform/home";
	}
}
