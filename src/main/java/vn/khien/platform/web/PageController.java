package vn.khien.platform.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.annotation.security.PermitAll;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyFigures;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;
import vn.khien.platform.security.DirectorySettings;

@Controller
class PageController {

	private final CurrentUser currentUser;

	private final List<HomeCards> homeCards;

	private final DirectorySettings directory;

	private final List<AgencyFigures> agencyFigures;

	private final ObjectProvider<AgencyDirectory> agencyDirectory;

	PageController(CurrentUser currentUser, List<HomeCards> homeCards, DirectorySettings directory,
			List<AgencyFigures> agencyFigures, ObjectProvider<AgencyDirectory> agencyDirectory) {
		this.agencyFigures = agencyFigures;
		this.agencyDirectory = agencyDirectory;
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
		// NB: leadership follows the figures; who does the work sees what waits for them
		boolean leader = user.has(Role.LEADERSHIP) && !user.has(Role.ADMIN) && !user.has(Role.PROVINCE_OPERATOR)
				&& !user.has(Role.AGENCY_OFFICER);
		model.addAttribute("cards",
				leader ? List.of()
						: homeCards.stream()
							.flatMap(source -> source.cardsFor(user).stream())
							.sorted(Comparator.comparingInt(HomeCard::order))
							.toList());
		model.addAttribute("standings", leader ? standings() : List.of());
		LocalDate today = LocalDate.now(Formats.ZONE);
		model.addAttribute("due",
				homeCards.stream()
					.flatMap(source -> source.dueFor(user, today, today.plusDays(6)).stream())
					.sorted(Comparator.comparing(HomeCards.Deadline::date))
					.toList());
		return "platform/home";
	}

	/** The figures of the agencies at the top of the user's scope, a few at most. */
	private List<Standing> standings() {
		AgencyDirectory agencies = agencyDirectory.getIfAvailable();
		if (agencies == null) {
			return List.of();
		}
		List<Long> tops = agencies.tops(currentUser.scope()).stream().limit(3).toList();
		Map<Long, List<AgencyFigures.Figure>> figures = AgencyFigures.all(agencyFigures, tops);
		return tops.stream()
			.map(id -> new Standing(id, agencies.label(id).orElse("#" + id), figures.getOrDefault(id, List.of())))
			.toList();
	}

	/** An agency's label and figures, for the leadership's home page. */
	record Standing(long agencyId, String label, List<AgencyFigures.Figure> figures) {
	}

}
