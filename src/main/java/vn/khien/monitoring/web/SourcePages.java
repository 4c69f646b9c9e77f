package vn.khien.monitoring.web;

import java.util.ArrayList;
import java.util.List;

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

import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.internal.UnknownHosts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The sources: their agencies, when they last sent, their rate; a new one shows its token
 * once.
 */
@Controller
@RequestMapping("/event-sources")
class SourcePages {

	private final EventSources sources;

	private final AgencyDirectory agencies;

	private final MessageSource messages;

	private final UnknownHosts unknown;

	SourcePages(EventSources sources, AgencyDirectory agencies, MessageSource messages, UnknownHosts unknown) {
		this.unknown = unknown;
		this.sources = sources;
		this.agencies = agencies;
		this.messages = messages;
	}

	@PreAuthorize(MonitoringForms.OPERATORS)
	@GetMapping
	String list(Model model) {
		var list = sources.list();
		var labels = new java.util.HashMap<Long, String>();
		list.forEach(s -> s.agencyIds().forEach(a -> labels.put(a, agencies.label(a).orElse("#" + a))));
		model.addAttribute("sources", list);
		model.addAttribute("agencyLabels", labels);
		return "monitoring/sources";
	}

	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping
	String create(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable List<Long> agencyIds, RedirectAttributes redirect) {
		try {
			var created = sources.create(name, agencyIds == null ? List.of() : new ArrayList<>(agencyIds));
			redirect.addFlashAttribute("notice", message("monitoring.source.created", created.source().name()));
			redirect.addFlashAttribute("token", created.token());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/event-sources";
	}

	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		var source = sources.disable(id);
		redirect.addFlashAttribute("notice", message("monitoring.source.disabled", source.name()));
		return "redirect:/event-sources";
	}

	@PreAuthorize(MonitoringForms.OPERATORS)
	@GetMapping("/unknown-hosts")
	String unknownHosts(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("result", unknown.list(PageQuery.of(page, null, null)));
		return "monitoring/unknown-hosts";
	}

	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping("/unknown-hosts/assign")
	String assign(@RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable Long agencyId,
			@RequestParam(required = false) @Nullable String kind, RedirectAttributes redirect) {
		try {
			var asset = unknown.assign(key, agencyId, null, kind);
			redirect.addFlashAttribute("notice", message("monitoring.unknownHost.assigned", asset.label(),
					agencies.label(asset.agencyId()).orElse("#" + asset.agencyId())));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/event-sources/unknown-hosts";
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
