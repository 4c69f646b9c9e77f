package vn.khien.inventory.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.inventory.Coverage;
import vn.khien.inventory.CoverageSettings;
import vn.khien.inventory.CoverageSnapshots;
import vn.khien.inventory.web.CoveragePayloads.CoverageResponse;
import vn.khien.inventory.web.CoveragePayloads.SnapshotResponse;
import vn.khien.inventory.web.CoveragePayloads.TrendPointView;
import vn.khien.inventory.web.CoveragePayloads.TrendResponse;
import vn.khien.inventory.web.CoveragePayloads.UnprotectedHostView;
import vn.khien.platform.AuditLog;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "coverage")
class CoverageApi {

	static final String READERS = "hasAnyRole('ADMIN','PROVINCE_OPERATOR','POLICE','LEADERSHIP','AGENCY_OFFICER','RESPONDER')";

	private final Coverage coverage;

	private final CoverageSnapshots snapshots;

	private final CoverageSettings settings;

	private final AuditLog audit;

	CoverageApi(Coverage coverage, CoverageSnapshots snapshots, CoverageSettings settings, AuditLog audit) {
		this.coverage = coverage;
		this.snapshots = snapshots;
		this.settings = settings;
		this.audit = audit;
	}

	@Operation(operationId = "getCoverage", summary = "Anti-malware coverage per agency", description = """
			Coverage of the agencies directly below `agency` (by default the caller's top level: the \
			province's top agencies for province-wide roles, an officer's own agency's sub-units), one page \
			of them, each with its figures rolled up over the agencies below it (`inScope`, `protected`, \
			`coverage`) and its own hosts only (`inScopeOwn`, `protectedOwn`, `coverageOwn`). `agency` is \
			the agency drilled into; `province` holds the totals of the whole province, only for \
			province-wide roles.

			A host is in scope when it is a server, workstation or laptop, and protected when its \
			anti-malware product is present, running and its signatures are no older than \
			`maxSignatureAgeDays`; `coverage` is protected / in scope (null without hosts) and `target` the \
			province's goal.
			""")
	@Parameter(name = "agency",
			description = "The agency drilled into: its code or id. One out of the caller's scope is a 404.")
	@Parameter(name = "withHosts", description = "Leave out agencies without any host in scope.")
	@Parameter(name = "sort",
			description = "`code` (the default), `name`, `inScope`, `protected`, `unprotected` or "
					+ "`coverage` (agencies without hosts last); `-` before it for descending.")
	@ApiResponse(responseCode = "200", description = "The agencies' coverage, one page.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(READERS)
	@GetMapping
	CoverageResponse list(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "false") boolean withHosts, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return CoverageResponse.from(coverage.overview(agency, withHosts, PageQuery.of(page, size, sort)),
				settings.maxSignatureAgeDays());
	}

	@Operation(operationId = "listUnprotectedHosts", summary = "List the hosts that are not protected",
			description = """
					The servers, workstations and laptops in the caller's scope (or in `agency` and the \
					agencies below it) that do not count as protected today, with the first reason why: \
					`NEVER_CHECKED_IN` (no status was ever imported), `NO_PRODUCT`, `NOT_RUNNING` or \
					`OUTDATED_SIGNATURES`. With `protection=ALL`, every host that must be protected (the \
					coverage's denominator), or `PROTECTED` those that are.
					""")
	@Parameter(name = "agency",
			description = "The agency drilled into: its code or id. One out of the caller's scope is a 404.")
	@Parameter(name = "reason", description = "Only hosts unprotected for this reason.")
	@Parameter(name = "protection", description = "`UNPROTECTED` (the default), `PROTECTED` or `ALL`.")
	@Parameter(name = "sort",
			description = "`agency` then host name (the default), `hostname`, `agency`, `kind`, "
					+ "`signatureDate`, `lastCheckIn` or `reason`; `-` before it for descending.")
	@ApiResponse(responseCode = "200", description = "A page of unprotected hosts.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(READERS)
	@GetMapping("/unprotected")
	PageResult<UnprotectedHostView> unprotected(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) Coverage.@Nullable Reason reason,
			@RequestParam(defaultValue = "UNPROTECTED") Coverage.Protection protection,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return coverage.hosts(agency, protection, reason, PageQuery.of(page, size, sort))
			.map(UnprotectedHostView::from);
	}

	@Operation(operationId = "getCoverageTrend", summary = "Coverage day by day", description = """
			The coverage of the caller's scope (or of `agency` and the agencies below it) on each day of the \
			period, oldest first, from the daily snapshots taken every night at 00:30 (Asia/Ho_Chi_Minh) and \
			by each coverage import. Days without a snapshot are left out.
			""")
	@Parameter(name = "agency",
			description = "The agency drilled into: its code or id. One out of the caller's scope is a 404.")
	@Parameter(name = "days", description = "How many days back from today, 1 to 730.")
	@ApiResponse(responseCode = "200", description = "The coverage of each day.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(READERS)
	@GetMapping("/trend")
	TrendResponse trend(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "90") int days) {
		return new TrendResponse(coverage.trend(agency, days).stream().map(TrendPointView::from).toList(), 1.0);
	}

	@Operation(operationId = "takeCoverageSnapshot", summary = "Take today's coverage snapshot now", description = """
			Writes today's figures of every agency as the snapshot of today, as the nightly run does, \
			so the trend shows them; taking it again replaces them. Answers how many agencies have \
			hosts in scope. Recorded in the audit trail.
			""")
	@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_OPERATOR')")
	@PostMapping("/snapshot")
	SnapshotResponse snapshot() {
		var date = snapshots.today();
		int rows = snapshots.take(date);
		audit.record("SNAPSHOT", "coverage_snapshot", date, null, java.util.Map.of("agencies", rows));
		return new SnapshotResponse(date, rows);
	}

}
