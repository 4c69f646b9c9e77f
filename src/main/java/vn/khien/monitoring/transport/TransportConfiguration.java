package vn.khien.monitoring.transport;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One transport per node: Kafka when its servers are configured, the in-process queue
 * otherwise. The pipeline starts it with its handler; the context stops it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TransportSettings.class, KafkaSettings.class })
class TransportConfiguration {

	@Bean(destroyMethod = "stop")
	EventTransport eventTransport(TransportSettings transport, KafkaSettings kafka) {
		return kafka.enabled() ? new KafkaTransport(kafka, transport) : new InProcessTransport(transport);
	}

}
