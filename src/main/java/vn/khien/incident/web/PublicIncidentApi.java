package vn.khien.incident.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.incident.Incidents;
import vn.khien.incident.TrackingCodes;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;

/**
 * The public report without sign-in, the JSON twin of the page {@code /incident-report},
 * under the same limits.
 */
@RestController
@RequestMapping("/api/v1/public/incident-reports")
@PermitAll
@Tag(name = "public")
class PublicIncidentApi {

	static final int MAX_BODY = 30_000;

	private final Incidents incidents;

	private final PublicIntake intake;

	private final JsonMapper json;

	PublicIncidentApi(Incidents incidents, PublicIntake intake, JsonMapper json) {
		this.incidents = incidents;
		this.intake = intake;
		this.json = json;
	}

	@Operation(operationId = "reportIncidentPublicly", summary = "Report an incident without signing in",
			description = """
					What happened (`description`), when (`happenedAt`, ISO-8601 with offset), where (`url`, `domain`, \
					`ip`, `phone`), and a `contact` (needed when `wantsReply` is true). Answers a `trackingCode` to \
					follow the report by. Limited per address (429 beyond). The body is kept as sent.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "phishing", value = """
							{"description": "Tin nhắn giả mạo ngân hàng dẫn tới trang lừa đảo",
							 "url": "http://vietcombank-xacthuc.example/login", "contact": "nguoidan@example.org"}
							"""))))
	@PostMapping
	ResponseEntity<Map<String, String>> report(@RequestBody String body, HttpServletRequest request) {
		if (!intake.tryAccept(request.getRemoteAddr())) {
			throw InvalidInputException.withStatus(429, "incident.public.tooMany");
		}
		if (body.length() > MAX_BODY) {
			throw new InvalidInputException("body", "incident.body.tooLarge", MAX_BODY);
		}
		PublicReportForm form;
		try {
			form = json.readValue(body, PublicReportForm.class);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new InvalidInputException("body", "incident.body.bad");
		}
		if (form == null) {
			throw new InvalidInputException("body", "incident.body.bad");
		}
		String code = form.robot() ? TrackingCodes.next() : incidents.reportFromPublic(form.toReport(body, List.of()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("trackingCode", code));
	}

	@Operation(operationId = "getPublicIncidentStatus", summary = "The status of a public report", description = """
			`status` (received, in_progress, resolved, closed) and `updatedAt` of the report the code tracks; \
			404 for any code that tracks nothing, malformed or not.
			""")
	@Parameter(name = "code", description = "The tracking code the report was given.")
	@GetMapping("/{code}")
	Incidents.PublicStatus status(@PathVariable String code) {
		return incidents.publicStatus(code).orElseThrow(() -> new NotFoundException("report", "?"));
	}

}
