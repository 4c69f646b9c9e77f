package vn.khien.compliance.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.compliance.ComplianceOverview;

/** The compliance overview's API. */
@RestController
@Tag(name = "compliance")
class ComplianceApi {

	private final ComplianceOverview overview;

	ComplianceApi(ComplianceOverview overview) {
		this.overview = overview;
	}

	@Operation(operationId = "complianceOverview", summary = "The share of approved levels and the obligations due",
			description = """
					Within the caller's scope: systems in use and how many have an approved security level, for \
					the whole scope and per owner agency (the furthest from the target first), against the \
					target of the rule pack in force on `date`; the pack's obligations with how many systems \
					they apply to and, for reports, the next due date. For today, each obligation Khiên holds \
					the records of (`tracked`: vulnerability scans from imported reports, drills from live-fire \
					runs, periodic checks from completed assessments, inspections of the organisation from \
					completed rounds) also has `required` (systems, or agencies when `ofOrganisation`, that owe \
					it in the period from `periodFrom`), `met` and `overdue`, and where a page lists them \
					`metList` and `overdueList` (the drills' coverage today).
					""")
	@Parameter(name = "date", description = "YYYY-MM-DD; default today.")
	@PreAuthorize(DossierApi.READERS)
	@GetMapping("/api/v1/compliance/overview")
	ComplianceOverview.Overview overview(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return overview.overview(date != null ? date : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
	}

}
