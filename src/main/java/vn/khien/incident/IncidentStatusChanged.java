package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/** A case moved from one status to another. */
public record IncidentStatusChanged(long incidentId, @Nullable Long agencyId, IncidentStatus from, IncidentStatus to) {
}
