package vn.khien.incident.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.incident.Incidents;
import vn.khien.platform.InvalidInputException;

/**
 * Reports from providers and tools: a provider’s abuse desk, a SOC sensor’s forwarder,
 * each signed in by its API token.
 */
@RestController
@RequestMapping("/api/v1/incident-reports")
@Tag(name = "incidents")
class IncidentReportApi {

	/**
	 * Who sends reports: providers (organisation accounts) and tools (the team’s
	 * accounts).
	 */
	static final String SENDERS = "hasAnyRole('ORGANISATION', 'RESPONDER', 'PROVINCE_OPERATOR', 'ADMIN')";

	private final Incidents incidents;

	private final JsonMapper json;

	IncidentReportApi(Incidents incidents, JsonMapper json) {
		this.incidents = incidents;
		this.json = json;
	}

	@Operation(operationId = "sendIncidentReport", summary = "Send a report from a provider or a tool",
			description = """
					A report to the province's queue, idempotent by the sender's own `externalRef`: the first call \
					answers 201, a repeat answers 200 with the same incident and changes nothing. `observables` as for \
					a case (`kind`, `value`, `tlp`). The body is kept as sent.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "phishing", value = """
							{"externalRef": "VNPT-ABUSE-2026-1187", "title": "Tên miền giả mạo ngân hàng",
							 "description": "Khách hàng báo tin nhắn dẫn tới trang giả mạo",
							 "discoveredAt": "2026-10-01T07:30:00+07:00", "taxonomy": "fraud/phishing",
							 "observables": [{"kind": "domain", "value": "vietcombank-xacthuc.example"}]}
							"""))))
	@PreAuthorize(SENDERS)
	@PostMapping
	ResponseEntity<Incidents.Received> send(@RequestBody String body) {
		if (body.length() > 100_000) {
			throw new InvalidInputException("body", "incident.body.tooLarge", 100_000);
		}
		IncidentForms.SenderForm form;
		try {
			form = json.readValue(body, IncidentForms.SenderForm.class);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new InvalidInputException("body", "incident.body.bad");
		}
		if (form == null) {
			throw new InvalidInputException("body", "incident.body.bad");
		}
		Incidents.Received received = incidents.reportFromSender(form.toReport(body));
		return ResponseEntity.status(received.created() ? HttpStatus.CREATED : HttpStatus.OK).body(received);
	}

}
