package vn.khien.inventory.importing;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Security-agent coverage of one host (antivirus / EDR). Hostname and address are
 * normalised with {@link AssetIdentity}; {@code running} is null when the source does not
 * say.
 *
 * @param line 1-based CSV physical line, or 1-based ordinal of the object in a JSON
 * source
 * @param manager the entry is the console reporting on itself (Wazuh agent {@code 000}),
 * not a host of the agency; applying coverage skips it
 */
public record CoverageRecord(int line, @Nullable String hostname, @Nullable String address, @Nullable String product,
		@Nullable String productVersion, @Nullable Boolean running, @Nullable LocalDate signatureDate,
		@Nullable Instant lastCheckIn, boolean manager) {

	/**
	 * A record of a host of the agency, as every format but Wazuh's agent {@code 000}
	 * gives.
	 */
	public CoverageRecord(int line, @Nullable String hostname, @Nullable String address, @Nullable String product,
			@Nullable String productVersion, @Nullable Boolean running, @Nullable LocalDate signatureDate,
			@Nullable Instant lastCheckIn) {
		this(line, hostname, address, product, productVersion, running, signatureDate, lastCheckIn, false);
	}
}
