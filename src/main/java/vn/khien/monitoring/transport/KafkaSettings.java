package vn.khien.monitoring.transport;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Kafka, when the province runs it ({@code khien.monitoring.kafka.*}); without
 * {@code bootstrap-servers} events stay in the process. See docs/soc-scale.md.
 *
 * @param bootstrapServers {@code host:port,...} of the cluster; blank: no Kafka
 * @param topic the topic of raw events, created when missing
 * @param partitions the partitions it is created with: the most consumers that can share
 * the work
 * @param replicationFactor the copies of each partition it is created with (3 on a
 * cluster, 1 on a single broker)
 * @param groupId the consumer group of the detection workers: every node of one province
 * uses the same
 * @param bufferMemory what the producer holds while the brokers have not confirmed; when
 * full, publish refuses
 * @param maxBlock how long publish may wait for room in that buffer
 * @param compression the producer's {@code compression.type}
 * @param client further client settings passed as they are to the producer, the consumers
 * and the admin client (TLS, SASL: {@code security.protocol}, {@code sasl.mechanism},
 * {@code ssl.truststore.location}...)
 */
@ConfigurationProperties("khien.monitoring.kafka")
public record KafkaSettings(@Nullable String bootstrapServers, @DefaultValue("khien.events.raw") String topic,
		@DefaultValue("12") int partitions, @DefaultValue("1") short replicationFactor,
		@DefaultValue("khien-detection") String groupId, @DefaultValue("8MB") DataSize bufferMemory,
		@DefaultValue("10ms") Duration maxBlock, @DefaultValue("lz4") String compression,
		@DefaultValue Map<String, String> client) {

	public KafkaSettings {
		client = Map.copyOf(client);
	}

	/** Settings for the given cluster with the defaults otherwise (tests, bench). */
	public static KafkaSettings of(String bootstrapServers, String topic, int partitions, String groupId) {
		return new KafkaSettings(bootstrapServers, topic, partitions, (short) 1, groupId, DataSize.ofMegabytes(8),
				Duration.ofMillis(10), "lz4", Map.of());
	}

	public boolean enabled() {
		return this.bootstrapServers != null && !this.bootstrapServers.isBlank();
	}

	public KafkaSettings withGroupId(String groupId) {
		return new KafkaSettings(this.bootstrapServers, this.topic, this.partitions, this.replicationFactor, groupId,
				this.bufferMemory, this.maxBlock, this.compression, this.client);
	}

	public KafkaSettings withProducerBuffer(DataSize bufferMemory, Duration maxBlock, Map<String, String> client) {
		return new KafkaSettings(this.bootstrapServers, this.topic, this.partitions, this.replicationFactor,
				this.groupId, bufferMemory, maxBlock, this.compression, client);
	}

}
