package vn.khien.incident;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The province's request to an agency ({@code agencyId}) or a provider
 * ({@code organisationId}) to act on a case (R6.4): block a domain, take a page down,
 * keep logs, warn customers, by {@code due}. {@code incidentAgencyId} is the agency the
 * case concerns, whose officers follow the request too.
 */
public record CoordinationRequest(long id, long incidentId, @Nullable Long incidentAgencyId, @Nullable Long agencyId,
		@Nullable Long organisationId, String action, LocalDate due, CoordinationRequestStatus status,
		String requestedBy, Instant requestedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
		@Nullable String completedBy, @Nullable Instant completedAt, @Nullable String outcome) {

	/** Not completed and past its due date. */
	public boolean overdueOn(LocalDate today) {
		return status != CoordinationRequestStatus.COMPLETED && due.isBefore(today);
	}

}
