package vn.khien.monitoring.transport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TransportConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(TransportConfiguration.class);

	@Test
	void withoutKafkaEventsStayInTheProcess() {
		this.context.withPropertyValues("khien.monitoring.transport.queue-capacity=10")
			.run((ctx) -> assertThat(ctx).getBean(EventTransport.class).isInstanceOf(InProcessTransport.class));
	}

	@Test
	void kafkaServersChooseKafka() {
		this.context
			.withPropertyValues("khien.monitoring.kafka.bootstrap-servers=127.0.0.1:9",
					"khien.monitoring.kafka.partitions=34", "khien.monitoring.kafka.client.security.protocol=PLAINTEXT")
			.run((ctx) -> {
				assertThat(ctx).getBean(EventTransport.class).isInstanceOf(KafkaTransport.class);
				KafkaSettings settings = ctx.getBean(KafkaSettings.class);
				assertThat(settings.partitions()).isEqualTo(34);
				assertThat(settings.topic()).isEqualTo("khien.events.raw");
				assertThat(settings.client()).containsEntry("security.protocol", "PLAINTEXT");
			});
	}

}
