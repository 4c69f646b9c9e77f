package vn.khien.incident;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The team asked an agency or a provider to act on a case. */
public record CoordinationRequested(long requestId, long incidentId, @Nullable Long incidentAgencyId,
		@Nullable Long agencyId, @Nullable Long organisationId, String action, LocalDate due) {
}
