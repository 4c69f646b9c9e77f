package vn.khien.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A security review of a critical system at one stage of its life (R3.3), with its result
 * and who reviewed it; its documents are kept as received.
 */
public record LifecycleReview(long id, long agencyId, long systemId, String systemCode, String systemName, Stage stage,
		LocalDate reviewedOn, Result result, String reviewer, @Nullable String findings, String createdBy,
		Instant createdAt) {

	/** The stages a critical system is reviewed at, in the order of its life. */
	public enum Stage {

		CONTRACTOR_SELECTION, DESIGN, BUILD, OPERATION;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Stage> ofCode(String code) {
			for (Stage stage : values()) {
				if (stage.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
					return Optional.of(stage);
				}
			}
			return Optional.empty();
		}

	}

	public enum Result {

		PASSED, PASSED_WITH_CONDITIONS, FAILED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Result> ofCode(String code) {
			for (Result result : values()) {
				if (result.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
					return Optional.of(result);
				}
			}
			return Optional.empty();
		}

	}

	public record Document(long id, long reviewId, long fileId, String filename, String contentType, long size,
			String sha256, String uploadedBy, Instant uploadedAt) {
	}

}
