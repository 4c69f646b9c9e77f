package vn.khien.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A gap of a completed assessment (a requirement not met or partly met) to remediate: who
 * owns it, by when, and whether it is done.
 */
public record AssessmentAction(long id, long assessmentId, long agencyId, long systemId, String systemCode,
		String requirementId, Assessment.Answer gap, String title, String owner, LocalDate dueOn, Status status,
		@Nullable String note, Instant createdAt, @Nullable String statusBy, @Nullable Instant statusAt, int version) {

	public enum Status {

		OPEN, DONE;

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

	/** Still open after its deadline. */
	public boolean overdue(LocalDate today) {
		return status == Status.OPEN && dueOn.isBefore(today);
	}

}
