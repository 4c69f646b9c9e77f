package vn.khien.monitoring.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** CEF (jcustenborder's cases) and syslog headers as RFC 3164 and RFC 5424 write them. */
class CefAndSyslogTests {

	// the cases' yearless dates are read as 2017, their year
	private final EventDecoder decoder = Collected.decoder(Instant.parse("2017-06-01T00:00:00Z"));

	@Test
	void everyJcustenborderCaseGivesItsExpectedHeaderExtensionsHostAndTime() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Path> files;
		try (Stream<Path> list = Files.list(Collected.resources().resolve("cef/jcustenborder-cef-parser/messages"))) {
			files = list.sorted().toList();
		}
		assertThat(files).hasSize(90);
		for (Path file : files) {
			JsonNode testCase = mapper.readTree(file.toFile());
			JsonNode expected = testCase.get("expected");
			Collected c = Collected.message(this.decoder, testCase.get("input").asString());
			assertThat(c.errors).as(file.toString()).isEmpty();
			DecodedEvent e = c.events.get(0);
			assertThat(e.shape()).isEqualTo(EventShape.CEF);
			assertThat(e.field("cefVersion")).isEqualTo(expected.get("cefVersion").asLong());
			for (String header : List.of("deviceVendor", "deviceProduct", "deviceVersion", "deviceEventClassId", "name",
					"severity")) {
				assertThat(e.field(header)).as(file + " " + header).isEqualTo(expected.get(header).asString());
			}
			JsonNode extensions = expected.get("extensions");
			Map<String, Object> ecsExtensions = (Map<String, Object>) ((Map<?, ?>) e.ecs().get("cef"))
				.get("extensions");
			assertThat(ecsExtensions).as(file.toString()).hasSize(extensions == null ? 0 : extensions.size());
			if (extensions != null) {
				for (var entry : extensions.properties()) {
					assertThat(e.field(entry.getKey())).as(file + " " + entry.getKey())
						.isEqualTo(entry.getValue().asString());
				}
			}
			if (expected.has("host")) {
				assertThat(e.hostNames()).as(file.toString()).startsWith(expected.get("host").asString());
			}
			if (expected.has("timestamp")) {
				// rt, when there, is the event's time; the syslog header's goes to
				// event.created
				Instant header = Instant.ofEpochMilli(expected.get("timestamp").asLong());
				if (extensions != null && extensions.has("rt")) {
					assertThat(e.timestamp()).isEqualTo(Instant.ofEpochMilli(extensions.get("rt").asLong()));
					assertThat(e.field("event.created")).as(file.toString()).isEqualTo(header.toString());
				}
				else {
					assertThat(e.timestamp()).as(file.toString()).isEqualTo(header);
				}
			}
		}
	}

	@Test
	void cefKeysMapToEcs() {
		DecodedEvent e = one("<134>CEF:0|Fortinet|FortiGate|7.2|0001|traffic denied|High|src=10.1.2.3 spt=51000 "
				+ "dst=203.0.113.5 dpt=443 proto=TCP act=deny suser=alice duser=bob shost=pc01 dhost=web.example "
				+ "app=HTTPS request=https://web.example/a?b\\=c rt=1700000000000 msg=two words\\nand a line");
		assertThat(e.field("source.ip")).isEqualTo("10.1.2.3");
		assertThat(e.field("source.port")).isEqualTo(51000L);
		assertThat(e.field("destination.ip")).isEqualTo("203.0.113.5");
		assertThat(e.field("destination.port")).isEqualTo(443L);
		assertThat(e.field("network.transport")).isEqualTo("tcp");
		assertThat(e.field("event.action")).isEqualTo("deny");
		assertThat(e.field("source.user.name")).isEqualTo("alice");
		assertThat(e.field("destination.user.name")).isEqualTo("bob");
		assertThat(e.field("url.original")).isEqualTo("https://web.example/a?b=c");
		assertThat(e.field("event.severity")).isEqualTo(8L);
		assertThat(e.message()).isEqualTo("two words\nand a line");
		assertThat(e.timestamp()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
		assertThat(e.hostNames()).containsExactly("pc01", "web.example");
		assertThat(e.addresses()).containsExactly("10.1.2.3", "203.0.113.5", "192.0.2.9");
	}

	@Test
	void badCefIsAClearError() {
		assertThat(error("CEF:0|Vendor|Product|1.0|100|name")).contains("6 of 7 fields");
		assertThat(error("CEF:0|Vendor|Product|1.0|100|name \\|5")).contains("6 of 7 fields");
		assertThat(error("CEF:0|Vendor|Product|1.0|100|name|5|src=1.2.3.4 act=trailing\\")).contains("lone backslash");
		assertThat(error("CEF:0|Vendor|Product|1.0|100|name|5|no key here src=1.2.3.4"))
			.contains("does not start with key=value");
		assertThat(error("CEF:0x|Vendor|Product|1.0|100|name|5|")).contains("version");
	}

	@Test
	void rfc3164HeaderGivesPriorityHostTagAndMessage() {
		DecodedEvent e = one("<38>Mar  7 19:06:53 server1 sshd[12750]: Accepted publickey for root from 198.51.100.7");
		assertThat(e.shape()).isEqualTo(EventShape.SYSLOG_RFC3164);
		assertThat(e.field("priority")).isEqualTo(38L);
		assertThat(e.field("facility")).isEqualTo("auth");
		assertThat(e.field("severity")).isEqualTo("info");
		assertThat(e.field("hostname")).isEqualTo("server1");
		assertThat(e.field("app_name")).isEqualTo("sshd");
		assertThat(e.field("procid")).isEqualTo("12750");
		assertThat(e.field("process.pid")).isEqualTo(12750L);
		assertThat(e.message()).isEqualTo("Accepted publickey for root from 198.51.100.7");
		assertThat(e.values()).containsExactly("Accepted publickey for root from 198.51.100.7");
		assertThat(e.timestamp()).isEqualTo(Instant.parse("2017-03-07T19:06:53Z"));
		assertThat(e.logSource()).isEqualTo(new LogSource("linux", null, "sshd"));
		assertThat(e.hostNames()).containsExactly("server1");
		assertThat(e.addresses()).containsExactly("192.0.2.9");
	}

	@Test
	void yearlessDateAheadOfTheReceiveTimeIsLastYears() {
		DecodedEvent e = one("<13>Dec 31 23:59:59 host app: late");
		assertThat(e.timestamp()).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
	}

	@Test
	void rfc5424WithStructuredDataAndBom() {
		DecodedEvent e = one("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
				+ "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 "
				+ "class=\"high \\\"quoted\\\" \\] end\"] \uFEFFAn application event log entry");
		assertThat(e.shape()).isEqualTo(EventShape.SYSLOG_RFC5424);
		assertThat(e.field("priority")).isEqualTo(165L);
		assertThat(e.field("facility")).isEqualTo("local4");
		assertThat(e.field("severity")).isEqualTo("notice");
		assertThat(e.field("hostname")).isEqualTo("mymachine.example.com");
		assertThat(e.field("app_name")).isEqualTo("evntslog");
		assertThat(e.field("procid")).isNull();
		assertThat(e.field("msgid")).isEqualTo("ID47");
		assertThat(e.field("exampleSDID@32473.eventID")).isEqualTo("1011");
		assertThat(e.field("examplePriority@32473.class")).isEqualTo("high \"quoted\" ] end");
		assertThat(e.message()).isEqualTo("An application event log entry");
		assertThat(e.timestamp()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
		assertThat(e.notes()).isEmpty();
	}

	@Test
	void rfc5424WithNilTimeAndBrokenStructuredData() {
		DecodedEvent e = one("<34>1 - host su - - [broken sd here");
		assertThat(e.shape()).isEqualTo(EventShape.SYSLOG_RFC5424);
		assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.RECEIVED);
		assertThat(e.notes()).contains(EventNote.TIMESTAMP_MISSING, EventNote.STRUCTURED_DATA_INVALID);
		assertThat(e.message()).isEqualTo("[broken sd here");
	}

	@Test
	void missingPriorityIsThirteenAndNoted() {
		DecodedEvent e = one("Feb 18 16:01:59 serverX -- MARK --");
		assertThat(e.field("priority")).isEqualTo(13L);
		assertThat(e.field("facility")).isEqualTo("user");
		assertThat(e.field("severity")).isEqualTo("notice");
		assertThat(e.field("hostname")).isEqualTo("serverX");
		assertThat(e.notes()).containsExactly(EventNote.PRI_MISSING);
	}

	@Test
	void invalidPriorityMakesTheWholeLineTheMessage() {
		for (String line : List.of("<192>Oct 11 22:14:15 host su: x", "<012>Oct 11 22:14:15 host su: x",
				"<abc>Oct 11 22:14:15 host su: x", "<>Oct 11 22:14:15 host su: x", "<13Oct 11 22:14:15 host su: x")) {
			DecodedEvent e = one(line);
			assertThat(e.notes()).as(line).contains(EventNote.PRI_INVALID);
			assertThat(e.field("priority")).isEqualTo(13L);
			assertThat(e.message()).isEqualTo(line);
			assertThat(e.field("hostname")).isNull();
			assertThat(e.timeSource()).isEqualTo(DecodedEvent.TimeSource.RECEIVED);
		}
	}

	@Test
	void textWithNeitherPriorityNorTimeIsAGenericEvent() {
		String cisco = "172.16.5.10 6705: Feb 17 13:40:03.673: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged "
				+ "command:no access-session port-control";
		DecodedEvent e = one(cisco);
		assertThat(e.shape()).isEqualTo(EventShape.GENERIC_TEXT);
		assertThat(e.notes()).contains(EventNote.UNKNOWN_SHAPE, EventNote.TIMESTAMP_MISSING);
		assertThat(e.message()).isEqualTo(cisco);
		assertThat(e.values()).containsExactly(cisco);
	}

	@Test
	void auditdInsideSyslogAndWindowsXmlLines() {
		DecodedEvent audit = one("<14>Nov 10 07:48:16 ubuntu audispd: type=EXECVE msg=audit(1604994496.155:92733): "
				+ "argc=2 a0=\"arp\" a1=\"-a\"");
		assertThat(audit.shape()).isEqualTo(EventShape.AUDITD);
		assertThat(audit.field("a1")).isEqualTo("-a");
		assertThat(audit.field("hostname")).isEqualTo("ubuntu");
		assertThat(audit.timestamp()).isEqualTo(Instant.parse("2020-11-10T07:48:16.155Z"));
		DecodedEvent xml = one("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
				+ "<Provider Name='Microsoft-Windows-Sysmon'/><EventID>1</EventID><Channel>Microsoft-Windows-Sysmon/"
				+ "Operational</Channel><Computer>pc1</Computer><TimeCreated SystemTime='2024-01-02T03:04:05.1234567Z'/>"
				+ "</System><EventData><Data Name='Image'>C:\\x.exe</Data><Data Name='CommandLine'>x &amp; y</Data>"
				+ "</EventData></Event>");
		assertThat(xml.shape()).isEqualTo(EventShape.WINDOWS_XML);
		assertThat(xml.field("EventID")).isEqualTo(1L);
		assertThat(xml.field("CommandLine")).isEqualTo("x & y");
		assertThat(xml.field("process.command_line")).isEqualTo("x & y");
		assertThat(xml.timestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:05.1234567Z"));
	}

	private DecodedEvent one(String line) {
		Collected c = Collected.message(this.decoder, line);
		assertThat(c.errors).as(line).isEmpty();
		assertThat(c.events).as(line).hasSize(1);
		return c.events.get(0);
	}

	private String error(String line) {
		Collected c = Collected.message(this.decoder, line);
		assertThat(c.events).as(line).isEmpty();
		assertThat(c.errors).as(line).hasSize(1);
		assertThat(c.errors.get(0).reason()).isEqualTo(DecodeError.Reason.BAD_CEF);
		return c.errors.get(0).message();
	}

}
