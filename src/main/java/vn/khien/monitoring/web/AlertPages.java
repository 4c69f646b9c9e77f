package vn.khien.monitoring.web;

import java.time.LocalDate;
import java.time.ZoneId;
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

import vn.khien.monitoring.Alert;
import vn.khien.monitoring.AlertDays;
import vn.khien.monitoring.internal.AttackMatrix;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.AlertStatus;
import vn.khien.monitoring.Alerts;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The alert queue with its filters, an alert with the events behind it and its steps, and
 * the ATT&amp;CK matrix of what fired with the trend per day.
 */
@Controller
@RequestMapping("/alerts")
class AlertPages {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Alerts alerts;

	private final AlertDays days;

	private final MessageSource messages;

	private final AttackMatrix matrix;

	AlertPages(Alerts alerts, AlertDays days, MessageSource messages, AttackMatrix matrix) {
		this.matrix = matrix;
		this.alerts = alerts;
		this.days = days;
		this.messages = messages;
	}

	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String rule,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		if (rule != null && rule.length() > 100) {
			throw new InvalidInputException("rule", "monitoring.word.unknown", "rule", rule.substring(0, 100));
		}
		var result = alerts.list(
				new Alerts.Filter(agency, rule == null || rule.isBlank() ? null : rule,
						MonitoringForms.word(severity, "severity", AlertSeverity::of),
						MonitoringForms.word(status, "status", AlertStatus::of), null, null),
				PageQuery.of(page, size, null));
		model.addAttribute("result", result);
		model.addAttribute("severities", List.of(AlertSeverity.values()));
		model.addAttribute("statuses", List.of(AlertStatus.values()));
		model.addAttribute("agency", agency);
		model.addAttribute("rule", rule);
		model.addAttribute("severity", severity);
		model.addAttribute("status", status);
		return "monitoring/alerts";
	}

	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Alert alert = alerts.get(id);
		model.addAttribute("alert", alert);
		model.addAttribute("events", alerts.events(id));
		return "monitoring/alert";
	}

	@PreAuthorize(MonitoringForms.ANALYSTS)
	@PostMapping("/{id}/transitions")
	String step(@PathVariable long id, @RequestParam(required = false) @Nullable String step,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		alerts.get(id);
		try {
			Alerts.Step chosen = Alerts.Step.of(step)
				.orElseThrow(
						() -> new InvalidInputException("step", "monitoring.alert.stepUnknown", String.valueOf(step)));
			Alert after = alerts.take(id, chosen, note == null || note.isBlank() ? null : note.strip(), version);
			redirect.addFlashAttribute("notice",
					after.incidentId() == null ? message("monitoring.alert.stepped." + chosen.name().toLowerCase())
							: message("monitoring.alert.escalated", after.incidentId()));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/alerts/" + id;
	}

	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping("/attack")
	String attack(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Integer days, Model model) {
		int span = days == null ? 30 : days;
		if (span < 1 || span > AlertDays.MAX_DAYS) {
			throw new InvalidInputException("days", "monitoring.period.invalid", AlertDays.MAX_DAYS);
		}
		LocalDate to = LocalDate.now(ZONE);
		LocalDate from = to.minusDays(span - 1L);
		var techniques = this.days.byTechnique(agency, from, to);
		model.addAttribute("techniques", techniques);
		model.addAttribute("matrix", matrix.of(techniques));
		model.addAttribute("trend", this.days.byDay(agency, from, to));
		model.addAttribute("agency", agency);
		model.addAttribute("days", span);
		return "monitoring/attack";
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
