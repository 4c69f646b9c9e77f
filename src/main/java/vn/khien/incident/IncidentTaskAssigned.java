package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/**
 * A task of a case was given to a member of the roster ({@code accountId} their account,
 * if any).
 */
public record IncidentTaskAssigned(long incidentId, @Nullable Long agencyId, String task, @Nullable Long accountId) {
}
