/**
 * How raw events travel from the receivers to detection: in the process through a bounded
 * queue, or through a Kafka topic keyed by agency when the province scales out. Delivery
 * is at least once either way.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.transport;
