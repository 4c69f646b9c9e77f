package vn.khien.platform.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The imports history: the jobs the user may open (the job page's own rule, in
 * {@link ImportJobs}), newest first, filtered by state, kind and agency in the URL.
 */
@Controller
class ImportHistoryPages {

	static final int PAGE_SIZE = 50;

	private final ImportJobs jobs;

	private final ImportHistoryRows rows;

	private final ObjectProvider<AgencyDirectory> directory;

	ImportHistoryPages(ImportJobs jobs, ImportHistoryRows rows, ObjectProvider<AgencyDirectory> directory) {
		this.jobs = jobs;
		this.rows = rows;
		this.directory = directory;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/imports")
	String history(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		ImportJob.State knownState = state(state);
		String knownKind = kind(kind);
		String agencyLabel = agencyLabel(agency);
		var result = jobs.history(new ImportJobs.Filter(null, knownKind, knownState, agency),
				PageQuery.of(page, PAGE_SIZE, null));
		model.addAttribute("result", result);
		model.addAttribute("rows", rows.of(result.items()));
		model.addAttribute("states", Arrays.stream(ImportJob.State.values()).map(ImportJob.State::code).toList());
		model.addAttribute("kinds", jobs.kinds());
		model.addAttribute("state", knownState == null ? "" : knownState.code());
		model.addAttribute("kind", knownKind == null ? "" : knownKind);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agencyLabel);
		return "imports/list";
	}

	// NB: an edited address must say what is wrong rather than list nothing
	private static ImportJob.@Nullable State state(@Nullable String state) {
		String code = PageQuery.text("state", state);
		if (code == null) {
			return null;
		}
		return Arrays.stream(ImportJob.State.values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("state", "error.parameter", "state", code));
	}

	private @Nullable String kind(@Nullable String kind) {
		String name = PageQuery.text("kind", kind);
		List<String> known = jobs.kinds();
		if (name != null && !known.contains(name)) {
			throw new InvalidInputException("kind", "error.parameter", "kind", name);
		}
		return name;
	}

	private String agencyLabel(@Nullable Long agency) {
		AgencyDirectory agencies = directory.getIfAvailable();
		if (agency == null || agencies == null) {
			return agency == null ? "" : "#" + agency;
		}
		return agencies.label(agency)
			.orElseThrow(
					() -> new InvalidInputException("agency", "error.parameter", "agency", String.valueOf(agency)));
	}

}
