package vn.khien.monitoring.event;

import org.jspecify.annotations.Nullable;

/**
 * What the decoder knows of where an event came from, in Sigma's log-source words
 * (product, category, service), each absent when the shape does not say. Windows events
 * carry only the product: their category and service follow from their channel and event
 * id, which the rules' routing reads.
 */
public record LogSource(@Nullable String product, @Nullable String category, @Nullable String service) {

	public static final LogSource UNKNOWN = new LogSource(null, null, null);

}
