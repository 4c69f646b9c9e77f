package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/** The recipient of a coordination request took it up. */
public record CoordinationAcknowledged(long requestId, long incidentId, @Nullable Long incidentAgencyId,
		@Nullable Long agencyId, @Nullable Long organisationId, String by) {
}
