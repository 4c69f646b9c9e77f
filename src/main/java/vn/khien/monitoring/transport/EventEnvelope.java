package vn.khien.monitoring.transport;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * A raw event as the bytes of a Kafka record's value: a version byte, the id, the source,
 * the agency, the time received, the format hint and the payload as it came, without an
 * escaping layer (JSON would have to base64 a binary payload). All numbers big-endian.
 *
 * <pre>
 * 1  version (1)
 * 16 id
 * 8  sourceId
 * 8  agencyId
 * 8  receivedAt, seconds since the epoch
 * 4  receivedAt, nanoseconds
 * 1  length of format, then format in UTF-8
 * 4  length of payload, then payload
 * </pre>
 */
final class EventEnvelope {

	static final byte VERSION = 1;

	private static final int FIXED = 1 + 16 + 8 + 8 + 8 + 4 + 1 + 4;

	private EventEnvelope() {
	}

	static byte[] encode(RawEvent event) {
		byte[] format = event.format().getBytes(StandardCharsets.UTF_8);
		if (format.length > 255) {
			throw new IllegalArgumentException("format hint longer than 255 bytes: " + event.format());
		}
		ByteBuffer out = ByteBuffer.allocate(FIXED + format.length + event.payload().length);
		out.put(VERSION);
		out.putLong(event.id().getMostSignificantBits()).putLong(event.id().getLeastSignificantBits());
		out.putLong(event.sourceId()).putLong(event.agencyId());
		out.putLong(event.receivedAt().getEpochSecond()).putInt(event.receivedAt().getNano());
		out.put((byte) format.length).put(format);
		out.putInt(event.payload().length).put(event.payload());
		return out.array();
	}

	/**
	 * The event, or an IllegalArgumentException saying at which byte the value stopped
	 * making sense.
	 */
	static RawEvent decode(byte[] value) {
		ByteBuffer in = ByteBuffer.wrap(value);
		try {
			byte version = in.get();
			if (version != VERSION) {
				throw new IllegalArgumentException("unknown envelope version " + version + " at byte 0");
			}
			UUID id = new UUID(in.getLong(), in.getLong());
			long sourceId = in.getLong();
			long agencyId = in.getLong();
			Instant receivedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
			byte[] format = new byte[Byte.toUnsignedInt(in.get())];
			in.get(format);
			int length = in.getInt();
			if (length != in.remaining()) {
				throw new IllegalArgumentException("payload length " + length + " at byte " + (in.position() - 4)
						+ " but " + in.remaining() + " bytes follow");
			}
			byte[] payload = new byte[length];
			in.get(payload);
			return new RawEvent(id, sourceId, agencyId, receivedAt, new String(format, StandardCharsets.UTF_8),
					payload);
		}
		catch (BufferUnderflowException ex) {
			throw new IllegalArgumentException("envelope ends at byte " + value.length + ", in the middle of a field",
					ex);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("time received out of range at byte 33", ex);
		}
	}

}
