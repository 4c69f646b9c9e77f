package vn.khien.monitoring.sharing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A recipient of the province's alerts over TAXII (the national monitoring centre).
 *
 * @param maxTlp the most sensitive TLP 2.0 label it may read: clear, green, amber,
 * amber+strict or red
 */
public record TaxiiClient(long id, String name, String maxTlp, boolean enabled, Instant createdAt, String createdBy,
		@Nullable Instant lastSeenAt) {
}
