package vn.khien.monitoring.sharing;

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

/** The recipients that read the SOC's alerts over TAXII, and their tokens. */
@RestController
@RequestMapping("/api/v1/taxii-clients")
@Tag(name = "monitoring")
class TaxiiClientApi {

	static final String OPERATORS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')";

	private final TaxiiClients clients;

	TaxiiClientApi(TaxiiClients clients) {
		this.clients = clients;
	}

	record ClientForm(@Nullable String name, @Nullable String maxTlp) {
	}

	/** A new client with its token, which is shown this once. */
	record CreatedClient(long id, String name, String maxTlp, String token) {
	}

	@Operation(operationId = "listTaxiiClients", summary = "List TAXII clients", description = """
			Every client by name, with the most sensitive TLP it may read and when it last read. Never its token.
			""")
	@PreAuthorize(OPERATORS)
	@GetMapping
	List<TaxiiClient> list() {
		return clients.list();
	}

	@Operation(operationId = "createTaxiiClient", summary = "Make a TAXII client", description = """
			A recipient of the SOC's alerts over TAXII 2.1 (the national monitoring centre), reading alerts at or \
			below `maxTlp` (clear, green, amber, amber+strict, red). The answer holds its token, `kht_…`, shown \
			once: the client sends it as `Authorization: Bearer` (or as the password of HTTP Basic) to `/taxii2/` \
			(docs/taxii.md). 409 for a name taken.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "national", value = """
							{"name": "Trung tâm Giám sát an toàn không gian mạng quốc gia", "maxTlp": "amber"}
							"""))))
	@PreAuthorize(OPERATORS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CreatedClient create(@RequestBody ClientForm form) {
		TaxiiClients.Created created = clients.create(form.name(), form.maxTlp());
		return new CreatedClient(created.client().id(), created.client().name(), created.client().maxTlp(),
				created.token());
	}

	@Operation(operationId = "disableTaxiiClient", summary = "Disable a TAXII client", description = """
			Its token stops working at its next request.
			""")
	@Parameter(name = "id", description = "The client's id.")
	@PreAuthorize(OPERATORS)
	@PostMapping("/{id}/disable")
	TaxiiClient disable(@PathVariable long id) {
		return clients.disable(id);
	}

}
