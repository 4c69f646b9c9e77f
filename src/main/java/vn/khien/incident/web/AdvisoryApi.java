package vn.khien.incident.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.Advisories;
import vn.khien.incident.Advisory;
import vn.khien.incident.Tlp;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Advisories: warnings the team sends to chosen agencies and providers, with read
 * receipts.
 */
@RestController
@RequestMapping("/api/v1/advisories")
@Tag(name = "advisories")
class AdvisoryApi {

	/** Who may read advisories (each those sent to them; the team all). */
	static final String READERS = CoordinationApi.READERS;

	private final Advisories advisories;

	AdvisoryApi(Advisories advisories) {
		this.advisories = advisories;
	}

	record AdvisoryForm(@Nullable String title, @Nullable String body, @Nullable String tlp, @Nullable Long incidentId,
			@Nullable List<Long> agencyIds, @Nullable List<Long> organisationIds) {

		Advisories.NewAdvisory toAdvisory() {
			return new Advisories.NewAdvisory(title, body, IncidentForms.word(tlp, "tlp", Tlp::of), incidentId,
					agencyIds == null ? List.of() : agencyIds, organisationIds == null ? List.of() : organisationIds);
		}

	}

	@Operation(operationId = "listAdvisories", summary = "List advisories", description = """
			The advisories sent to the caller's agency or organisation (the team: all, with how many recipients \
			read each), the newest first; `read` says whether the caller's side has read it.
			""")
	@Parameter(name = "unread", description = "true: only those the caller's agency or organisation has not read.")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<Advisory> list(@RequestParam(required = false) @Nullable Boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return advisories.list(new Advisories.Filter(unread), PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "issueAdvisory", summary = "Send an advisory", description = """
			By the response team: a title, the text, its TLP (red, amber+strict, amber, green, clear; amber when \
			left out), the case it comes from if any, and the recipients: agencies and providers by id (at least \
			one).
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "phishing", value = """
							{"title": "Cảnh báo chiến dịch lừa đảo giả mạo Cổng dịch vụ công",
							 "body": "Các đơn vị rà soát và chặn tên miền dichvucong-gov.example.", "tlp": "amber",
							 "incidentId": 1, "agencyIds": [12, 13], "organisationIds": [2]}
							"""))))
	@PreAuthorize(IncidentApi.TEAM)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Advisory issue(@RequestBody AdvisoryForm form) {
		return advisories.issue(form.toAdvisory());
	}

	@Operation(operationId = "getAdvisory", summary = "Read an advisory", description = """
			The advisory; for the team also each recipient's receipt (who read it, when). 404 to anyone it was \
			not sent to.
			""")
	@Parameter(name = "id", description = "The advisory's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	Advisory get(@PathVariable long id) {
		return advisories.get(id);
	}

	@Operation(operationId = "readAdvisory", summary = "Confirm an advisory was read", description = """
			By a recipient: the receipts of the caller's agency or organisation take the caller's name and the \
			time; a second call changes nothing. 403 for a team member it was not sent to.
			""")
	@Parameter(name = "id", description = "The advisory's id.")
	@PreAuthorize(READERS)
	@PostMapping("/{id}/read")
	Advisory read(@PathVariable long id) {
		return advisories.read(id);
	}

}
