package vn.khien.compliance;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An assessment was completed, with its score and how many gaps it left to remediate. */
public record AssessmentCompleted(long assessmentId, long agencyId, long systemId, Assessment.Kind kind,
		@Nullable Long organisationId, LocalDate assessedOn, @Nullable Double score, int gaps) {
}
