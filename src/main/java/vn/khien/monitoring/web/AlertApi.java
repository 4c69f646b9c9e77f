package vn.khien.monitoring.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.monitoring.Alert;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.AlertStatus;
import vn.khien.monitoring.Alerts;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** The alert queue. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "monitoring")
class AlertApi {

	private final Alerts alerts;

	AlertApi(Alerts alerts) {
		this.alerts = alerts;
	}

	record StepForm(@Nullable String step, @Nullable String note, @Nullable Integer version) {
	}

	/** An alert with the first events behind it. */
	record AlertDetail(Alert alert, List<Alerts.MatchedEvent> events) {
	}

	@Operation(operationId = "listAlerts", summary = "List alerts", description = """
			Alerts in the caller's scope (an agency's officers: their agency's and those below it; alerts that \
			nobody could place only for the province-wide roles), the latest first. `total` is capped at 10,000 \
			(`totalCapped`); `next` is a cursor for `after=`.
			""")
	@Parameter(name = "agency", description = "Only this agency and those below it (an id).")
	@Parameter(name = "rule", description = "The rule's Sigma id.")
	@Parameter(name = "severity", description = "informational, low, medium, high, critical")
	@Parameter(name = "status", description = "new, acknowledged, false_positive, escalated")
	@Parameter(name = "from", description = "Last seen at or after this moment (ISO-8601 with offset).")
	@Parameter(name = "to", description = "First seen before this moment.")
	@Parameter(name = "after", description = "The cursor of the previous page's `next`.")
	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping
	PageResult<Alert> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String rule,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) @Nullable String after) {
		if (rule != null && rule.length() > 100) {
			throw new InvalidInputException("rule", "monitoring.word.unknown", "rule", rule.substring(0, 100));
		}
		return alerts
			.list(new Alerts.Filter(agency, rule, MonitoringForms.word(severity, "severity", AlertSeverity::of),
					MonitoringForms.word(status, "status", AlertStatus::of), MonitoringForms.moment(from, "from"),
					MonitoringForms.moment(to, "to")), PageQuery.of(page, size, null, after));
	}

	@Operation(operationId = "getAlert", summary = "Read an alert", description = """
			The alert (with its rule's author, which the Detection Rule License asks to be shown with every \
			match) and the first events behind it, as received and as read. 404 outside the caller's scope.
			""")
	@Parameter(name = "id", description = "The alert's id.")
	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping("/{id}")
	AlertDetail get(@PathVariable long id) {
		return new AlertDetail(alerts.get(id), alerts.events(id));
	}

	@Operation(operationId = "stepAlert", summary = "Take a step on an alert", description = """
			`step`: acknowledge, false_positive, escalate (opens an incident for the response team; the answer's \
			`incidentId` names it), reopen. A step out of order, or a stale `version`, is 409 and changes nothing.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "escalate", value = """
							{"step": "escalate", "note": "Mimikatz trên máy chủ một cửa", "version": 0}
							"""))))
	@Parameter(name = "id", description = "The alert's id.")
	@PreAuthorize(MonitoringForms.ANALYSTS)
	@PostMapping("/{id}/transitions")
	Alert step(@PathVariable long id, @RequestBody StepForm form) {
		Alerts.Step step = Alerts.Step.of(form.step())
			.orElseThrow(() -> new InvalidInputException("step", "monitoring.alert.stepUnknown",
					String.valueOf(form.step())));
		return alerts.take(id, step, form.note(), form.version());
	}

}
