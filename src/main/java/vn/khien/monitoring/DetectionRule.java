package vn.khien.monitoring;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Sigma rule, correlation or filter as loaded, without its text.
 *
 * @param uid its Sigma id (or name, for one without an id)
 * @param kind rule, correlation or filter
 * @param agencyId the agency a filter's exceptions are for; null for the province's
 * documents
 * @param offFor the agencies that turned it off for their own events
 */
public record DetectionRule(long id, String uid, String kind, @Nullable Long agencyId, String title,
		@Nullable String level, @Nullable String status, @Nullable String author, List<String> tags,
		@Nullable String logsource, String fileName, boolean enabled, Instant loadedAt, String loadedBy,
		List<Long> offFor, int version) {
}
