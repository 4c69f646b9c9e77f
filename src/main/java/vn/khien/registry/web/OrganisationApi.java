package vn.khien.registry.web;

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
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationContact;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;
import vn.khien.registry.Organisations;
import vn.khien.registry.web.OrganisationPayloads.ContactForm;
import vn.khien.registry.web.OrganisationPayloads.OrganisationForm;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "organisations")
class OrganisationApi {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'RESPONDER', 'AGENCY_OFFICER', 'ORGANISATION')";

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')";

	private final Organisations organisations;

	OrganisationApi(Organisations organisations) {
		this.organisations = organisations;
	}

	@Operation(operationId = "listOrganisations", summary = "List external organisations", description = """
			The telecom and security providers, assessors and other organisations the province works with, \
			with their contacts for incident reception. Province-wide roles and agency officers read all of \
			them; a user of an organisation only their own.
			""")
	@Parameter(name = "kind", description = "Only organisations of this kind.")
	@Parameter(name = "q", description = "Text in the organisation's name or tax code.")
	@Parameter(name = "status", description = "Only organisations in this status.")
	@Parameter(name = "sort", description = "`name` (the default), `kind` or `status`; `-` before it for descending.")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<Organisation> list(@RequestParam(required = false) @Nullable OrganisationKind kind,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrganisationStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return organisations.list(new Organisations.Filter(kind, q, status), PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "getOrganisation", summary = "Read an external organisation", description = """
			One organisation with its contacts. One the caller may not read (see the list) is a 404.
			""")
	@Parameter(name = "id", description = "The organisation's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	Organisation get(@PathVariable long id) {
		return organisations.get(id);
	}

	@Operation(operationId = "createOrganisation", summary = "Register an external organisation", description = """
			Adds an organisation to the province's directory; `status` defaults to `ACTIVE`.
			""")
	@PreAuthorize(WRITERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Organisation create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "telecom", summary = "A telecom provider", value = """
					{"kind": "TELECOM_PROVIDER", "name": "VNPT Đà Nẵng", "taxCode": "0100684378-023",
					 "address": "2 Hai Bà Trưng", "website": "https://vnpt.example.vn", "hotline": "18001091",
					 "email": "soc@vnpt.example.vn", "reportUrl": "https://vnpt.example.vn/report", "status": "ACTIVE"}
					"""))) OrganisationForm form) {
		return organisations.create(form.details());
	}

	@Operation(operationId = "updateOrganisation", summary = "Change an external organisation", description = """
			Replaces the organisation's details (the body as for registering it); its contacts stay.
			""")
	@Parameter(name = "id", description = "The organisation's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/{id}")
	Organisation update(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "inactive",
							summary = "A provider the province no longer works with",
							value = """
									{"kind": "TELECOM_PROVIDER", "name": "VNPT Đà Nẵng", "taxCode": "0100684378-023",
									 "address": "2 Hai Bà Trưng", "website": "https://vnpt.example.vn", "hotline": "18001091",
									 "email": "soc@vnpt.example.vn", "reportUrl": "https://vnpt.example.vn/report", "status": "INACTIVE"}
									"""))) OrganisationForm form) {
		return organisations.update(id, form.details());
	}

	@Operation(operationId = "addOrganisationContact", summary = "Add a contact to an organisation", description = """
			Adds a person to reach at the organisation.
			""")
	@Parameter(name = "id", description = "The organisation's id.")
	@PreAuthorize(WRITERS)
	@PostMapping("/{id}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	OrganisationContact addContact(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "contact", summary = "The incident reception desk", value = """
							{"name": "Hoàng Thu Hà", "title": "Incident reception", "phone": "+84 236 3700 700",
							 "email": "ha.ht@vnpt.example.vn"}
							"""))) ContactForm form) {
		return organisations.addContact(id, form.details());
	}

	@Operation(operationId = "updateOrganisationContact", summary = "Change an organisation's contact",
			description = """
					Replaces the contact's details. A contact of another organisation is a 404.
					""")
	@Parameter(name = "id", description = "The organisation's id.")
	@Parameter(name = "contactId", description = "The contact's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/{id}/contacts/{contactId}")
	OrganisationContact updateContact(@PathVariable long id, @PathVariable long contactId,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "newPhone", summary = "A new phone number", value = """
								{"name": "Hoàng Thu Hà", "title": "Incident reception", "phone": "+84 236 3700 800",
							"email": "ha.ht@vnpt.example.vn"}
								"""))) ContactForm form) {
		return organisations.updateContact(id, contactId, form.details());
	}

	@Operation(operationId = "removeOrganisationContact", summary = "Remove an organisation's contact",
			description = """
					Removes the contact. A contact of another organisation is a 404.
					""")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@Parameter(name = "id", description = "The organisation's id.")
	@Parameter(name = "contactId", description = "The contact's id.")
	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}/contacts/{contactId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeContact(@PathVariable long id, @PathVariable long contactId) {
		organisations.removeContact(id, contactId);
	}

}
