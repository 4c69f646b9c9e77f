package vn.khien.compliance.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.khien.compliance.ComplianceOverview;
import vn.khien.compliance.Dossiers;
import vn.khien.platform.PageQuery;

/**
 * The compliance overview's page: approved levels against the target, obligations,
 * overdue dossiers.
 */
@Controller
class CompliancePages {

	private final ComplianceOverview overview;

	private final Dossiers dossiers;

	CompliancePages(ComplianceOverview overview, Dossiers dossiers) {
		this.overview = overview;
		this.dossiers = dossiers;
	}

	@PreAuthorize(DossierApi.READERS)
	@GetMapping("/compliance")
	String overview(Model model) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		model.addAttribute("overview", overview.overview(today));
		model.addAttribute("overdue",
				dossiers.list(new Dossiers.Filter(null, null, null, true), PageQuery.of(0, 10, null)));
		return "compliance/overview";
	}

}
