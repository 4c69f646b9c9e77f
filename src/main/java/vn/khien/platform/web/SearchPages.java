package vn.khien.platform.web;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khien.platform.PageQuery;
import vn.khien.platform.SiteSearch;

/** The menu bar's search: what each module finds for the text, a few of each kind. */
@Controller
class SearchPages {

	static final int SHOWN = 10;

	private final List<SiteSearch> modules;

	SearchPages(List<SiteSearch> modules) {
		this.modules = modules;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/search")
	String search(@RequestParam(required = false) @Nullable String q, Model model) {
		String text = PageQuery.text("q", q);
		List<SiteSearch.Group> groups = text == null ? List.of()
				: modules.stream()
					.flatMap(m -> m.search(text, SHOWN).stream())
					.sorted(Comparator.comparingInt(SiteSearch.Group::order))
					.toList();
		model.addAttribute("q", text == null ? "" : text);
		model.addAttribute("groups", groups);
		model.addAttribute("found", groups.stream().anyMatch(g -> !g.hits().isEmpty()));
		return "platform/search";
	}

}
