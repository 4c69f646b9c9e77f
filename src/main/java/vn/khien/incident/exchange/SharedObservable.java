package vn.khien.incident.exchange;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One observable of a case.
 *
 * @param kind IP, DOMAIN, URL, FILE_HASH, EMAIL or PHONE; another kind is shared as text
 * @param tlp TLP 2.0 label of this observable, which may differ from the case's
 * @param lastSeen when it was last seen; null reads as {@code firstSeen}
 * @param sightings how many times it was seen
 */
public record SharedObservable(long id, String kind, String value, String tlp, Instant firstSeen,
		@Nullable Instant lastSeen, int sightings) {

	public Instant seenUntil() {
		return lastSeen == null || lastSeen.isBefore(firstSeen) ? firstSeen : lastSeen;
	}

}
