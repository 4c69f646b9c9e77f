package vn.khien.monitoring.event;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Limits and assumptions of the decoder.
 *
 * @param maxMessageBytes largest text message (syslog line, CEF) in bytes
 * @param maxObjectBytes largest JSON object in bytes
 * @param maxDepth deepest JSON nesting accepted
 * @param localZone zone of times written without one where the sender's local time is
 * meant (RFC 3164 syslog); JSON times without a zone are read as UTC, as Windows and
 * Sysmon write them
 * @param clock the receive time, for events without a usable time of their own
 */
public record DecoderSettings(int maxMessageBytes, int maxObjectBytes, int maxDepth, ZoneId localZone, Clock clock) {

	public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

	public static final int DEFAULT_MAX_OBJECT_BYTES = 1024 * 1024;

	public DecoderSettings {
		if (maxMessageBytes < 16 || maxObjectBytes < 16 || maxDepth < 4) {
			throw new IllegalArgumentException("limits too small");
		}
	}

	/**
	 * 64 KiB per message, 1 MiB per object, depth 64, Vietnam's zone, the system clock.
	 */
	public static DecoderSettings defaults() {
		return new DecoderSettings(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_OBJECT_BYTES, 64,
				ZoneId.of("Asia/Ho_Chi_Minh"), Clock.systemUTC());
	}

	public DecoderSettings withClock(Clock clock) {
		return new DecoderSettings(this.maxMessageBytes, this.maxObjectBytes, this.maxDepth, this.localZone, clock);
	}

	public DecoderSettings withLocalZone(ZoneId zone) {
		return new DecoderSettings(this.maxMessageBytes, this.maxObjectBytes, this.maxDepth, zone, this.clock);
	}

	public DecoderSettings withLimits(int maxMessageBytes, int maxObjectBytes) {
		return new DecoderSettings(maxMessageBytes, maxObjectBytes, this.maxDepth, this.localZone, this.clock);
	}

}
