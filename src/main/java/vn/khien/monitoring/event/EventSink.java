package vn.khien.monitoring.event;

/** Where the decoder hands what it read, in input order, on the caller's thread. */
public interface EventSink {

	void accept(DecodedEvent event);

	void reject(DecodeError error);

}
