package vn.khien.monitoring.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extra checks on the GPL, AGPL and Elastic-licensed samples, read where they are
 * (../shared/samples, never copied); skipped on machines without them.
 */
class SharedSamplesTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path shared = Collected.shared();

	private final EventDecoder decoder = Collected.decoder(Instant.parse("2010-12-01T00:00:00Z"));

	private Path sample(String path) {
		Path file = this.shared.resolve(path);
		Assumptions.assumeTrue(Files.exists(file), "shared samples not on this machine");
		return file;
	}

	@Test
	void wazuhAlertsGive1124AlertsWithRulesAgentsAndMitre() {
		Collected c = Collected.json(this.decoder,
				sample("wazuh-alerts/wazuh-sample-alerts/alerts.timestamped.ndjson"));
		assertThat(c.errors).isEmpty();
		assertThat(c.events).hasSize(1124).allSatisfy((e) -> {
			assertThat(e.shape()).isEqualTo(EventShape.WAZUH_ALERT);
			assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.EVENT);
			assertThat(e.field("rule.id")).isNotNull();
			assertThat(e.field("rule.level")).isInstanceOf(Long.class);
			assertThat(e.field("event.kind")).isEqualTo("alert");
			assertThat(e.hostNames()).isNotEmpty();
		});
		assertThat(c.events.stream().filter((e) -> e.field("rule.mitre.id") != null).count()).isEqualTo(90);
		assertThat(c.events.get(0).timestamp()).isEqualTo(Instant.parse("2025-01-06T01:00:00Z"));
		assertThat(c.events.get(0).addresses()).containsExactly("47.204.15.21");

		// the raw file's {timestamp} placeholder: every alert kept, on the receive time
		Collected raw = Collected.json(this.decoder, sample("wazuh-alerts/wazuh-sample-alerts/alerts.json"));
		assertThat(raw.events).hasSize(1124);
		assertThat(raw.stats.notes(EventNote.TIMESTAMP_UNPARSEABLE)).isEqualTo(1124);
	}

	@Test
	void rsyslogParse1PairsGiveTheSamePriorityFacilitySeverityHostTagAndMessage() throws IOException {
		List<String> compared = new ArrayList<>();
		for (String line : Files.readAllLines(sample("syslog/rsyslog-parse1/labeled.jsonl"))) {
			JsonNode pair = MAPPER.readTree(line);
			String source = pair.get("source_file").asString();
			// rsyslog's test driver sends \\011 in its files as a tab
			String input = pair.get("input").asString().replace("\\011", "\t");
			JsonNode expected = pair.get("expected");
			Collected c = Collected.message(this.decoder, input);
			assertThat(c.errors).as(input).isEmpty();
			DecodedEvent e = c.events.get(0);
			assertThat(e.field("priority")).as(input).isEqualTo(Long.parseLong(expected.get("pri").asString()));
			assertThat(e.field("facility")).as(input).isEqualTo(expected.get("facility").asString());
			assertThat(e.field("severity")).as(input).isEqualTo(expected.get("severity").asString());
			String host = expected.get("hostname").asString();
			if (!"~H".equals(host)) {
				// ~H is rsyslog's own host name, filled in when the line has none
				assertThat(e.field("hostname")).as(input).isEqualTo(host);
			}
			String program = expected.get("programname").asString();
			String tag = expected.get("syslogtag").asString();
			boolean rfc5424 = e.shape() == EventShape.SYSLOG_RFC5424;
			Object appName = e.field("app_name");
			if (rfc5424) {
				// rsyslog 8 of 2018 left programname empty for RFC 5424
				assertThat(e.field("tag")).as(input).isEqualTo(tag);
			}
			else if (!"malformed1.parse1".equals(source)) {
				// (rsyslog ends that program name at a comma; the tag is the same)
				assertThat(rsyslogEscaped(appName)).as(input).isEqualTo(program);
				assertThat(rsyslogEscaped(e.field("tag"))).as(input).isEqualTo(tag);
			}
			String msg = expected.get("msg").asString().strip();
			// (the labels of these two were split at commas inside the message)
			if (!"rfc5424-3.parse1".equals(source) && !"malformed1.parse1".equals(source)) {
				// (one snare line ends in a backslash the label left out)
				assertThat(rsyslogEscaped(e.message()).strip()).as(input).startsWith(msg);
			}
			compared.add(source);
		}
		assertThat(compared).hasSize(49);
	}

	/** rsyslog writes control characters as #ooo. */
	private static String rsyslogEscaped(Object text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : text.toString().toCharArray()) {
			if (c < 32) {
				out.append('#').append(String.format("%03o", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	@Test
	void wazuhRulesetAndBenchmarkLinesDecodeWithoutError() throws IOException {
		int lines = 0;
		for (String line : Files.readAllLines(sample("syslog/wazuh-ruleset-tests/labeled.jsonl"))) {
			String log = MAPPER.readTree(line).get("log").asString();
			Collected c = Collected.message(this.decoder, log);
			assertThat(c.errors).as(log).isEmpty();
			assertThat(c.events.get(0).original()).isEqualTo(log);
			lines++;
		}
		assertThat(lines).isEqualTo(407);
		Collected benchmark = Collected.lines(this.decoder, sample("syslog/wazuh-benchmark/syslog.log"));
		assertThat(benchmark.errors).isEmpty();
		assertThat(benchmark.events).hasSize(1000).allSatisfy((e) -> {
			assertThat(e.notes()).containsExactly(EventNote.PRI_MISSING);
			assertThat(e.field("hostname")).isNotNull();
			assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.EVENT);
		});
		Map<Object, Long> services = new TreeMap<>();
		benchmark.events.forEach((e) -> services.merge(String.valueOf(e.logSource().service()), 1L, Long::sum));
		assertThat(services).containsKeys("sshd", "sudo");
	}

	@Test
	void elasticEveSmallDecodesEveryType() {
		Collected c = Collected.json(this.decoder, sample("suricata-eve/elastic-beats/eve-small.log"));
		assertThat(c.errors).isEmpty();
		assertThat(c.events).hasSize(8);
		assertThat(c.events).extracting((e) -> e.field("event_type"))
			.containsExactlyInAnyOrder("ssh", "alert", "http", "fileinfo", "dns", "stats", "tls", "flow");
	}

	@Test
	void ecsSysmonDocumentMapsToTheSameSigmaNamesAsItsRawXml() throws IOException {
		Path file = sample("ecs/elastic-integrations-sample-events/windows.sysmon_operational.sample_event.json");
		String text = Files.readString(file, StandardCharsets.UTF_8);
		DecodedEvent ecs = Collected.json(this.decoder, file).events.get(0);
		String xml = MAPPER.readTree(text).get("event").get("original").asString();
		DecodedEvent raw = Collected.message(this.decoder, xml).events.get(0);
		assertThat(ecs.shape()).isEqualTo(EventShape.WINDOWS_ECS);
		assertThat(raw.shape()).isEqualTo(EventShape.WINDOWS_XML);
		assertThat(raw.fields()).containsKeys("EventID", "Channel", "Provider_Name", "Computer", "Image", "QueryName",
				"QueryResults");
		for (Map.Entry<String, Object> field : raw.fields().entrySet()) {
			assertThat(String.valueOf(ecs.field(field.getKey()))).as(field.getKey())
				.isEqualTo(String.valueOf(field.getValue()));
		}

		// without the raw XML, the ECS names alone give the fields Sysmon rules read most
		String stripped = text.replaceFirst("\"original\": \"(?:[^\"\\\\]|\\\\.)*\",", "");
		Collected c = new Collected();
		this.decoder.decodeJson(new java.io.ByteArrayInputStream(stripped.getBytes(StandardCharsets.UTF_8)), c);
		DecodedEvent alone = c.events.get(0);
		assertThat(alone.field("event.original")).isNull();
		for (String name : Set.of("EventID", "Channel", "Provider_Name", "Computer", "Image", "ProcessId",
				"ProcessGuid", "QueryName")) {
			assertThat(String.valueOf(alone.field(name))).as(name).isEqualTo(String.valueOf(raw.field(name)));
		}
	}

	@Test
	void ecsSuricataDocumentMapsToTheSameNamesAsItsRawEveLine() throws IOException {
		DecodedEvent ecs = Collected.json(this.decoder,
				sample("ecs/elastic-integrations-sample-events/suricata.eve.sample_event.json")).events
			.get(0);
		String firstLine = Files.readAllLines(sample("suricata-eve/elastic-beats/eve-small.log")).get(0);
		DecodedEvent raw = Collected.message(this.decoder, firstLine).events.get(0);
		assertThat(ecs.logSource()).isEqualTo(raw.logSource());
		for (String name : List.of("event_type", "src_ip", "src_port", "dest_ip", "dest_port", "proto", "flow_id",
				"in_iface", "ssh.client.software_version", "ssh.server.software_version", "source.ip",
				"destination.port", "network.transport")) {
			assertThat(String.valueOf(ecs.field(name)).toLowerCase()).as(name)
				.isEqualTo(String.valueOf(raw.field(name)).toLowerCase());
		}
		// ECS keeps milliseconds
		assertThat(ecs.timestamp()).isEqualTo(raw.timestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		assertThat(ecs.addresses()).containsExactlyInAnyOrderElementsOf(raw.addresses());
	}

}
