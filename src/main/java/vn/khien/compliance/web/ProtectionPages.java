package vn.khien.compliance.web;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.compliance.AssessmentManagement;
import vn.khien.compliance.LifecycleReview;
import vn.khien.compliance.LifecycleReviews;
import vn.khien.compliance.ProtectionLayers;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The four-layer protection pages: the systems with their layers, and one system's layers
 * with its national connection and, for a critical system, its lifecycle reviews.
 */
@Controller
class ProtectionPages {

	private final ProtectionLayers layers;

	private final LifecycleReviews reviews;

	private final AssessmentManagement management;

	private final AgencyDirectory agencies;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	ProtectionPages(ProtectionLayers layers, LifecycleReviews reviews, AssessmentManagement management,
			AgencyDirectory agencies, CurrentUser currentUser, MessageSource messages) {
		this.layers = layers;
		this.reviews = reviews;
		this.management = management;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/protection")
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean critical, @RequestParam(required = false) Integer page,
			Model model) {
		var result = layers.list(PageQuery.text("q", q), agency, critical, PageQuery.of(page, 50, "code"));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(l -> ids.add(l.system().ownerAgencyId()));
		if (agency != null) {
			ids.add(agency);
		}
		Map<Long, String> labels = agencies.labels(ids);
		model.addAttribute("result", result);
		model.addAttribute("summary", layers.summary());
		model.addAttribute("labels", labels);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? "" : labels.getOrDefault(agency, ""));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("critical", Boolean.TRUE.equals(critical));
		return "compliance/protection";
	}

	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/protection/systems/{id}")
	String system(@PathVariable long id, Model model) {
		ProtectionLayers.Layers of = layers.of(id);
		model.addAttribute("layers", of);
		model.addAttribute("agencyLabel", agencies.label(of.system().ownerAgencyId()).orElse(""));
		model.addAttribute("writer", management.maySelfAssess(of.system().ownerAgencyId()));
		if (of.system().critical()) {
			List<LifecycleReview> all = reviews
				.list(new LifecycleReviews.Filter(id, null, null), PageQuery.of(0, PageQuery.MAX_SIZE, null))
				.items();
			Map<LifecycleReview.Stage, LifecycleReview> latest = new LinkedHashMap<>();
			for (LifecycleReview.Stage stage : LifecycleReview.Stage.values()) {
				all.stream().filter(r -> r.stage() == stage).findFirst().ifPresent(r -> latest.put(stage, r));
			}
			Map<Long, List<LifecycleReview.Document>> documents = new LinkedHashMap<>();
			all.forEach(r -> documents.put(r.id(), reviews.documents(r.id())));
			model.addAttribute("reviews", all);
			model.addAttribute("latest", latest);
			model.addAttribute("documents", documents);
			model.addAttribute("stages", LifecycleReview.Stage.values());
			model.addAttribute("results", LifecycleReview.Result.values());
		}
		model.addAttribute("today", AssessmentManagement.today());
		return "compliance/protection-system";
	}

	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/protection/systems/{id}/national-connection")
	String national(@PathVariable long id, @RequestParam(required = false) @Nullable String connected,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		layers.of(id);
		try {
			Boolean value = connected == null || connected.isBlank() ? null
					: switch (connected.strip().toLowerCase(java.util.Locale.ROOT)) {
						case "true" -> Boolean.TRUE;
						case "false" -> Boolean.FALSE;
						default -> throw new InvalidInputException("connected", "protection.connected.required");
					};
			layers.recordNationalConnection(id, new ProtectionPayloads.NationalForm(value, note).value(), note);
			redirect.addFlashAttribute("notice", message("protection.national.recorded"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/protection/systems/" + id;
	}

	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/protection/systems/{id}/reviews")
	String review(@PathVariable long id, @RequestParam(required = false) @Nullable String stage,
			@RequestParam(required = false) @Nullable String reviewedOn,
			@RequestParam(required = false) @Nullable String result,
			@RequestParam(required = false) @Nullable String reviewer,
			@RequestParam(required = false) @Nullable String findings, RedirectAttributes redirect) {
		layers.of(id);
		try {
			reviews.record(new ProtectionPayloads.ReviewForm(id, stage,
					AssessmentPayloads.date("reviewedOn", reviewedOn), result, reviewer, findings)
				.toNew());
			redirect.addFlashAttribute("notice", message("review.recorded"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/protection/systems/" + id + "#reviews";
	}

	@PreAuthorize(AssessmentPayloads.OWNERS)
	@PostMapping("/lifecycle-reviews/{id}/documents")
	String document(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		LifecycleReview review = reviews.get(id);
		try {
			ProtectionApi.addDocument(reviews, id, file);
			redirect.addFlashAttribute("notice", message("review.document.added"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/protection/systems/" + review.systemId() + "#reviews";
	}

	@PreAuthorize(ProtectionPayloads.READERS)
	@GetMapping("/lifecycle-reviews/{id}/documents/{documentId}/download")
	void download(@PathVariable long id, @PathVariable long documentId, HttpServletResponse response)
			throws IOException {
		ProtectionPayloads.download(reviews, reviews.document(id, documentId), response);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
