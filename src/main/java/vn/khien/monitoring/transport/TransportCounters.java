package vn.khien.monitoring.transport;

/**
 * Counts of events since the transport was made.
 *
 * @param accepted publish answered true
 * @param refused publish answered false (full or stopped)
 * @param lost accepted but never to be handled: the broker never confirmed them, or the
 * in-process queue still held them when stop gave up
 * @param handled delivered in a batch the handler returned from
 * @param failed delivered in a batch the handler threw on, once per attempt
 * @param malformed records on the topic that were no event, skipped
 */
public record TransportCounters(long accepted, long refused, long lost, long handled, long failed, long malformed) {

}
