package vn.khien.monitoring.syslog;

/**
 * What one transport's receiver has counted since it started.
 *
 * @param transport the transport
 * @param received messages handed to the sink
 * @param droppedFull messages the sink refused and that were lost: UDP datagrams while it
 * was full, and stream messages still refused when a stop's drain time ran out
 * @param oversize frames (or datagrams) larger than the maximum message size, discarded
 * @param badFrame framing errors: a bad octet count (the connection is closed), an octet
 * counted frame cut short by the end of its connection, an empty datagram
 * @param connectionsOpen stream connections open now (0 for UDP)
 * @param connectionsRefused stream connections closed at once because the maximum was
 * reached
 * @param pauses times a stream connection stopped reading because the sink was full
 * @param errors connections closed by an error: a failed TLS handshake, a reset, an idle
 * timeout
 */
public record SyslogCounters(Transport transport, long received, long droppedFull, long oversize, long badFrame,
		long connectionsOpen, long connectionsRefused, long pauses, long errors) {

}
