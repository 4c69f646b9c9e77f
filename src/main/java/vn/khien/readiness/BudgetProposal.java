package vn.khien.readiness;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An agency's proposal for security upgrades in a year, and where it stands. */
public record BudgetProposal(long id, long agencyId, int year, String title, @Nullable String description,
		long amountVnd, BudgetStatus status, String createdBy, Instant createdAt, String statusBy, Instant statusAt,
		@Nullable String statusNote) {
}
