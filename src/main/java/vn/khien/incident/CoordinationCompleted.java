package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/** The recipient of a coordination request did what it asked, and said how. */
public record CoordinationCompleted(long requestId, long incidentId, @Nullable Long incidentAgencyId,
		@Nullable Long agencyId, @Nullable Long organisationId, String by, String outcome) {
}
