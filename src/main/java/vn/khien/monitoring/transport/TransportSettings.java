package vn.khien.monitoring.transport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are handed to detection, with or without Kafka
 * ({@code khien.monitoring.transport.*}).
 *
 * @param workers threads that call the handler: in-process workers, or consumers of the
 * Kafka group on this node (more than the topic's partitions stay idle)
 * @param batchSize most events in one batch (Kafka's {@code max.poll.records})
 * @param queueCapacity events the in-process transport holds before it refuses (split
 * evenly over the workers); not used with Kafka, whose buffer is the topic
 * @param retryBackoff the wait before a batch the handler threw on is offered again,
 * doubled at each failure up to {@code maxRetryBackoff}
 * @param maxRetryBackoff the longest wait between two attempts
 * @param stopTimeout how long stop waits for the workers (and the producer's last sends)
 */
@ConfigurationProperties("khien.monitoring.transport")
public record TransportSettings(@DefaultValue("2") int workers, @DefaultValue("500") int batchSize,
		@DefaultValue("100000") int queueCapacity, @DefaultValue("200ms") Duration retryBackoff,
		@DefaultValue("10s") Duration maxRetryBackoff, @DefaultValue("30s") Duration stopTimeout) {

	public TransportSettings {
		if (workers < 1 || batchSize < 1 || queueCapacity < 1) {
			throw new IllegalArgumentException("workers, batch-size and queue-capacity must be at least 1");
		}
	}

	/** The defaults, for code that builds a transport without Spring (tests, bench). */
	public static TransportSettings defaults() {
		return new TransportSettings(2, 500, 100_000, Duration.ofMillis(200), Duration.ofSeconds(10),
				Duration.ofSeconds(30));
	}

	public TransportSettings withWorkers(int workers) {
		return new TransportSettings(workers, this.batchSize, this.queueCapacity, this.retryBackoff,
				this.maxRetryBackoff, this.stopTimeout);
	}

	public TransportSettings withBatchSize(int batchSize) {
		return new TransportSettings(this.workers, batchSize, this.queueCapacity, this.retryBackoff,
				this.maxRetryBackoff, this.stopTimeout);
	}

	public TransportSettings withQueueCapacity(int queueCapacity) {
		return new TransportSettings(this.workers, this.batchSize, queueCapacity, this.retryBackoff,
				this.maxRetryBackoff, this.stopTimeout);
	}

	public TransportSettings withRetryBackoff(Duration retryBackoff, Duration maxRetryBackoff) {
		return new TransportSettings(this.workers, this.batchSize, this.queueCapacity, retryBackoff, maxRetryBackoff,
				this.stopTimeout);
	}

	public TransportSettings withStopTimeout(Duration stopTimeout) {
		return new TransportSettings(this.workers, this.batchSize, this.queueCapacity, this.retryBackoff,
				this.maxRetryBackoff, stopTimeout);
	}

}
