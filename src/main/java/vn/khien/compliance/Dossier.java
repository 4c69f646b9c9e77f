package vn.khien.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A security-level dossier of one system (R3.1), under the rule pack in force when it was
 * drafted: the level proposed and the criterion that decided it, its parts, the appraisal
 * and approval time limits from the pack, the decision once approved. {@code parts} and
 * {@code steps} are filled on the detail only.
 */
public record Dossier(long id, long agencyId, long systemId, String pack, int level, @Nullable String criterionId,
		@Nullable String criterionCitation, DossierStatus status, @Nullable Instant submittedAt,
		@Nullable LocalDate appraisalDue, @Nullable Instant appraisedAt, @Nullable LocalDate approvalDue,
		@Nullable Instant decidedAt, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
		@Nullable String decisionSigner, @Nullable Long decisionFileId, @Nullable String lastComment, String createdBy,
		Instant createdAt, Instant updatedAt, List<Part> parts, List<Step> steps) {

	/**
	 * Whether a time limit of the pack has passed with the dossier still waiting on it.
	 */
	public boolean overdue(LocalDate today) {
		return (status == DossierStatus.UNDER_APPRAISAL && appraisalDue != null && today.isAfter(appraisalDue))
				|| (status == DossierStatus.APPRAISED && approvalDue != null && today.isAfter(approvalDue));
	}

	/**
	 * One part the pack asks for at the dossier's level: its text and file, if given.
	 */
	public record Part(String id, String title, String citation, @Nullable String content, @Nullable Long fileId,
			@Nullable String fileName, @Nullable String updatedBy, @Nullable Instant updatedAt) {

		public boolean given() {
			return (content != null && !content.isBlank()) || fileId != null;
		}

	}

	/** One move of the dossier, with who made it and why. */
	public record Step(Instant at, String actor, @Nullable DossierStatus from, DossierStatus to,
			@Nullable String note) {
	}

}
