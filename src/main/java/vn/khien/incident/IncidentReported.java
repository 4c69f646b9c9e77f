package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/** A report reached the queue (or, from an agency or the team, became a case at once). */
public record IncidentReported(long incidentId, @Nullable Long agencyId, IncidentSource source, String title) {
}
