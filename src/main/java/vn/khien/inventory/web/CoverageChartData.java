package vn.khien.inventory.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import vn.khien.inventory.web.CoveragePayloads.CoverageResponse;
import vn.khien.inventory.web.CoveragePayloads.TrendResponse;

/**
 * The coverage API's figures for the charts of the signed-in browser: the API itself
 * takes bearer tokens only, so the page reads the same payloads here with its session.
 */
@RestController
@RequestMapping("/coverage/data")
@Hidden
class CoverageChartData {

	private final CoverageApi api;

	CoverageChartData(CoverageApi api) {
		this.api = api;
	}

	@PreAuthorize(CoverageApi.READERS)
	@GetMapping
	CoverageResponse agencies(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "false") boolean withHosts, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return api.list(agency, withHosts, page, size, sort);
	}

	@PreAuthorize(CoverageApi.READERS)
	@GetMapping("/trend")
	TrendResponse trend(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "90") int days) {
		return api.trend(agency, days);
	}

}
