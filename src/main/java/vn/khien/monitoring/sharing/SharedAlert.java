package vn.khien.monitoring.sharing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.AlertStatus;
import vn.khien.platform.stix.Observation;
import vn.khien.platform.stix.Tlp;

/**
 * What an alert shares: its rule (with the author the Detection Rule License asks to be
 * carried), when and how often it matched, its TLP, and the observables its events named.
 * Never the agency, the host or the events themselves.
 *
 * @param addedAt when this version was published: the later of its last step and its last
 * TLP change
 * @param ruleYaml the rule as loaded, the indicator's pattern when no event named
 * anything
 */
record SharedAlert(long id, String ruleUid, String ruleTitle, @Nullable String ruleAuthor, AlertSeverity severity,
		List<String> tags, AlertStatus status, Instant firstSeenAt, Instant lastSeenAt, long eventCount, Tlp tlp,
		Instant addedAt, List<Observable> observables, @Nullable String ruleYaml) {

	SharedAlert {
		tags = List.copyOf(tags);
		observables = List.copyOf(observables);
	}

	/** A value an event named, and the ECS field it was in ({@code source.ip}). */
	record Observable(Observation observation, String field) {
	}

	/** The version's creation: STIX refuses a modified before created. */
	Instant created() {
		return firstSeenAt.isBefore(addedAt) ? firstSeenAt : addedAt;
	}

	Instant lastSeen() {
		return lastSeenAt.isBefore(firstSeenAt) ? firstSeenAt : lastSeenAt;
	}

	/** A false positive is withdrawn: its objects are shared again, revoked. */
	boolean withdrawn() {
		return status == AlertStatus.FALSE_POSITIVE;
	}

}
