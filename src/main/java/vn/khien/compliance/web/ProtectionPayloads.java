package vn.khien.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import vn.khien.compliance.LifecycleReview;
import vn.khien.compliance.LifecycleReviews;
import vn.khien.compliance.ProtectionLayers;
import vn.khien.platform.InvalidInputException;

/** What the four-layer view's and the lifecycle reviews' API takes and answers. */
final class ProtectionPayloads {

	/**
	 * Readers of agency-owned compliance records (no assessor: they have no agency
	 * scope).
	 */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER')";

	private ProtectionPayloads() {
	}

	record OnSiteView(String state, int securityStaff, int focalPoints) {
	}

	record MonitoringView(String state, String kind, @Nullable Long organisationId, @Nullable String organisation) {
	}

	record IndependentView(String state, @Nullable Long assessmentId, @Nullable LocalDate assessedOn,
			@Nullable Double score, @Nullable Long organisationId, @Nullable String organisation,
			@Nullable LocalDate engagedUntil) {
	}

	record NationalView(String state, @Nullable Boolean connected, @Nullable String note, @Nullable String recordedBy,
			@Nullable Instant recordedAt) {
	}

	record LayersView(long systemId, String systemCode, String systemName, long agencyId, boolean critical, int met,
			OnSiteView onSite, MonitoringView monitoring, IndependentView independentAssessment,
			NationalView nationalConnection) {

		static LayersView from(ProtectionLayers.Layers l) {
			var i = l.independent();
			var n = l.national();
			return new LayersView(l.system().id(), l.system().code(), l.system().name(), l.system().ownerAgencyId(),
					l.system().critical(), l.met(),
					new OnSiteView(l.onSite().state().code(), l.onSite().securityStaff(), l.onSite().focalPoints()),
					new MonitoringView(l.monitoring().state().code(),
							l.monitoring().kind().name().toLowerCase(java.util.Locale.ROOT),
							l.monitoring().organisationId(), l.monitoring().organisation()),
					new IndependentView(i.state().code(), i.assessmentId(), i.assessedOn(), i.score(),
							i.organisationId(), i.organisation(), i.engagedUntil()),
					new NationalView(n.state().code(), n.connected(), n.note(), n.recordedBy(), n.recordedAt()));
		}

	}

	record NationalForm(@Nullable Boolean connected, @Nullable String note) {

		boolean value() {
			if (connected == null) {
				throw new InvalidInputException("connected", "protection.connected.required");
			}
			return connected;
		}

	}

	record ReviewForm(@Nullable Long systemId, @Nullable String stage, @Nullable LocalDate reviewedOn,
			@Nullable String result, @Nullable String reviewer, @Nullable String findings) {

		LifecycleReviews.NewReview toNew() {
			if (systemId == null) {
				throw new InvalidInputException("systemId", "assessment.system.required");
			}
			return new LifecycleReviews.NewReview(systemId, ProtectionPayloads.stage(stage), reviewedOn,
					ProtectionPayloads.result(result), reviewer, findings);
		}

	}

	static LifecycleReview.Stage stage(@Nullable String stage) {
		if (stage == null || stage.isBlank()) {
			throw new InvalidInputException("stage", "review.stage.unknown", "");
		}
		return LifecycleReview.Stage.ofCode(stage)
			.orElseThrow(() -> new InvalidInputException("stage", "review.stage.unknown", stage));
	}

	static LifecycleReview.Result result(@Nullable String result) {
		if (result == null || result.isBlank()) {
			throw new InvalidInputException("result", "review.result.unknown", "");
		}
		return LifecycleReview.Result.ofCode(result)
			.orElseThrow(() -> new InvalidInputException("result", "review.result.unknown", result));
	}

	record DocumentView(long id, String filename, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt, String url) {

		static DocumentView from(LifecycleReview.Document d) {
			return new DocumentView(d.id(), d.filename(), d.contentType(), d.size(), d.sha256(), d.uploadedBy(),
					d.uploadedAt(), "/api/v1/lifecycle-reviews/" + d.reviewId() + "/documents/" + d.id());
		}

	}

	record ReviewView(long id, long agencyId, long systemId, String systemCode, String stage, LocalDate reviewedOn,
			String result, String reviewer, @Nullable String findings, String createdBy, Instant createdAt) {

		static ReviewView from(LifecycleReview r) {
			return new ReviewView(r.id(), r.agencyId(), r.systemId(), r.systemCode(), r.stage().code(), r.reviewedOn(),
					r.result().code(), r.reviewer(), r.findings(), r.createdBy(), r.createdAt());
		}

	}

	static void download(LifecycleReviews reviews, LifecycleReview.Document document, HttpServletResponse response)
			throws IOException {
		try (InputStream in = reviews.open(document)) {
			response.setContentType(document.contentType());
			response.setContentLengthLong(document.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.filename(), StandardCharsets.UTF_8)
						.build()
						.toString());
			response.setHeader("X-Content-Type-Options", "nosniff");
			in.transferTo(response.getOutputStream());
		}
	}

}
