package vn.khien.registry.web;

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
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.SubcommitteeMember;
import vn.khien.registry.SubcommitteeRegistry;
import vn.khien.registry.web.SubcommitteePayloads.MemberForm;
import vn.khien.registry.web.SubcommitteePayloads.SubcommitteeForm;
import vn.khien.registry.web.SubcommitteePayloads.SubcommitteeView;

@RestController
@RequestMapping("/api/v1/subcommittee")
@Tag(name = "subcommittee")
class SubcommitteeApi {

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')";

	/**
	 * The state side reads the subcommittee; external organisations and assessors do not
	 * see members' phones.
	 */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	private final SubcommitteeRegistry registry;

	SubcommitteeApi(SubcommitteeRegistry registry) {
		this.registry = registry;
	}

	@PreAuthorize(READERS)
	@GetMapping
	SubcommitteeView get() {
		var subcommittee = registry.find().orElseThrow(() -> new NotFoundException("subcommittee", 1));
		return SubcommitteeView.from(subcommittee, registry.members(PageQuery.of(0, PageQuery.MAX_SIZE, "")).items());
	}

	@PreAuthorize(WRITERS)
	@PutMapping
	SubcommitteeView save(@Valid @RequestBody SubcommitteeForm form) {
		var subcommittee = registry.save(form.details());
		return SubcommitteeView.from(subcommittee, registry.members(PageQuery.of(0, PageQuery.MAX_SIZE, "")).items());
	}

	@PreAuthorize(READERS)
	@GetMapping("/members")
	PageResult<SubcommitteeMember> members(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return registry.members(PageQuery.of(page, size, sort));
	}

	@PreAuthorize(READERS)
	@GetMapping("/members/{id}")
	SubcommitteeMember member(@PathVariable long id) {
		return registry.member(id);
	}

	@PreAuthorize(WRITERS)
	@PostMapping("/members")
	@ResponseStatus(HttpStatus.CREATED)
	SubcommitteeMember add(@Valid @RequestBody MemberForm form) {
		return registry.addMember(form.details());
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/members/{id}")
	SubcommitteeMember update(@PathVariable long id, @Valid @RequestBody MemberForm form) {
		return registry.updateMember(id, form.details());
	}

	@PreAuthorize(WRITERS)
	@DeleteMapping("/members/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id) {
		registry.removeMember(id);
	}

}
