package vn.khien.incident.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.incident.Advisories;
import vn.khien.incident.Advisory;
import vn.khien.incident.Tlp;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Organisation;
import vn.khien.registry.Organisations;

/**
 * The advisories' pages: the list (unread ones marked), one advisory with the button that
 * confirms it was read and, for the team, who read it; the team's form to send one to
 * agencies by code and to providers.
 */
@Controller
@RequestMapping("/advisories")
class AdvisoryPages {

	/** Providers the form offers at once; more are sent through the API. */
	static final int PROVIDER_FIELDS = 3;

	private final Advisories advisories;

	private final AgencyDirectory agencies;

	private final Organisations organisations;

	private final MessageSource messages;

	AdvisoryPages(Advisories advisories, AgencyDirectory agencies, Organisations organisations,
			MessageSource messages) {
		this.advisories = advisories;
		this.agencies = agencies;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** The form as typed. */
	record AdvisoryDraft(String title, String body, String tlp, String incidentId, String agencyCodes) {

		static final AdvisoryDraft EMPTY = new AdvisoryDraft("", "", "amber", "", "");

	}

	@PreAuthorize(AdvisoryApi.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable Boolean unread, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", advisories.list(new Advisories.Filter(unread), PageQuery.of(page, size, null)));
		model.addAttribute("unread", unread);
		model.addAttribute("mayIssue", advisories.mayIssue());
		return "incident/advisories";
	}

	@PreAuthorize(IncidentApi.TEAM)
	@GetMapping("/new")
	String newForm(Model model) {
		return form(AdvisoryDraft.EMPTY, null, model);
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping
	String issue(@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String tlp,
			@RequestParam(required = false) @Nullable String incidentId,
			@RequestParam(required = false) @Nullable String agencyCodes,
			@RequestParam(required = false) @Nullable List<String> organisationIds, Model model,
			RedirectAttributes redirect) {
		AdvisoryDraft draft = new AdvisoryDraft(text(title), text(body), text(tlp), text(incidentId),
				text(agencyCodes));
		try {
			List<Long> agencyIds = new ArrayList<>();
			for (String code : draft.agencyCodes().split("[,;\\s]+")) {
				if (!code.isBlank()) {
					agencyIds.add(agencies.idOfCode(code.strip())
						.orElseThrow(() -> new InvalidInputException("agencyCodes", "advisory.agencyCode.unknown",
								code.strip())));
				}
			}
			List<Long> providers = new ArrayList<>();
			for (String id : organisationIds == null ? List.<String>of() : organisationIds) {
				if (id != null && !id.isBlank()) {
					providers.add(number(id, "organisationIds"));
				}
			}
			Long incident = draft.incidentId().isBlank() ? null : number(draft.incidentId(), "incidentId");
			Advisory issued = advisories.issue(new Advisories.NewAdvisory(draft.title(), draft.body(),
					IncidentForms.word(draft.tlp(), "tlp", Tlp::of), incident, agencyIds, providers));
			redirect.addFlashAttribute("notice", message("advisory.issued"));
			return "redirect:/advisories/" + issued.id();
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			return form(draft, message(ex.messageKey(), ex.args()), model);
		}
	}

	@PreAuthorize(AdvisoryApi.READERS)
	@GetMapping("/{id}")
	String advisory(@PathVariable long id, Model model) {
		Advisory advisory = advisories.get(id);
		Map<Long, String> agencyLabels = new HashMap<>();
		Map<Long, String> providerNames = new HashMap<>();
		for (Advisory.Receipt r : advisory.receipts()) {
			if (r.agencyId() != null) {
				agencyLabels.put(r.agencyId(), agencies.label(r.agencyId()).orElse("#" + r.agencyId()));
			}
			if (r.organisationId() != null) {
				providerNames.put(r.organisationId(),
						organisations.find(r.organisationId())
							.map(Organisation::name)
							.orElse("#" + r.organisationId()));
			}
		}
		model.addAttribute("advisory", advisory);
		model.addAttribute("received", advisories.received(advisory));
		model.addAttribute("agencyLabels", agencyLabels);
		model.addAttribute("providerNames", providerNames);
		return "incident/advisory";
	}

	@PreAuthorize(AdvisoryApi.READERS)
	@PostMapping("/{id}/read")
	String read(@PathVariable long id, RedirectAttributes redirect) {
		advisories.read(id);
		redirect.addFlashAttribute("notice", message("advisory.readDone"));
		return "redirect:/advisories/" + id;
	}

	private String form(AdvisoryDraft draft, @Nullable String error, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("error", error);
		model.addAttribute("tlps", List.of(Tlp.values()));
		model.addAttribute("providerFields", java.util.stream.IntStream.range(0, PROVIDER_FIELDS).boxed().toList());
		return "incident/advisory-form";
	}

	private static long number(String value, String field) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "advisory.number.bad",
					value.length() > 20 ? value.substring(0, 20) : value);
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
