package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.khien.platform.AgencyFigures;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PickerOption;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyHistory;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.RegistrationCampaigns;
import vn.khien.registry.web.AgencyPayloads.AgencyForm;

@Controller
@RequestMapping("/agencies")
class AgencyPages {

	private final Agencies agencies;

	private final AgencyManagement management;

	private final AgencyHistory history;

	private final CurrentUser currentUser;

	private final RenderedForests forests;

	private final List<AgencyFigures> figures;

	private final RegistrationCampaigns campaigns;

	AgencyPages(Agencies agencies, AgencyManagement management, AgencyHistory history, CurrentUser currentUser,
			RenderedForests forests, List<AgencyFigures> figures, RegistrationCampaigns campaigns) {
		this.figures = figures.stream().sorted(java.util.Comparator.comparingInt(AgencyFigures::order)).toList();
		this.campaigns = campaigns;
		this.agencies = agencies;
		this.management = management;
		this.history = history;
		this.currentUser = currentUser;
		this.forests = forests;
	}

	/**
	 * The agency tree: the first levels of what the user may see, or the matches of
	 * {@code q} with the path to them; deeper levels load when a node is opened
	 * ({@link #children}).
	 */
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	String tree(@RequestParam(required = false) String q, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		String text = vn.khien.platform.PageQuery.text("q", q);
		if (text == null) {
			RenderedForests.Forest forest = forests.forest(currentUser.scope(), locale, request, response);
			model.addAttribute("rendered", forest);
			model.addAttribute("matches", null);
			model.addAttribute("total", forest.total());
		}
		else {
			var all = agencies.all();
			TreeNode.Search search = TreeNode.search(all, text);
			model.addAttribute("forest", search.forest());
			model.addAttribute("matches", search.matches());
			model.addAttribute("total", all.size());
		}
		model.addAttribute("q", text == null ? "" : text);
		return "registry/agencies";
	}

	/**
	 * A page of an agency's sub-units, as tree nodes: for the node the user opened
	 * (htmx), or, {@code from} a position, the next ones the user asked for.
	 */
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/children")
	String children(@PathVariable long id, @RequestParam(defaultValue = "0") int from, Model model) {
		agencies.get(id); // 404 when out of scope
		if (from < 0) {
			throw new InvalidInputException("from", "page.page.negative");
		}
		model.addAttribute("parent", TreeNode.childrenOf(agencies.all(), id, from));
		return from == 0 ? "registry/agencies :: children" : "registry/agencies :: more";
	}

	/**
	 * The options of an agency picker ({@code fragments/picker.html}): the agencies in
	 * scope whose code or name contains {@code term}, by code, a screenful at most.
	 */
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/picker")
	String picker(@RequestParam(required = false) String term, Model model) {
		String text = vn.khien.platform.PageQuery.text("term", term);
		var found = agencies.list(new Agencies.Filter(text, null, null, null),
				vn.khien.platform.PageQuery.of(0, PickerOption.SHOWN, "code"));
		return PickerOption.options(found, a -> new PickerOption(String.valueOf(a.id()), a.label()), model);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Agency agency = agencies.get(id);
		model.addAttribute("agency", agency);
		model.addAttribute("parent", agency.parentId() == null ? null : agencies.find(agency.parentId()).orElse(null));
		var children = agencies
			.list(new Agencies.Filter(null, null, null, id), vn.khien.platform.PageQuery.of(0, 500, "name"))
			.items();
		model.addAttribute("children", children);
		List<Long> ids = new ArrayList<>();
		ids.add(id);
		children.forEach(c -> ids.add(c.id()));
		Map<Long, List<AgencyFigures.Figure>> standing = AgencyFigures.all(figures, ids);
		List<String> columns = new ArrayList<>();
		List<String> fragments = new ArrayList<>();
		for (AgencyFigures module : figures) {
			columns.addAll(module.labelKeys());
			if (module.template() != null) {
				fragments.add(module.template());
			}
		}
		model.addAttribute("standing", standing.getOrDefault(id, List.of()));
		model.addAttribute("standingColumns", columns);
		model.addAttribute("childStanding", standing);
		model.addAttribute("standingFragments", fragments);
		model.addAttribute("campaignStandings", campaigns.standingsOf(agency, LocalDate.now(AgencyManagement.ZONE), 3));
		model.addAttribute("history", history.of(id));
		model.addAttribute("mayEdit", currentUser.mayEdit(id));
		return "registry/agency";
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long parent, Model model) {
		return form(AgencyForm.empty(parent), null, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	String create(@Valid @ModelAttribute("form") AgencyForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Agency created = management.create(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/" + created.id();
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return form(form, null, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(AgencyForm.from(agencies.get(id)), id, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") AgencyForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		agencies.get(id);
		if (!errors.hasErrors()) {
			try {
				management.update(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/" + id;
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return form(form, id, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		management.deactivate(id);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/agencies/" + id;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		management.reactivate(id);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/agencies/" + id;
	}

	private String form(AgencyForm form, Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("agencyId", id);
		model.addAttribute("kinds", Arrays.asList(AgencyKind.values()));
		model.addAttribute("parents",
				agencies.all().stream().sorted(java.util.Comparator.comparing(Agency::code)).toList());
		return "registry/agency-form";
	}

	static void reject(BindingResult errors, InvalidInputException ex) {
		if (ex.field() != null) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), ex.messageKey());
		}
		else {
			errors.reject(ex.messageKey(), ex.args(), ex.messageKey());
		}
	}

}
