package vn.khien.oversight.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.IncidentStatistics;
import vn.khien.oversight.Dashboard;
import vn.khien.oversight.DashboardFigure;
import vn.khien.oversight.Scorecard;
import vn.khien.oversight.Scorecards;
import vn.khien.platform.EnumCodes;
import vn.khien.platform.InvalidInputException;
import vn.khien.registry.AgencyKind;

/** The dashboard's and the scorecards' figures, for the province's other systems. */
@RestController
@Tag(name = "oversight")
class DashboardApi {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER')";

	private final Dashboard dashboard;

	private final Scorecards scorecards;

	private final IncidentStatistics incidents;

	DashboardApi(Dashboard dashboard, Scorecards scorecards, IncidentStatistics incidents) {
		this.dashboard = dashboard;
		this.scorecards = scorecards;
		this.incidents = incidents;
	}

	/**
	 * The dashboard: its figures and, for the caller's whole scope, the incidents of this
	 * year by attack type beside the same days of the year before.
	 */
	record DashboardView(@Nullable Long agency, List<DashboardFigure> figures,
			IncidentStatistics.@Nullable Statistics incidentsByType) {
	}

	record ScorecardList(AgencyKind kind, List<Scorecard> items, int total) {
	}

	@Operation(operationId = "getDashboard", summary = "The province or one agency at a glance", description = """
			Every figure of the dashboard page, each rolled up over the agency's sub-units (or the caller's \
			whole scope without `agency`): agencies and focal points, security levels approved, systems and \
			hosts, anti-malware coverage, open, critical, high, overdue and verified findings, incidents this \
			year and in the same days of last year, drills and training. `listUrl` is the API list behind a \
			count: its `total` is the figure's `value`. A ratio (`ratio: true`, 0 to 1) has no list; `value` is \
			null when there is nothing to count. Counted from the modules' read models, not from their tables.
			""")
	@Parameter(name = "agency", description = "The agency's id; one outside the caller's scope is a 404.")
	@ApiResponse(responseCode = "200", description = "The figures.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/dashboard")
	DashboardView dashboard(@RequestParam(required = false) @Nullable Long agency) {
		return new DashboardView(agency, dashboard.figures(agency),
				agency == null ? incidents.of(IncidentStatistics.By.TYPE, null, null) : null);
	}

	@Operation(operationId = "listScorecards", summary = "The scorecards of one kind of agency, ranked",
			description = """
					The active agencies of `kind` in the caller's scope, the best score first, each with the \
					dashboard's figures of the agency, its indicators (shares from 0 to 1, each with its \
					weight), its composite score (0 to 100, the weighted mean of the indicators that can be \
					counted) and its rank among them. The weights are set in `khien.oversight.score-weights`.
					""")
	@Parameter(name = "kind",
			description = "department, commune, provincial_body, public_service_unit, "
					+ "state_enterprise, district or other; the default department.")
	@ApiResponse(responseCode = "200", description = "The ranked scorecards.")
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/scorecards")
	ScorecardList list(@RequestParam(required = false) @Nullable String kind) {
		AgencyKind chosen = kindOf(kind);
		List<Scorecard> items = scorecards.ofKind(chosen);
		return new ScorecardList(chosen, items, items.size());
	}

	@Operation(operationId = "getScorecard", summary = "One agency's scorecard", description = """
			The agency's figures, indicators and score now, its rank among all agencies of its kind on the \
			last nightly snapshot (null before the first), and its score on each snapshot of the last 90 days.
			""")
	@Parameter(name = "agencyId", description = "The agency's id; one outside the caller's scope is a 404.")
	@ApiResponse(responseCode = "200", description = "The scorecard.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/scorecards/{agencyId}")
	Scorecard scorecard(@PathVariable long agencyId) {
		return scorecards.of(agencyId);
	}

	static AgencyKind kindOf(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			return AgencyKind.DEPARTMENT;
		}
		return EnumCodes.of(AgencyKind.class, kind)
			.orElseThrow(() -> new InvalidInputException("kind", "scorecard.kind.unknown", kind));
	}

}
