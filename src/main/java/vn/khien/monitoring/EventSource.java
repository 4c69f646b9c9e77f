package vn.khien.monitoring;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A sensor, manager or forwarder that sends events, and the agencies it may report for.
 *
 * @param eventsPerSecond over the last minute on this node
 */
public record EventSource(long id, String name, List<Long> agencyIds, boolean enabled, Instant createdAt,
		String createdBy, @Nullable Instant lastSeenAt, long eventsAccepted, long eventsRefused,
		double eventsPerSecond) {
}
