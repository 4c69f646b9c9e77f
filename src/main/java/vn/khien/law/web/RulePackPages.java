package vn.khien.law.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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

import vn.khien.law.RulePacks;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.Role;

/**
 * The rule packs' pages: which pack is in force on a chosen date, and one pack's contents
 * with the values an administrator may adjust.
 */
@Controller
@RequestMapping("/rule-packs")
class RulePackPages {

	private final RulePacks packs;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	RulePackPages(RulePacks packs, CurrentUser currentUser, MessageSource messages) {
		this.packs = packs;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String date, Model model) {
		LocalDate day = LocalDate.now(RulePackApi.ZONE);
		if (date != null && !date.isBlank()) {
			try {
				day = LocalDate.parse(date.trim());
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("error", message("law.pack.badDate", date));
			}
		}
		model.addAttribute("date", day);
		model.addAttribute("packs", packs.all());
		model.addAttribute("inForce", packs.inForce(day).orElse(null));
		if (currentUser.get().has(Role.ADMIN)) {
			model.addAttribute("refused",
					packs.refused()
						.stream()
						.map(r -> new RulePackApi.Refusal(r.file(), r.line(), RulePackApi.message(messages, r)))
						.toList());
		}
		return "law/packs";
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	String pack(@PathVariable String id, Model model) {
		model.addAttribute("pack", packs.get(id));
		model.addAttribute("admin", currentUser.get().has(Role.ADMIN));
		return "law/pack";
	}

	@PreAuthorize(RulePackApi.ADMIN)
	@PostMapping("/{id}/adjustments")
	String adjust(@PathVariable String id, @RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		packs.get(id);
		try {
			if (target == null || target.isBlank()) {
				throw new InvalidInputException("target", "law.adjust.target", "");
			}
			long value;
			try {
				value = Long.parseLong(amount == null ? "" : amount.trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("amount", "law.adjust.amount");
			}
			packs.adjust(id, target.trim(), value, reason == null ? "" : reason);
			redirect.addFlashAttribute("notice", message("law.pack.adjust.done", target.trim()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/rule-packs/" + id;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
