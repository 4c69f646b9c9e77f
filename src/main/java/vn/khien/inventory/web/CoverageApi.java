package vn.khien.inventory.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

	/**
	 * Coverage of the agency's children (default: the user's top level), with the
	 * province for province-wide roles.
	 */
	@PreAuthorize(READERS)
	@GetMapping
	CoverageResponse list(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "false") boolean withHosts, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return CoverageResponse.from(coverage.overview(agency, withHosts, PageQuery.of(page, size, sort)),
				settings.maxSignatureAgeDays());
	}

	@PreAuthorize(READERS)
	@GetMapping("/unprotected")
	PageResult<UnprotectedHostView> unprotected(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) Coverage.@Nullable Reason reason,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return coverage.unprotected(agency, reason, PageQuery.of(page, size, sort)).map(UnprotectedHostView::from);
	}

	@PreAuthorize(READERS)
	@GetMapping("/trend")
	TrendResponse trend(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "90") int days) {
		return new TrendResponse(coverage.trend(agency, days).stream().map(TrendPointView::from).toList(), 1.0);
	}

	@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_OPERATOR')")
	@PostMapping("/snapshot")
	SnapshotResponse snapshot() {
		var date = snapshots.today();
		int rows = snapshots.take(date);
		audit.record("SNAPSHOT", "coverage_snapshot", date, null, java.util.Map.of("agencies", rows));
		return new SnapshotResponse(date, rows);
	}

}
