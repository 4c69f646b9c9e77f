package vn.khien.oversight.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khien.incident.IncidentStatistics;
import vn.khien.oversight.Dashboard;
import vn.khien.oversight.Scorecards;
import vn.khien.platform.AgencyDirectory;
import vn.khien.registry.AgencyKind;

/** The dashboard and the scorecards' pages. */
@Controller
class OversightPages {

	private final Dashboard dashboard;

	private final Scorecards scorecards;

	private final IncidentStatistics incidents;

	private final AgencyDirectory agencies;

	OversightPages(Dashboard dashboard, Scorecards scorecards, IncidentStatistics incidents, AgencyDirectory agencies) {
		this.dashboard = dashboard;
		this.scorecards = scorecards;
		this.incidents = incidents;
		this.agencies = agencies;
	}

	@PreAuthorize(DashboardApi.READERS)
	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable Long agency, Model model) {
		model.addAttribute("figures", dashboard.figures(agency));
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? null : agencies.label(agency).orElse(null));
		model.addAttribute("incidents", agency == null ? incidents.of(IncidentStatistics.By.TYPE, null, null) : null);
		return "oversight/dashboard";
	}

	@PreAuthorize(DashboardApi.READERS)
	@GetMapping("/scorecards")
	String scorecards(@RequestParam(required = false) @Nullable String kind, Model model) {
		AgencyKind chosen = DashboardApi.kindOf(kind);
		model.addAttribute("kind", chosen);
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("cards", scorecards.ofKind(chosen));
		return "oversight/scorecards";
	}

	@PreAuthorize(DashboardApi.READERS)
	@GetMapping("/scorecards/{agencyId}")
	String scorecard(@PathVariable long agencyId, Model model) {
		model.addAttribute("card", scorecards.of(agencyId));
		return "oversight/scorecard";
	}

}
