package vn.khien.inventory.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.inventory.Coverage;
import vn.khien.inventory.CoverageSettings;
import vn.khien.inventory.CoverageSnapshots;
import vn.khien.platform.AuditLog;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;

@Controller
@RequestMapping("/coverage")
class CoveragePages {

	private final Coverage coverage;

	private final CoverageSnapshots snapshots;

	private final CoverageSettings settings;

	private final Agencies agencies;

	private final AuditLog audit;

	private final CoverageCsv csv;

	CoveragePages(Coverage coverage, CoverageSnapshots snapshots, CoverageSettings settings, Agencies agencies,
			AuditLog audit, CoverageCsv csv) {
		this.csv = csv;
		this.coverage = coverage;
		this.snapshots = snapshots;
		this.settings = settings;
		this.agencies = agencies;
		this.audit = audit;
	}

	@PreAuthorize(CoverageApi.READERS)
	@GetMapping
	String overview(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "false") boolean withHosts, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String sort, Model model) {
		PageQuery query = PageQuery.of(page, 50, sort);
		Coverage.Overview overview = coverage.overview(agency, withHosts, query);
		model.addAttribute("overview", overview);
		model.addAttribute("result", overview.items());
		model.addAttribute("selected", overview.agency());
		model.addAttribute("parent", overview.agency() == null || overview.agency().parentId() == null ? null
				: agencies.find(overview.agency().parentId()).orElse(null));
		model.addAttribute("agencyParam", agency == null ? "" : agency);
		model.addAttribute("withHosts", withHosts);
		model.addAttribute("sort", query.sortParam());
		model.addAttribute("maxAge", settings.maxSignatureAgeDays());
		return "inventory/coverage/overview";
	}

	@PreAuthorize(CoverageApi.READERS)
	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "false") boolean withHosts, @RequestParam(required = false) String sort,
			Locale locale, HttpServletResponse response) {
		csv.agencies(agency, withHosts, sort, locale, response);
	}

	@PreAuthorize(CoverageApi.READERS)
	@GetMapping("/unprotected/export.csv")
	void exportHosts(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) Coverage.@Nullable Reason reason,
			@RequestParam(defaultValue = "UNPROTECTED") Coverage.Protection protection,
			@RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) {
		csv.hosts(agency, protection, reason, sort, locale, response);
	}

	@PreAuthorize(CoverageApi.READERS)
	@GetMapping("/unprotected")
	String unprotected(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) Coverage.@Nullable Reason reason,
			@RequestParam(defaultValue = "UNPROTECTED") Coverage.Protection protection,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, Model model) {
		PageQuery query = PageQuery.of(page, 50, sort);
		model.addAttribute("result", coverage.hosts(agency, protection, reason, query));
		model.addAttribute("protection", protection);
		model.addAttribute("agency", agency == null || agency.isBlank() ? null : agencies.resolve(agency));
		model.addAttribute("agencyParam", agency == null ? "" : agency);
		model.addAttribute("reason", reason);
		model.addAttribute("reasons", List.of(Coverage.Reason.values()));
		model.addAttribute("sort", query.sortParam());
		model.addAttribute("maxAge", settings.maxSignatureAgeDays());
		return "inventory/coverage/unprotected";
	}

	@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_OPERATOR')")
	@PostMapping("/snapshot")
	String snapshot(RedirectAttributes redirect) {
		var date = snapshots.today();
		int rows = snapshots.take(date);
		audit.record("SNAPSHOT", "coverage_snapshot", date, null, java.util.Map.of("agencies", rows));
		redirect.addFlashAttribute("snapshotDate", date);
		redirect.addFlashAttribute("snapshotRows", rows);
		return "redirect:/coverage";
	}

}
