package vn.khien.inventory.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
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
import vn.khien.inventory.DataClassification;
import vn.khien.inventory.Hosting;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.ProductOrigin;
import vn.khien.inventory.PublicServiceLevel;
import vn.khien.inventory.StateSecretGrade;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.SystemProducts;
import vn.khien.inventory.Systems;
import vn.khien.inventory.web.SystemPayloads.ProductForm;
import vn.khien.inventory.web.SystemPayloads.ProductView;
import vn.khien.inventory.web.SystemPayloads.SystemForm;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.PickerOption;
import vn.khien.platform.AgencyDirectory;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

@Controller
@RequestMapping("/systems")
class SystemPages {

	private final Systems systems;

	private final SystemManagement management;

	private final SystemProducts products;

	private final Agencies agencies;

	private final AgencyDirectory directory;

	private final SystemCsv csv;

	SystemPages(Systems systems, SystemManagement management, SystemProducts products, Agencies agencies, SystemCsv csv,
			AgencyDirectory directory) {
		this.directory = directory;
		this.systems = systems;
		this.management = management;
		this.products = products;
		this.agencies = agencies;
		this.csv = csv;
	}

	@PreAuthorize(SystemApi.READERS)
	@GetMapping
	String list(@ModelAttribute("params") SystemListParams params, BindingResult binding, Model model) {
		refuseBadValues(binding);
		PageResult<InformationSystem> result;
		try {
			result = systems.list(params.filter(agencies), params.pageQuery());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("filterError", ex);
			result = new PageResult<>(List.of(), 0, params.pageQuery().size(), 0);
		}
		model.addAttribute("result", result);
		model.addAttribute("editable",
				result.items()
					.stream()
					.filter(systems::mayEdit)
					.map(InformationSystem::id)
					.collect(Collectors.toSet()));
		model.addAttribute("labels", AgencyLabels.of(directory));
		model.addAttribute("lifecycles", SystemLifecycle.values());
		return "inventory/systems/list";
	}

	@PreAuthorize(SystemApi.READERS)
	@GetMapping("/export.csv")
	void export(@ModelAttribute SystemListParams params, BindingResult binding, HttpServletResponse response)
			throws IOException {
		refuseBadValues(binding);
		csv.write(params, response);
	}

	/**
	 * A filter value edited in the address that is not of its type: a 400 page naming it,
	 * not a 500.
	 */
	private static void refuseBadValues(BindingResult binding) {
		var error = binding.getFieldError();
		if (error != null) {
			throw new InvalidInputException(error.getField(), "error.parameter", error.getField(),
					String.valueOf(error.getRejectedValue()));
		}
	}

	/**
	 * The options of a system picker ({@code fragments/picker.html}): the systems the
	 * user sees whose code or name contains {@code term}, by code, a screenful at most.
	 */
	@PreAuthorize(SystemApi.READERS)
	@GetMapping("/picker")
	String picker(@RequestParam(required = false) @Nullable String term, Model model) {
		var found = systems.list(
				new Systems.Filter(PageQuery.text("term", term), null, null, null, null, null, null, null, null),
				PageQuery.of(0, PickerOption.SHOWN, "code"));
		return PickerOption.options(found, s -> new PickerOption(String.valueOf(s.id()), s.code() + " — " + s.name()),
				model);
	}

	@PreAuthorize(SystemApi.READERS)
	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		return detail(id, ProductForm.empty(), null, model);
	}

	@PreAuthorize(SystemApi.WRITERS)
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) @Nullable Long owner, Model model) {
		return form(SystemForm.empty(owner), null, model);
	}

	@PreAuthorize(SystemApi.WRITERS)
	@PostMapping
	String create(@Valid @ModelAttribute("form") SystemForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				InformationSystem created = management.create(form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/systems/" + created.id();
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return form(form, null, model);
	}

	@PreAuthorize(SystemApi.WRITERS)
	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		return form(SystemForm.from(editable(id)), id, model);
	}

	@PreAuthorize(SystemApi.WRITERS)
	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") SystemForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		editable(id);
		if (!errors.hasErrors()) {
			try {
				management.update(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/systems/" + id;
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return form(form, id, model);
	}

	@PreAuthorize(SystemApi.WRITERS)
	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		editable(id);
		if (management.delete(id) == SystemManagement.Removal.RETIRED) {
			redirect.addFlashAttribute("retired", true);
			return "redirect:/systems/" + id;
		}
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/systems";
	}

	@PreAuthorize(SystemApi.WRITERS)
	@PostMapping("/{id}/products")
	String addProduct(@PathVariable long id, @Valid @ModelAttribute("productForm") ProductForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		editable(id);
		if (!errors.hasErrors()) {
			try {
				products.add(id, form.details());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/systems/" + id + "#products";
			}
			catch (InvalidInputException ex) {
				reject(errors, ex);
			}
		}
		return detail(id, form, null, model);
	}

	@PreAuthorize(SystemApi.WRITERS)
	@PostMapping("/{id}/products/{productId}/delete")
	String removeProduct(@PathVariable long id, @PathVariable long productId, RedirectAttributes redirect) {
		editable(id);
		products.remove(id, productId);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/systems/" + id + "#products";
	}

	@PreAuthorize(SystemApi.WRITERS)
	@PostMapping("/{id}/users")
	String setUsers(@PathVariable long id, @RequestParam(defaultValue = "") String agencies, Model model,
			RedirectAttributes redirect) {
		editable(id);
		List<String> keys = Arrays.stream(agencies.split("[,;\\s]+")).filter(k -> !k.isBlank()).toList();
		try {
			management.setUserAgencies(id, SystemApi.resolveAgencies(this.agencies, keys));
		}
		catch (InvalidInputException ex) {
			return detail(id, ProductForm.empty(), new UsersInput(agencies, ex), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/systems/" + id + "#users";
	}

	/** What was typed into the user agencies field, with the reason it was refused. */
	public record UsersInput(String text, InvalidInputException error) {
	}

	private String detail(long id, ProductForm productForm, @Nullable UsersInput usersInput, Model model) {
		InformationSystem system = systems.get(id);
		AgencyLabels labels = AgencyLabels.of(directory);
		List<Long> users = systems.userAgencyIds(id);
		model.addAttribute("system", system);
		model.addAttribute("labels", labels);
		model.addAttribute("users", users);
		model.addAttribute("usersText",
				usersInput != null ? usersInput.text()
						: users.stream()
							.map(u -> agencies.find(u).map(Agency::code).orElse(String.valueOf(u)))
							.collect(Collectors.joining(", ")));
		model.addAttribute("usersError", usersInput == null ? null : usersInput.error());
		model.addAttribute("hostCount", systems.hostCount(id));
		model.addAttribute("products", products.of(id).stream().map(p -> ProductView.from(system, p)).toList());
		model.addAttribute("mayEdit", systems.mayEdit(system));
		if (!model.containsAttribute("productForm")) {
			model.addAttribute("productForm", productForm);
		}
		model.addAttribute("origins", ProductOrigin.values());
		return "inventory/systems/detail";
	}

	/**
	 * 404 when not visible, 403 when visible read-only (a user agency of a shared
	 * system).
	 */
	private InformationSystem editable(long id) {
		InformationSystem system = systems.get(id);
		if (!systems.mayEdit(system)) {
			throw new AccessDeniedException("read-only system " + id);
		}
		return system;
	}

	private String form(SystemForm form, @Nullable Long id, Model model) {
		List<Agency> all = agencies.all().stream().sorted(Comparator.comparing(Agency::code)).toList();
		model.addAttribute("form", form);
		model.addAttribute("systemId", id);
		model.addAttribute("owners", all);
		model.addAttribute("lifecycles", SystemLifecycle.values());
		model.addAttribute("hostings", Hosting.values());
		model.addAttribute("serviceLevels", PublicServiceLevel.values());
		model.addAttribute("classifications", DataClassification.values());
		model.addAttribute("secretGrades", StateSecretGrade.values());
		model.addAttribute("monitoringKinds", MonitoringKind.values());
		return "inventory/systems/form";
	}

	static void reject(BindingResult errors, InvalidInputException ex) {
		if (ex.field() != null) {
			try {
				errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), ex.messageKey());
				return;
			}
			catch (org.springframework.beans.NotReadablePropertyException ignored) {
				// NB: a field the form does not show: report it above the form instead
			}
		}
		errors.reject(ex.messageKey(), ex.args(), ex.messageKey());
	}

}
