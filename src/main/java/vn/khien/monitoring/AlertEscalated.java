package vn.khien.monitoring;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An analyst (or the automatic rule above a level) escalated an alert: the incident
 * module opens an incident for it and links it back with {@link Alerts#linkIncident}.
 * Published inside the escalating transaction, so the link is there when it commits.
 *
 * @param addresses the addresses and host names the alert's events named, as the
 * incident's observables
 */
public record AlertEscalated(long alertId, @Nullable Long agencyId, @Nullable Long systemId, String title,
		String description, AlertSeverity severity, Instant firstSeenAt, List<String> addresses, String by) {
}
