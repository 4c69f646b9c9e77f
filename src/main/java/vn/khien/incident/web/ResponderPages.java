package vn.khien.incident.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

import vn.khien.incident.Availability;
import vn.khien.incident.Responder;
import vn.khien.incident.Responders;
import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The roster's pages: the list with its availability filter, and the team's form that
 * adds a member or changes one (the account by its username).
 */
@Controller
@RequestMapping("/responders")
class ResponderPages {

	private final Responders responders;

	private final AgencyDirectory agencies;

	private final Accounts accounts;

	private final MessageSource messages;

	ResponderPages(Responders responders, AgencyDirectory agencies, Accounts accounts, MessageSource messages) {
		this.responders = responders;
		this.agencies = agencies;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The form as typed. */
	record ResponderDraft(String agencyId, String agencyLabel, String account, String name, String email, String phone,
			String skills, String availability, boolean active) {

		static final ResponderDraft EMPTY = new ResponderDraft("", "", "", "", "", "", "", "available", true);

	}

	@PreAuthorize(IncidentApi.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String availability,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var result = responders.list(
				new Responders.Filter(IncidentForms.word(availability, "availability", Availability::of), null, active),
				PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(r -> ids.add(r.agencyId()));
		model.addAttribute("result", result);
		model.addAttribute("labels", agencies.labels(ids));
		model.addAttribute("availabilities", List.of(Availability.values()));
		model.addAttribute("availability", availability);
		model.addAttribute("active", active);
		model.addAttribute("mayEdit", responders.mayEdit());
		return "incident/responders";
	}

	@PreAuthorize(IncidentApi.TEAM)
	@GetMapping("/new")
	String newForm(Model model) {
		return form(ResponderDraft.EMPTY, null, null, model);
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping
	String create(@RequestParam(required = false) @Nullable String agencyId,
			@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String skills,
			@RequestParam(required = false) @Nullable String availability,
			@RequestParam(required = false) @Nullable Boolean active, Model model, RedirectAttributes redirect) {
		ResponderDraft draft = draft(agencyId, account, name, email, phone, skills, availability, active);
		try {
			responders.create(details(draft));
			redirect.addFlashAttribute("notice", message("responder.saved"));
			return "redirect:/responders";
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			return form(draft, null, message(ex.messageKey(), ex.args()), model);
		}
	}

	@PreAuthorize(IncidentApi.TEAM)
	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Responder r = responders.get(id);
		String username = r.accountId() == null ? ""
				: accounts.find(r.accountId()).map(Accounts.Account::username).orElse("");
		return form(new ResponderDraft(String.valueOf(r.agencyId()), agencies.label(r.agencyId()).orElse(""), username,
				r.name(), r.email() == null ? "" : r.email(), r.phone() == null ? "" : r.phone(),
				r.skills() == null ? "" : r.skills(), r.availability().code(), r.active()), id, null, model);
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) @Nullable String agencyId,
			@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String skills,
			@RequestParam(required = false) @Nullable String availability,
			@RequestParam(required = false) @Nullable Boolean active, Model model, RedirectAttributes redirect) {
		responders.get(id);
		ResponderDraft draft = draft(agencyId, account, name, email, phone, skills, availability, active);
		try {
			responders.update(id, details(draft));
			redirect.addFlashAttribute("notice", message("responder.saved"));
			return "redirect:/responders";
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			return form(draft, id, message(ex.messageKey(), ex.args()), model);
		}
	}

	private ResponderDraft draft(@Nullable String agencyId, @Nullable String account, @Nullable String name,
			@Nullable String email, @Nullable String phone, @Nullable String skills, @Nullable String availability,
			@Nullable Boolean active) {
		String agency = text(agencyId);
		String label = "";
		try {
			label = agency.isBlank() ? "" : agencies.label(Long.parseLong(agency.strip())).orElse("");
		}
		catch (NumberFormatException ex) {
			// shown as typed; the check below says what is wrong
		}
		return new ResponderDraft(agency, label, text(account), text(name), text(email), text(phone), text(skills),
				availability == null || availability.isBlank() ? "available" : availability,
				Boolean.TRUE.equals(active));
	}

	private Responder.Details details(ResponderDraft d) {
		Long agency = null;
		if (!d.agencyId().isBlank()) {
			try {
				agency = Long.parseLong(d.agencyId().strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("agencyId", "responder.agency.unknown", d.agencyId());
			}
		}
		Long account = null;
		if (!d.account().isBlank()) {
			account = accounts.findByUsername(d.account().strip())
				.map(Accounts.Account::id)
				.orElseThrow(() -> new InvalidInputException("account", "responder.username.unknown", d.account()));
		}
		return new Responder.Details(agency, account, d.name(), d.email(), d.phone(), d.skills(),
				IncidentForms.word(d.availability(), "availability", Availability::of), d.active());
	}

	private String form(ResponderDraft draft, @Nullable Long id, @Nullable String error, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("responderId", id);
		model.addAttribute("error", error);
		model.addAttribute("availabilities", List.of(Availability.values()));
		return "incident/responder-form";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
