package vn.khien.monitoring.sharing;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** An alert's TLP, and the alert as a MISP event. */
@RestController
@RequestMapping("/api/v1/alerts/{id}")
@Tag(name = "monitoring")
class AlertSharingApi {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	static final String ANALYSTS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'AGENCY_OFFICER', 'RESPONDER')";

	private final AlertSharing sharing;

	AlertSharingApi(AlertSharing sharing) {
		this.sharing = sharing;
	}

	record TlpForm(@Nullable String tlp) {
	}

	@Operation(operationId = "setAlertTlp", summary = "Set an alert's TLP", description = """
			The TLP 2.0 label the alert is shared under (AMBER until an analyst says otherwise): clear, green, \
			amber, amber+strict or red. TAXII clients see an alert only at or below their own label; the change \
			publishes the alert's objects again, under the new marking, and is audited. 404 outside the caller's \
			scope.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "green", value = """
							{"tlp": "green"}
							"""))))
	@Parameter(name = "id", description = "The alert's id.")
	@PreAuthorize(ANALYSTS)
	@PostMapping("/tlp")
	AlertSharing.Marking tlp(@PathVariable long id, @RequestBody TlpForm form) {
		return sharing.changeTlp(id, form.tlp());
	}

	@Operation(operationId = "getAlertMisp", summary = "An alert as a MISP event", description = """
			The alert in the MISP core format (one object under `Event`): its TLP and ATT&CK techniques as tags, \
			the rule with its author in a comment (the Detection Rule License asks it), each address, domain, URL \
			and hash its events named as an attribute (docs/taxii.md). Its uuids hold across exports. 404 outside \
			the caller's scope.
			""")
	@Parameter(name = "id", description = "The alert's id.")
	@PreAuthorize(READERS)
	@GetMapping("/misp")
	ResponseEntity<String> misp(@PathVariable long id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(sharing.misp(id));
	}

}
