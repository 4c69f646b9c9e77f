package vn.khien.monitoring.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.inventory.Asset;
import vn.khien.monitoring.internal.UnknownHosts;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** The hosts events named that no inventory holds, and putting them in one. */
@RestController
@Tag(name = "monitoring")
class UnknownHostApi {

	private final UnknownHosts unknown;

	UnknownHostApi(UnknownHosts unknown) {
		this.unknown = unknown;
	}

	record AssignForm(@Nullable String key, @Nullable Long agencyId, @Nullable Long systemId, @Nullable String kind) {
	}

	@Operation(operationId = "listUnknownHosts", summary = "List the hosts events named that no inventory holds",
			description = """
					Host names (`host:…`) and addresses (`ip:…`) that events named and no agency's inventory \
					holds among the agencies their source may report for, the most recently seen first, with the \
					source that first sent one, when they were first and last seen and how many events named \
					them. Their events belong to the source's one agency or to nobody until a host is assigned. \
					Counting stops at 10,000 (`totalCapped`).
					""")
	@Parameter(name = "page", description = "From 0.")
	@Parameter(name = "size", description = "1 to 200, default 50.")
	@ApiResponse(responseCode = "200", description = "A page of unknown hosts.")
	@PreAuthorize(MonitoringForms.OPERATORS)
	@GetMapping("/api/v1/events/unknown-hosts")
	PageResult<UnknownHosts.UnknownHost> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return unknown.list(PageQuery.of(page, size, null));
	}

	@Operation(operationId = "assignUnknownHost", summary = "Put an unknown host in an agency's inventory",
			description = """
					Adds the host (`kind`: SERVER, WORKSTATION, LAPTOP, NETWORK_DEVICE, SMART_DEVICE or \
					WEB_PORTAL; `systemId` optional) to the agency's inventory and takes it off the list; the \
					events that name it from then on belong to the agency. 404 for a `key` not on the list, 400 \
					for a missing agency or kind, 409 when the agency already has that host.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "workstation", value = """
							{"key": "host:workstation5", "agencyId": 12, "kind": "WORKSTATION"}
							"""))))
	@ApiResponse(responseCode = "200", description = "The host, now in the inventory.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(MonitoringForms.OPERATORS)
	@PostMapping("/api/v1/events/unknown-hosts/assign")
	Asset assign(@RequestBody AssignForm form) {
		return unknown.assign(form.key(), form.agencyId(), form.systemId(), form.kind());
	}

}
