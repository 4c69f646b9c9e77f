package vn.khien.monitoring.transport;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An event as a receiver took it, before decoding: where it came from, when, a hint of
 * its shape ({@code ndjson-line}, {@code syslog}...) and its bytes. The id is given once,
 * at the receiver, and travels with the event, so that a re-delivered event can be
 * recognised (the alert writer keys its alerts on it).
 *
 * @param id time-ordered (UUID version 7), unique per event
 * @param sourceId the log source that sent it
 * @param agencyId the agency that owns the source; Kafka's key, so that one agency's
 * events keep their order
 * @param receivedAt when the receiver took it
 * @param format a short hint of the payload's shape for the decoders
 * @param payload the bytes as received
 */
public record RawEvent(UUID id, long sourceId, long agencyId, Instant receivedAt, String format, byte[] payload) {

	public RawEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(payload, "payload");
	}

	/** A new event with a fresh id. */
	public RawEvent(long sourceId, long agencyId, Instant receivedAt, String format, byte[] payload) {
		this(newId(receivedAt), sourceId, agencyId, receivedAt, format, payload);
	}

	/**
	 * A UUID version 7 (RFC 9562): the time in milliseconds, then random bits.
	 * Time-ordered ids keep a database index on them compact; ThreadLocalRandom, not
	 * SecureRandom: an event id need not be unguessable, and receivers make tens of
	 * thousands a second.
	 */
	static UUID newId(Instant at) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RawEvent e && this.id.equals(e.id) && this.sourceId == e.sourceId
				&& this.agencyId == e.agencyId && this.receivedAt.equals(e.receivedAt) && this.format.equals(e.format)
				&& Arrays.equals(this.payload, e.payload);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "RawEvent[id=" + this.id + ", sourceId=" + this.sourceId + ", agencyId=" + this.agencyId
				+ ", receivedAt=" + this.receivedAt + ", format=" + this.format + ", payload=" + this.payload.length
				+ " bytes]";
	}

}
