package vn.khien.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.khien.law.RulePack;

/**
 * An assessment of an information system against the requirements of its security level
 * under the rule pack in force on {@code assessedOn}: by its owner agency (self) or by an
 * engaged independent organisation. A draft is answered requirement by requirement; once
 * completed it is not changed, a new assessment is made instead. The counts are those of
 * the answers so far.
 */
public record Assessment(long id, long agencyId, long systemId, String systemCode, String systemName, Kind kind,
		@Nullable Long organisationId, @Nullable Long engagementId, String packId, String packVersion, int level,
		boolean levelApproved, LocalDate assessedOn, Status status, int requirements, int met, int partlyMet,
		int notMet, int notApplicable, @Nullable String summary, String createdBy, Instant createdAt, Instant updatedAt,
		@Nullable String completedBy, @Nullable Instant completedAt, int version) {

	/** Who assessed: the owner itself, or an engaged independent organisation (R3.4). */
	public enum Kind {

		SELF, INDEPENDENT;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Kind> ofCode(String code) {
			for (Kind kind : values()) {
				if (kind.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}

	}

	public enum Status {

		DRAFT, COMPLETED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Status> ofCode(String code) {
			for (Status status : values()) {
				if (status.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
					return Optional.of(status);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * The answer to one requirement, with what it counts for in the score; not applicable
	 * counts for nothing and is left out.
	 */
	public enum Answer {

		MET(1.0), PARTLY_MET(0.5), NOT_MET(0.0), NOT_APPLICABLE(null);

		private final @Nullable Double weight;

		Answer(@Nullable Double weight) {
			this.weight = weight;
		}

		public @Nullable Double weight() {
			return weight;
		}

		/** A gap becomes a remediation action when the assessment is completed. */
		public boolean gap() {
			return this == PARTLY_MET || this == NOT_MET;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Answer> ofCode(String code) {
			for (Answer answer : values()) {
				if (answer.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
					return Optional.of(answer);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * One requirement as the pack stated it when the assessment was made, and its answer
	 * (null until answered); a gap carries who will remediate it and by when.
	 */
	public record Requirement(String requirementId, int seq, String groupId, RulePack.RequirementKind groupKind,
			String groupTitle, String title, String citation, @Nullable Answer answer, @Nullable String note,
			@Nullable String actionOwner, @Nullable LocalDate actionDue, @Nullable String answeredBy,
			@Nullable Instant answeredAt) {
	}

	/**
	 * A file offered as evidence, for one requirement or (null) the whole assessment,
	 * valid from {@code effectiveOn} to {@code expiresOn} inclusive.
	 */
	public record Evidence(long id, long assessmentId, @Nullable String requirementId, long fileId, String filename,
			String contentType, long size, String sha256, @Nullable String title, LocalDate effectiveOn,
			LocalDate expiresOn, String uploadedBy, Instant uploadedAt) {

		public boolean expired(LocalDate today) {
			return expiresOn.isBefore(today);
		}

		public boolean notYetEffective(LocalDate today) {
			return effectiveOn.isAfter(today);
		}

	}

	/** Requirements answered so far. */
	public int answered() {
		return met + partlyMet + notMet + notApplicable;
	}

	/**
	 * The share of the requirements that apply which are met
	 * ({@link #score(int, int, int)}).
	 */
	public @Nullable Double score() {
		return score(met, partlyMet, notMet);
	}

	/**
	 * The score: met counts 1, partly met 0.5, not met 0, over the requirements answered
	 * other than not applicable; null when none is (docs/assessments.md).
	 */
	public static @Nullable Double score(int met, int partlyMet, int notMet) {
		int counted = met + partlyMet + notMet;
		return counted == 0 ? null : (met + 0.5 * partlyMet) / counted;
	}

	public boolean completed() {
		return status == Status.COMPLETED;
	}

}
