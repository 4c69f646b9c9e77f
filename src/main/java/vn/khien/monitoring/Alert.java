package vn.khien.monitoring;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a detection rule (or a correlation) matched: once per rule and group within the
 * deduplication window, counting the events that matched again. {@code ruleAuthor} is
 * shown wherever the alert is: the Detection Rule License asks it of every message based
 * on a rule's matches.
 *
 * @param agencyId null when nobody could be found to own the event's host (the operators'
 * queue)
 */
public record Alert(long id, @Nullable Long agencyId, @Nullable Long systemId, @Nullable Long assetId, String ruleUid,
		String ruleTitle, @Nullable String ruleAuthor, AlertSeverity severity, List<String> tags,
		@Nullable String hostName, @Nullable String groupKey, AlertStatus status, Instant firstSeenAt,
		Instant lastSeenAt, long eventCount, @Nullable Long incidentId, Instant statusAt, @Nullable String statusBy,
		@Nullable String note, int version) {

	/**
	 * The ATT&amp;CK techniques among the tags ({@code attack.t1059.001} gives
	 * {@code T1059.001}).
	 */
	public List<String> techniques() {
		return AlertDays.techniques(tags);
	}

}
