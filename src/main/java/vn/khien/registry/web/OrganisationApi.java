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

	@PreAuthorize(READERS)
	@GetMapping
	PageResult<Organisation> list(@RequestParam(required = false) @Nullable OrganisationKind kind,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrganisationStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return organisations.list(new Organisations.Filter(kind, q, status), PageQuery.of(page, size, sort));
	}

	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	Organisation get(@PathVariable long id) {
		return organisations.get(id);
	}

	@PreAuthorize(WRITERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Organisation create(@Valid @RequestBody OrganisationForm form) {
		return organisations.create(form.details());
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/{id}")
	Organisation update(@PathVariable long id, @Valid @RequestBody OrganisationForm form) {
		return organisations.update(id, form.details());
	}

	@PreAuthorize(WRITERS)
	@PostMapping("/{id}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	OrganisationContact addContact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
		return organisations.addContact(id, form.details());
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/{id}/contacts/{contactId}")
	OrganisationContact updateContact(@PathVariable long id, @PathVariable long contactId,
			@Valid @RequestBody ContactForm form) {
		return organisations.updateContact(id, contactId, form.details());
	}

	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}/contacts/{contactId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeContact(@PathVariable long id, @PathVariable long contactId) {
		organisations.removeContact(id, contactId);
	}

}
