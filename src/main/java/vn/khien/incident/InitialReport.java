package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/**
 * The fields of Circular 20/2017’s initial incident report (Biểu mẫu 03) beyond those the
 * incident itself holds (title, description, discovery, how detected): who reports and
 * how to reach them, the units and the system, what is known of it, what is asked for.
 * Kept as the reporter gave it.
 */
public record InitialReport(@Nullable String reporterName, @Nullable String reporterPosition,
		@Nullable String reporterPhone, @Nullable String reporterEmail, @Nullable String operatorUnit,
		@Nullable String ownerName, @Nullable String systemName, @Nullable String addresses, @Nullable String providers,
		@Nullable Boolean handled, @Nullable String notified, @Nullable String os, @Nullable String services,
		@Nullable String securityMeasures, @Nullable String publicIps, @Nullable String domains,
		@Nullable String purpose, @Nullable String confidentiality, @Nullable String supportRequested) {

	public static InitialReport empty() {
		return new InitialReport(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

}
