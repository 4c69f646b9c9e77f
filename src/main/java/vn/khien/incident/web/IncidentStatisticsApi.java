package vn.khien.incident.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.IncidentStatistics;

/** Incident figures per attack type, agency or month, beside the year before. */
@RestController
@Tag(name = "incidents")
class IncidentStatisticsApi {

	private final IncidentStatistics statistics;

	IncidentStatisticsApi(IncidentStatistics statistics) {
		this.statistics = statistics;
	}

	@Operation(operationId = "getIncidentStatistics", summary = "Incident figures for a period", description = """
			The cases discovered from `from` to `to` (both included, dates in Vietnam; by default this year so \
			far; at most five years), counted per attack type of the pack in force on `to` (in its order, a case \
			without a type under the last), per agency (the most first) or per month, each `line` with `count`, \
			`previous` (the same days a year before) and `change` (in percent, one decimal; null when `previous` \
			is 0), then the totals. Queued, rejected and merged reports are no cases. An agency's officer counts \
			the incidents of their agencies only.
			""")
	@Parameter(name = "by", description = "`type` (the default), `agency` or `month`.")
	@Parameter(name = "from", description = "The first day, e.g. `2026-01-01`; default 1 January of `to`'s year.")
	@Parameter(name = "to", description = "The last day, e.g. `2026-06-30`; default today.")
	@PreAuthorize(IncidentApi.READERS)
	@GetMapping("/api/v1/incidents/statistics")
	IncidentStatistics.Statistics statistics(@RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return statistics.of(IncidentStatistics.By.of(by), IncidentForms.day(from, "from"),
				IncidentForms.day(to, "to"));
	}

}
