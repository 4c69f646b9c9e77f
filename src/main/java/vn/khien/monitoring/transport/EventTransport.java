package vn.khien.monitoring.transport;

/**
 * Carries raw events from the receivers to detection: {@link InProcessTransport} on one
 * node, {@link KafkaTransport} when {@code khien.monitoring.kafka.bootstrap-servers} is
 * set. Both deliver at least once and keep one agency's events in order.
 */
public interface EventTransport {

	/**
	 * Takes an event without blocking (at most a few milliseconds). False when the
	 * transport is full or stopped: the receiver answers 429/503 or stops reading its
	 * socket for a while.
	 */
	boolean publish(RawEvent event);

	/** Starts delivering batches to the handler, on the transport's own threads. */
	void start(EventHandler handler);

	/**
	 * Refuses new events, lets the batches under way finish and stops; the in-process
	 * transport first delivers what it holds. Idempotent.
	 */
	void stop();

	TransportCounters counters();

}
