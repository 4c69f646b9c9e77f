package vn.khien.registry.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.Reorganisations;

/** The "Tổ chức lại" pages: list, detail, merge form and split form. */
@Controller
@RequestMapping("/agencies/reorganisations")
class ReorgPages {

	/**
	 * Codes are typed, not picked from 800 options; several separated by commas, spaces
	 * or new lines.
	 */
	record MergeForm(@Nullable @Size(max = 5000) String sourceCodes, @Nullable @Size(max = 50) String successorCode,
			@Nullable @Size(max = 50) String newCode, @Nullable @Size(max = 255) String newName,
			@Nullable AgencyKind newKind, @Nullable @Size(max = 50) String newParentCode,
			@Nullable @Size(max = 20) String effectiveDate,
			@Nullable @Size(max = Reorganisations.MAX_NOTE) String note) {
	}

	record SplitForm(@Nullable @Size(max = 50) String sourceCode, @Nullable @Size(max = 5000) String targetCodes,
			@Nullable @Size(max = 50) String newCode1, @Nullable @Size(max = 255) String newName1,
			@Nullable AgencyKind newKind1, @Nullable @Size(max = 50) String newCode2,
			@Nullable @Size(max = 255) String newName2, @Nullable AgencyKind newKind2,
			@Nullable @Size(max = 50) String newCode3, @Nullable @Size(max = 255) String newName3,
			@Nullable AgencyKind newKind3, @Nullable @Size(max = 50) String newParentCode,
			@Nullable @Size(max = 50) String recordsCode, @Nullable @Size(max = 20) String effectiveDate,
			@Nullable @Size(max = Reorganisations.MAX_NOTE) String note) {
	}

	private static final Map<String, String> MERGE_FIELDS = Map.of("sourceIds", "sourceCodes", "successorId",
			"successorCode", "newSuccessor", "newCode", "newSuccessor.parentId", "newParentCode", "effectiveDate",
			"effectiveDate", "note", "note");

	private static final Map<String, String> SPLIT_FIELDS = Map.of("sourceIds", "sourceCode", "targets", "targetCodes",
			"recordsTo", "recordsCode", "effectiveDate", "effectiveDate", "note", "note");

	private final Reorganisations reorganisations;

	private final Agencies agencies;

	ReorgPages(Reorganisations reorganisations, Agencies agencies) {
		this.reorganisations = reorganisations;
		this.agencies = agencies;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	String list(@RequestParam(required = false) Reorganisations.Kind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		model.addAttribute("result", reorganisations.list(null, kind, PageQuery.of(page, size, sort)));
		model.addAttribute("kind", kind);
		model.addAttribute("sort", sort == null ? "" : sort);
		return "registry/reorg/list";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("r", reorganisations.get(id));
		return "registry/reorg/detail";
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@GetMapping("/merge")
	String mergeForm(@RequestParam(required = false) Long source, Model model) {
		String code = source == null ? null : agencies.get(source).code();
		return merge(new MergeForm(code, null, null, null, AgencyKind.COMMUNE, null, null, null), model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/merge")
	String merge(@Valid @ModelAttribute("form") MergeForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				List<Long> sources = new ArrayList<>();
				for (String code : codes(form.sourceCodes())) {
					sources.add(byCode("sourceCodes", code));
				}
				Long successor = blank(form.successorCode()) ? null : byCode("successorCode", form.successorCode());
				Reorganisations.NewAgency created = null;
				if (!blank(form.newCode()) || !blank(form.newName())) {
					Long parent = blank(form.newParentCode()) ? defaultParent(sources)
							: byCode("newParentCode", form.newParentCode());
					created = new Reorganisations.NewAgency(trim(form.newCode()), trim(form.newName()), form.newKind(),
							parent);
				}
				var done = reorganisations.merge(new Reorganisations.Merge(sources, successor, created,
						Reorganisations.parseDate(form.effectiveDate()), form.note()));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/reorganisations/" + done.id();
			}
			catch (InvalidInputException ex) {
				reject(errors, ex, MERGE_FIELDS);
			}
		}
		return merge(form, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@GetMapping("/split")
	String splitForm(@RequestParam(required = false) Long source, Model model) {
		String code = source == null ? null : agencies.get(source).code();
		return split(new SplitForm(code, null, null, null, AgencyKind.COMMUNE, null, null, AgencyKind.COMMUNE, null,
				null, AgencyKind.COMMUNE, null, null, null, null), model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/split")
	String split(@Valid @ModelAttribute("form") SplitForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				if (blank(form.sourceCode())) {
					throw new InvalidInputException("sourceCode", "reorg.split.sourceRequired");
				}
				long source = byCode("sourceCode", form.sourceCode());
				Long parent = blank(form.newParentCode()) ? agencies.get(source).parentId()
						: byCode("newParentCode", form.newParentCode());
				List<Reorganisations.Target> targets = new ArrayList<>();
				List<String> targetCodes = new ArrayList<>();
				for (String code : codes(form.targetCodes())) {
					targets.add(new Reorganisations.Target(byCode("targetCodes", code), null));
					targetCodes.add(code);
				}
				String[][] created = { { form.newCode1(), form.newName1(), kind(form.newKind1()) },
						{ form.newCode2(), form.newName2(), kind(form.newKind2()) },
						{ form.newCode3(), form.newName3(), kind(form.newKind3()) } };
				for (String[] row : created) {
					if (!blank(row[0]) || !blank(row[1])) {
						targets.add(new Reorganisations.Target(null, new Reorganisations.NewAgency(trim(row[0]),
								trim(row[1]), row[2] == null ? null : AgencyKind.valueOf(row[2]), parent)));
						targetCodes.add(trim(row[0]));
					}
				}
				int recordsTo = 0;
				if (!blank(form.recordsCode())) {
					recordsTo = targetCodes.indexOf(form.recordsCode().trim());
					if (recordsTo < 0) {
						throw new InvalidInputException("recordsTo", "reorg.split.recordsTo");
					}
				}
				var done = reorganisations.split(new Reorganisations.Split(source, targets, recordsTo,
						Reorganisations.parseDate(form.effectiveDate()), form.note()));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/agencies/reorganisations/" + done.id();
			}
			catch (InvalidInputException ex) {
				reject(errors, ex, SPLIT_FIELDS);
			}
		}
		return split(form, model);
	}

	private String merge(MergeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("kinds", Arrays.asList(AgencyKind.values()));
		return "registry/reorg/merge";
	}

	/** One row of the "new successors" inputs. */
	record NewTargetRow(int index, @Nullable String code, @Nullable String name, @Nullable AgencyKind kind) {
	}

	private String split(SplitForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("newTargets",
				List.of(new NewTargetRow(1, form.newCode1(), form.newName1(), form.newKind1()),
						new NewTargetRow(2, form.newCode2(), form.newName2(), form.newKind2()),
						new NewTargetRow(3, form.newCode3(), form.newName3(), form.newKind3())));
		model.addAttribute("kinds", Arrays.asList(AgencyKind.values()));
		return "registry/reorg/split";
	}

	private @Nullable Long defaultParent(List<Long> sources) {
		return sources.isEmpty() ? null : agencies.get(sources.get(0)).parentId();
	}

	private long byCode(String field, String code) {
		return agencies.findByCode(code.trim())
			.map(Agency::id)
			.orElseThrow(() -> new InvalidInputException(field, "reorg.agency.unknownCode", code.trim()));
	}

	private static List<String> codes(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.trim().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	private static @Nullable String kind(@Nullable AgencyKind kind) {
		return kind == null ? null : kind.name();
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.trim();
	}

	private static void reject(BindingResult errors, InvalidInputException ex, Map<String, String> fields) {
		String field = ex.field() == null ? null
				: fields.containsValue(ex.field()) ? ex.field() : fields.get(ex.field());
		if (field != null) {
			errors.rejectValue(field, ex.messageKey(), ex.args(), ex.messageKey());
		}
		else {
			errors.reject(ex.messageKey(), ex.args(), ex.messageKey());
		}
	}

}
