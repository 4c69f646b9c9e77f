package vn.khien.inventory.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import vn.khien.inventory.AssetManagement;
import vn.khien.inventory.Assets;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.inventory.web.AssetPayloads.AssetForm;
import vn.khien.inventory.web.AssetPayloads.AssetView;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "assets")
class AssetApi {

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private final Assets assets;

	private final AssetManagement management;

	AssetApi(Assets assets, AssetManagement management) {
		this.assets = assets;
		this.management = management;
	}

	@Operation(operationId = "listAssets", summary = "List hosts and web portals", description = """
			The hosts and web portals of the agencies in the caller's scope: the whole province for \
			province-wide roles, an officer's own agency and the agencies below it.

			The total is exact when only `agency` and `kind` filter the list; with `system` it is counted \
			up to 10,000 and with `q` up to 1,000,000 (`totalCapped` says when counting stopped). Each full page \
			answers a `next` cursor: pass it as `after` to get the page after it and walk a whole province's \
			hosts, past the 100,000 rows that `page` reaches; a page with fewer items than `size` is the last.
			""")
	@Parameter(name = "q", description = "The start of a host name, URL or address (case ignored).")
	@Parameter(name = "agency", description = "Only this agency's hosts and those of the agencies below it (an id).")
	@Parameter(name = "system", description = "Only the hosts of this information system (an id).")
	@Parameter(name = "kind", description = "Only hosts of this kind.")
	@Parameter(name = "sort", description = "`hostname` (the default) or `lastSeen`; `-` before it for descending.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<AssetView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable AssetKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) @Nullable String after) {
		return assets.list(new Assets.Filter(q, agency, system, kind), PageQuery.of(page, size, sort, after))
			.map(AssetView::from);
	}

	@Operation(operationId = "getAsset", summary = "Read a host or web portal", description = """
			One host or portal with its open ports (as the last Nmap import found them). A host outside \
			the caller's scope is a 404, like one that does not exist.
			""")
	@Parameter(name = "id", description = "The host's id.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	AssetView get(@PathVariable long id) {
		return AssetView.from(assets.get(id), assets.ports(id));
	}

	@Operation(operationId = "createAsset", summary = "Record a host or web portal", description = """
			Records a host or portal by hand (`source` is `MANUAL`) in an agency the caller may edit. \
			A host is known by its identity within its agency: a web portal \
			by its URL, another host by its name, else by its first address; one that the agency already \
			has is a 409. The agency's coverage figures follow at once.
			""")
	@PreAuthorize(WRITERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AssetView create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = { @ExampleObject(name = "server", summary = "A server with two addresses", value = """
					{"agencyId": 12, "systemId": 3, "kind": "SERVER", "hostname": "web01.syt.example.vn",
					 "addresses": "10.20.1.15, 10.20.1.16", "mac": "00:1A:2B:3C:4D:5E", "os": "Ubuntu 22.04"}
					"""), @ExampleObject(name = "portal", summary = "A web portal, known by its URL", value = """
					{"agencyId": 12, "kind": "WEB_PORTAL", "url": "https://syt.example.vn/"}
					""") })) AssetForm form) {
		return AssetView.from(management.create(form.details()));
	}

	@Operation(operationId = "updateAsset", summary = "Change a host or web portal", description = """
			Replaces what a person may set on a host (every field of the body; what is left out is \
			cleared). The host and the agency it goes to must both be ones the caller may edit: \
			administrators and operators anywhere, an officer in their agency and below it; a host the \
			caller may not edit is a 404. Moving a host or changing its kind updates both agencies' coverage \
			at once; an identity another host of the agency already has is a 409.
			""")
	@Parameter(name = "id", description = "The host's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/{id}")
	AssetView update(@PathVariable long id, @Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "rename",
					summary = "A server renamed and moved to a system", value = """
							{"agencyId": 12, "systemId": 4, "kind": "SERVER", "hostname": "app01.syt.example.vn",
							 "addresses": "10.20.1.15", "os": "Ubuntu 24.04"}
							"""))) AssetForm form) {
		return AssetView.from(management.update(id, form.details()));
	}

	@Operation(operationId = "deleteAsset", summary = "Delete a host or web portal", description = """
			Removes the host with its open ports and protection status; the agency's coverage figures follow at \
			once. A host the caller may not edit is a 404.
			""")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	@Parameter(name = "id", description = "The host's id.")
	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		management.delete(id);
	}

}
