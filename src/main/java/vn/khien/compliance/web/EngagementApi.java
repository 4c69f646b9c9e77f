package vn.khien.compliance.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
import vn.khien.compliance.AssessmentManagement;
import vn.khien.compliance.Engagement;
import vn.khien.compliance.Engagements;
import vn.khien.compliance.web.AssessmentPayloads.EngagementForm;
import vn.khien.compliance.web.AssessmentPayloads.EngagementView;
import vn.khien.compliance.web.AssessmentPayloads.Names;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.OrganisationDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** Engagements of independent organisations to assess systems (R3.4). */
@RestController
@Tag(name = "assessments")
class EngagementApi {

	private final Engagements engagements;

	private final AgencyDirectory agencies;

	private final OrganisationDirectory organisations;

	EngagementApi(Engagements engagements, AgencyDirectory agencies, OrganisationDirectory organisations) {
		this.engagements = engagements;
		this.agencies = agencies;
		this.organisations = organisations;
	}

	@Operation(operationId = "listAssessmentEngagements", summary = "List engagements of assessors", description = """
			The engagements the caller may see, the latest start first: those of systems owned in the caller's \
			agency scope and, for a user with the assessor role, their organisation's. `current` says whether the \
			period holds today. The total is counted up to 10,000.
			""")
	@Parameter(name = "system", description = "Only this information system's engagements (an id).")
	@Parameter(name = "organisation", description = "Only this organisation's engagements (an id).")
	@Parameter(name = "agency", description = "Only those of systems owned by this agency or one below it (an id).")
	@Parameter(name = "sort", description = "`start`, or `-start` (the default, latest first).")
	@PreAuthorize(AssessmentPayloads.READERS)
	@GetMapping("/api/v1/assessment-engagements")
	PageResult<EngagementView> list(@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Long organisation,
			@RequestParam(required = false) @Nullable Long agency, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var result = engagements.list(new Engagements.Filter(system, organisation, agency),
				PageQuery.of(page, size, sort));
		Names names = names(result.items());
		LocalDate today = AssessmentManagement.today();
		return result.map(e -> EngagementView.from(e, names, today));
	}

	@Operation(operationId = "createAssessmentEngagement", summary = "Engage an organisation to assess a system",
			description = """
					Records that an organisation (an assessor or a security provider in the registry, active) is \
					engaged to assess the system from `startsOn` to `endsOn` (at most five years): its users with \
					the assessor role then see the system's engagement and make independent assessments of it. \
					Recorded by the province's administrators and operators or by the owner agency's officers. An \
					organisation that monitors and protects the system is refused: the independent periodic \
					inspection and assessment (Official Letter 1552/BTTTT-CATTT's third layer, under Directive \
					14/CT-TTg) is not made by the monitoring provider.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "yearly", summary = "The yearly assessment", value = """
							{"systemId": 42, "organisationId": 7, "startsOn": "2027-01-01", "endsOn": "2027-12-31",
							 "note": "Hợp đồng 15/2026/HĐ-ĐG"}
							"""))))
	@ApiResponse(responseCode = "201", description = "The engagement as recorded.")
	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/api/v1/assessment-engagements")
	ResponseEntity<EngagementView> create(@RequestBody EngagementForm form) {
		Engagement created = engagements.record(form.toNew());
		return ResponseEntity.created(URI.create("/api/v1/assessment-engagements?system=" + created.systemId()))
			.body(EngagementView.from(created, names(java.util.List.of(created)), AssessmentManagement.today()));
	}

	private Names names(java.util.List<Engagement> list) {
		Set<Long> agencyIds = new HashSet<>();
		Set<Long> orgIds = new HashSet<>();
		list.forEach(e -> {
			agencyIds.add(e.agencyId());
			orgIds.add(e.organisationId());
		});
		return Names.of(agencies, organisations, agencyIds, orgIds);
	}

}
