package vn.khien.monitoring.syslog;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One framed syslog message, as received: its bytes without the framing (no octet count,
 * no trailing LF, CRLF or NUL), undecoded.
 *
 * @param bytes the message; the receivers never touch it after the hand-off
 * @param peer the sender's address and port (for a relay, the relay)
 * @param receivedAt when the receiver read it
 * @param transport how it came
 */
public record SyslogMessage(byte[] bytes, InetSocketAddress peer, Instant receivedAt, Transport transport) {

	/** The bytes as UTF-8 (RFC 5424's charset; malformed sequences become U+FFFD). */
	public String text() {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SyslogMessage m && Arrays.equals(bytes, m.bytes) && peer.equals(m.peer)
				&& receivedAt.equals(m.receivedAt) && transport == m.transport;
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(bytes) + receivedAt.hashCode();
	}

	@Override
	public String toString() {
		// NB: a message may hold secrets a sender logged; a log line built from this
		// shows its size only
		return "SyslogMessage[" + bytes.length + " bytes from " + peer + " over " + transport.tag() + " at "
				+ receivedAt + "]";
	}

}
