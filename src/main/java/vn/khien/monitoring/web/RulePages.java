package vn.khien.monitoring.web;

import java.io.IOException;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.monitoring.DetectionRules;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The rules page: search, load a file or an archive (with each refusal's file and line),
 * turn off.
 */
@Controller
@RequestMapping("/detection-rules")
class RulePages {

	private final DetectionRules rules;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	RulePages(DetectionRules rules, CurrentUser currentUser, MessageSource messages) {
		this.rules = rules;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result",
				rules.list(PageQuery.text("q", q), PageQuery.text("kind", kind), PageQuery.of(page, size, null)));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("mayLoad", currentUser.mayEditProvince());
		return "monitoring/rules";
	}

	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("rule", rules.get(id));
		model.addAttribute("yaml", rules.yaml(id));
		model.addAttribute("mayLoad", currentUser.mayEditProvince());
		model.addAttribute("ownAgency", currentUser.find().map(u -> u.agencyId()).orElse(null));
		return "monitoring/rule";
	}

	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping
	String load(@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "monitoring.rules.fileMissing");
			}
			if (file.getSize() > DetectionRules.MAX_ARCHIVE_BYTES) {
				throw new InvalidInputException("file", "monitoring.rules.archiveTooLarge",
						DetectionRules.MAX_ARCHIVE_BYTES);
			}
			var loaded = rules.load(file.getOriginalFilename() == null ? "rules.yml" : file.getOriginalFilename(),
					file.getBytes(), null);
			redirect.addFlashAttribute("notice",
					message("monitoring.rules.loaded", loaded.created(), loaded.replaced(), loaded.errors().size()));
			redirect.addFlashAttribute("refusals", loaded.errors().stream().map(Object::toString).toList());
		}
		catch (DetectionRules.RulesRefused ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
			redirect.addFlashAttribute("refusals", ex.errors().stream().map(Object::toString).toList());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/detection-rules";
	}

	@PreAuthorize(MonitoringForms.RULE_LOADERS)
	@PostMapping("/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(required = false) @Nullable Long agencyId, RedirectAttributes redirect) {
		rules.get(id);
		try {
			var rule = rules.enable(id, Boolean.TRUE.equals(enabled), agencyId);
			redirect.addFlashAttribute("notice",
					message(Boolean.TRUE.equals(enabled) ? "monitoring.rules.turnedOn" : "monitoring.rules.turnedOff",
							rule.title()));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/detection-rules/" + id;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
