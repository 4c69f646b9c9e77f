package vn.khien.inventory.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
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

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.khien.inventory.Asset;
import vn.khien.inventory.AssetManagement;
import vn.khien.inventory.Assets;
import vn.khien.inventory.Coverage;
import vn.khien.inventory.CoverageSettings;
import vn.khien.inventory.Systems;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.inventory.web.AssetPayloads.AssetForm;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CsvExport;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

@Controller
@RequestMapping("/assets")
class AssetPages {

	/** Hosts an export looks up the anti-malware states of at once. */
	private static final int EXPORT_CHUNK = 1000;

	private final Assets assets;

	private final AssetManagement management;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	private final AgencyDirectory directory;

	private final Coverage coverage;

	private final CoverageSettings coverageSettings;

	private final Systems systems;

	AssetPages(Assets assets, AssetManagement management, Agencies agencies, CurrentUser currentUser,
			AgencyDirectory directory, Coverage coverage, CoverageSettings coverageSettings, Systems systems) {
		this.assets = assets;
		this.management = management;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.directory = directory;
		this.coverage = coverage;
		this.coverageSettings = coverageSettings;
		this.systems = systems;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable AssetKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var query = PageQuery.of(page, size, sort);
		var result = assets.list(new Assets.Filter(q, agency, system, kind), query);
		model.addAttribute("result", result);
		// NB: a second lookup by the page's ids keeps the paged query's plan as it is
		model.addAttribute("states", coverage.states(result.items().stream().map(Asset::id).toList()));
		model.addAttribute("coverageReaders", CoverageApi.READERS);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("agency", agency);
		model.addAttribute("system", system);
		model.addAttribute("kind", kind);
		model.addAttribute("sort", query.sortParam());
		model.addAttribute("labels", AgencyLabels.of(directory));
		addChoices(model, agency, system);
		return "inventory/assets/list";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable AssetKind kind, HttpServletResponse response) {
		Map<Long, String> systemCodes = assets.systems()
			.stream()
			.collect(Collectors.toMap(Assets.SystemChoice::id, Assets.SystemChoice::code));
		Map<Long, String> agencyCodes = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::code));
		// The columns of the import format (plus the agency), so an export can be
		// corrected and imported again; then the anti-malware state, as codes.
		try (CsvExport csv = CsvExport.to(response, "assets.csv", List.of("kind", "hostname", "addresses", "mac", "os",
				"url", "system", "agency", "protection", "reason"))) {
			List<Asset> chunk = new ArrayList<>();
			Runnable flush = () -> {
				Map<Long, Coverage.HostState> states = coverage.states(chunk.stream().map(Asset::id).toList());
				for (Asset a : chunk) {
					Coverage.HostState state = states.get(a.id());
					Coverage.Protection protection = state == null ? null : state.protection();
					csv.row(a.kind().name(), a.hostname(), String.join(" ", a.addresses()), a.mac(), a.os(), a.url(),
							a.systemId() == null ? null : systemCodes.get(a.systemId()), agencyCodes.get(a.agencyId()),
							protection == null ? null : protection.name(),
							state == null || state.reason() == null ? null : state.reason().name());
				}
				chunk.clear();
			};
			// states are looked up a chunk of hosts at a time, never a host at a time
			assets.forEach(new Assets.Filter(q, agency, system, kind), a -> {
				chunk.add(a);
				if (chunk.size() == EXPORT_CHUNK) {
					flush.run();
				}
			});
			flush.run();
		}
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Asset asset = assets.get(id);
		model.addAttribute("asset", asset);
		model.addAttribute("ports", assets.ports(id));
		model.addAttribute("agencyOf", agencies.find(asset.agencyId()).orElse(null));
		// a system the user sees as owner or user agency; none when it is out of sight
		model.addAttribute("systemOf", asset.systemId() == null ? null : systems.find(asset.systemId()).orElse(null));
		model.addAttribute("state", coverage.states(List.of(id)).get(id));
		model.addAttribute("maxAge", coverageSettings.maxSignatureAgeDays());
		model.addAttribute("coverageReaders", CoverageApi.READERS);
		model.addAttribute("mayEdit", mayWrite() && currentUser.mayEdit(asset.agencyId()));
		assets.leftBehind(id).ifPresent(left -> {
			model.addAttribute("leftBehind", left);
			model.addAttribute("successorOf", agencies.find(left.successorAgencyId()).orElse(null));
		});
		return "inventory/assets/detail";
	}

	@PreAuthorize(AssetApi.WRITERS)
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) @Nullable Long agency, Model model) {
		Long defaultAgency = agency != null ? agency : currentUser.get().agencyId();
		return form(AssetForm.empty(defaultAgency), null, model);
	}

	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping
	String create(@Valid @ModelAttribute("form") AssetForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Asset created = management.create(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/assets/" + created.id();
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return form(form, null, model);
	}

	@PreAuthorize(AssetApi.WRITERS)
	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(AssetForm.from(assets.get(id)), id, model);
	}

	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") AssetForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		assets.get(id);
		if (!errors.hasErrors()) {
			try {
				management.update(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/assets/" + id;
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return form(form, id, model);
	}

	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		management.delete(id);
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/assets";
	}

	private boolean mayWrite() {
		var user = currentUser.get();
		return user.has(vn.khien.platform.Role.ADMIN) || user.has(vn.khien.platform.Role.PROVINCE_OPERATOR)
				|| user.has(vn.khien.platform.Role.AGENCY_OFFICER);
	}

	private String form(AssetForm form, @Nullable Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("assetId", id);
		addChoices(model, form.agencyId(), form.systemId());
		return "inventory/assets/form";
	}

	/**
	 * The choices of the filter bar and the form; the agency and system pickers show the
	 * chosen one only.
	 */
	private void addChoices(Model model, @Nullable Long agency, @Nullable Long system) {
		model.addAttribute("kinds", Arrays.asList(AssetKind.values()));
		model.addAttribute("agencyLabel", agency == null ? "" : agencies.find(agency).map(Agency::label).orElse(""));
		model.addAttribute("systemLabel",
				system == null ? "" : systems.find(system).map(s -> s.code() + " — " + s.name()).orElse(""));
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
