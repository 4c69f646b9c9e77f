package vn.khien.incident.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khien.incident.IncidentStatistics;

/** The incident figures as a page: one table, beside the year before. */
@Controller
class IncidentStatisticsPages {

	private final IncidentStatistics statistics;

	IncidentStatisticsPages(IncidentStatistics statistics) {
		this.statistics = statistics;
	}

	@PreAuthorize(IncidentApi.READERS)
	@GetMapping("/incidents/statistics")
	String statistics(@RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		IncidentStatistics.By chosen = IncidentStatistics.By.of(by);
		model.addAttribute("figures",
				statistics.of(chosen, IncidentForms.day(from, "from"), IncidentForms.day(to, "to")));
		model.addAttribute("ways", IncidentStatistics.By.values());
		return "incident/statistics";
	}

}
