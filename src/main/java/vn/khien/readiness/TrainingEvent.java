package vn.khien.readiness;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A training event organised by an agency; {@code attendees} counts those the caller may
 * see.
 */
public record TrainingEvent(long id, long agencyId, TrainingKind kind, String topic, @Nullable String audience,
		LocalDate heldFrom, LocalDate heldTo, @Nullable String place, String createdBy, Instant createdAt,
		long attendees) {
}
