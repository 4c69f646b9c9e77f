package vn.khien.incident.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

import vn.khien.incident.CoordinationRequest;
import vn.khien.incident.CoordinationRequestStatus;
import vn.khien.incident.CoordinationRequests;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;

/**
 * The coordination requests' page: the recipient's inbox with the step each request waits
 * for (acknowledge, then complete with what was done), the team's view of every request,
 * and the team's form to make one.
 */
@Controller
@RequestMapping("/coordination-requests")
class CoordinationPages {

	private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

	private final CoordinationRequests requests;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	CoordinationPages(CoordinationRequests requests, CurrentUser currentUser, MessageSource messages) {
		this.requests = requests;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@PreAuthorize(CoordinationApi.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(required = false) @Nullable Boolean mine, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var result = requests
			.list(new CoordinationRequests.Filter(IncidentForms.word(status, "status", CoordinationRequestStatus::of),
					null, open, mine), PageQuery.of(page, size, null));
		Map<Long, String> recipients = new HashMap<>();
		Set<Long> answerable = new HashSet<>();
		for (CoordinationRequest r : result.items()) {
			recipients.put(r.id(), requests.recipientLabel(r));
			if (requests.mayAnswer(r)) {
				answerable.add(r.id());
			}
		}
		// NB: providers read no incidents, so their rows name the case without a link
		boolean readsIncidents = currentUser.find()
			.map(u -> u.roles().stream().anyMatch(r -> r != Role.ORGANISATION && r != Role.ASSESSOR))
			.orElse(false);
		model.addAttribute("result", result);
		model.addAttribute("recipients", recipients);
		model.addAttribute("answerable", answerable);
		model.addAttribute("readsIncidents", readsIncidents);
		model.addAttribute("mayRequest", requests.mayRequest());
		model.addAttribute("statuses", List.of(CoordinationRequestStatus.values()));
		model.addAttribute("status", status);
		model.addAttribute("open", open);
		model.addAttribute("mine", mine);
		model.addAttribute("today", LocalDate.now(ZONE));
		return "incident/coordination-requests";
	}

	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping
	String request(@RequestParam(required = false) @Nullable Long incidentId,
			@RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable Long organisationId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
		try {
			CoordinationRequest created = requests.request(new CoordinationRequests.NewRequest(incidentId, agencyId,
					organisationId, action, IncidentForms.day(due, "due")));
			redirect.addFlashAttribute("notice", message("coordination.requested", created.id()));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/coordination-requests";
	}

	@PreAuthorize(CoordinationApi.RECIPIENTS)
	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> requests.acknowledge(id), "coordination.acknowledged");
	}

	@PreAuthorize(CoordinationApi.RECIPIENTS)
	@PostMapping("/{id}/complete")
	String complete(@PathVariable long id, @RequestParam(required = false) @Nullable String outcome,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> requests.complete(id, outcome), "coordination.completed");
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
		requests.get(id);
		try {
			action.run();
			redirect.addFlashAttribute("notice", message(done, id));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				// a refusal of the caller, not of what they typed: answered as the API
				// does
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/coordination-requests";
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
