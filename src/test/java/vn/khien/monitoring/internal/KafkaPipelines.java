package vn.khien.monitoring.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.monitoring.Alerts;
import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.transport.EventTransport;
import vn.khien.monitoring.transport.KafkaSettings;

/**
 * The application's pipeline on a transport of the test's own (a Kafka topic of its own),
 * built from the shared context's beans, so that a Kafka test needs no context of its
 * own.
 */
public final class KafkaPipelines {

	private KafkaPipelines() {
	}

	public static EventPipeline on(ApplicationContext context, EventTransport transport, KafkaSettings kafka) {
		return new EventPipeline(context.getBean(JdbcClient.class), context.getBean(JdbcTemplate.class),
				context.getBean(EventSources.class), context.getBean(RuleEngine.class),
				context.getBean(Attribution.class), context.getBean(AlertWriter.class), context.getBean(Alerts.class),
				context.getBean(MonitoringSettings.class), context.getBean(PlatformTransactionManager.class),
				context.getBean(JsonMapper.class), transport, kafka);
	}

}
