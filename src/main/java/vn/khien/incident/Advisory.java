package vn.khien.incident;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A warning the team broadcast to chosen agencies and providers (R6.4). {@code read} says
 * whether the caller's agency or organisation has read it; the team alone gets the
 * receipts and their counts.
 */
public record Advisory(long id, String title, String body, Tlp tlp, @Nullable Long incidentId, String issuedBy,
		Instant issuedAt, boolean read, @Nullable Integer recipientCount, @Nullable Integer readCount,
		List<Receipt> receipts) {

	/** One recipient, and who of them read the advisory first, when. */
	public record Receipt(@Nullable Long agencyId, @Nullable Long organisationId, @Nullable String readBy,
			@Nullable Instant readAt) {
	}

}
