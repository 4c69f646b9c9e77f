package vn.khien.monitoring.syslog;

/**
 * Where the receivers hand messages: the monitoring pipeline, a bounded hand-off. This is
 * a boundary, so an interface: the pipeline implements it, tests use a bounded queue.
 */
public interface SyslogSink {

	/**
	 * Takes {@code message} if there is room, without waiting: it is called on a network
	 * thread. False when full: a TCP or TLS connection then stops reading and offers the
	 * same message again a few milliseconds later (the sender is slowed by its TCP
	 * window); a UDP datagram is dropped and counted.
	 */
	boolean offer(SyslogMessage message);

}
