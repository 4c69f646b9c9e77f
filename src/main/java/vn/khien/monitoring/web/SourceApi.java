package vn.khien.monitoring.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.monitoring.EventSource;
import vn.khien.monitoring.EventSources;

/** The sensors and forwarders that send events, and their tokens. */
@RestController
@RequestMapping("/api/v1/sources")
@Tag(name = "monitoring")
class SourceApi {

	private final EventSources sources;

	SourceApi(EventSources sources) {
		this.sources = sources;
	}

	record SourceForm(@Nullable String name, @Nullable List<Long> agencyIds) {
	}

	/** A new source with its token, which is shown this once. */
	record CreatedSource(long id, String name, List<Long> agencyIds, String token) {
	}

	@Operation(operationId = "listSources", summary = "List event sources", description = """
			Every source by name, with the agencies it may report for, when it last sent, how many events it sent \
			and had refused, and its rate over the last minute on this node. Never its token.
			""")
	@PreAuthorize(MonitoringForms.OPERATORS)
	@GetMapping
	List<EventSource> list() {
		return sources.list();
	}

	@Operation(operationId = "createSource", summary = "Make an event source", description = """
			A source (a Wazuh manager, a Suricata sensor, a forwarder) bound to the agencies it may report for. \
			The answer holds its token, `khs_…`, shown once: the source sends it as `Authorization: Bearer` to \
			`POST /api/v1/events`. 409 for a name taken.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "sensor", value = """
							{"name": "Suricata – Trung tâm dữ liệu tỉnh", "agencyIds": [12, 40]}
							"""))))
	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CreatedSource create(@RequestBody SourceForm form) {
		EventSources.Created created = sources.create(form.name(), form.agencyIds());
		return new CreatedSource(created.source().id(), created.source().name(), created.source().agencyIds(),
				created.token());
	}

	@Operation(operationId = "disableSource", summary = "Disable an event source", description = """
			Its token stops working at once; what it sent stays.
			""")
	@Parameter(name = "id", description = "The source's id.")
	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping("/{id}/disable")
	EventSource disable(@PathVariable long id) {
		return sources.disable(id);
	}

}
