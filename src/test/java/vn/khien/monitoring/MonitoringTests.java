package vn.khien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * The SOC end to end on a unit of the health department (in {@code officer}'s scope, out
 * of {@code officer2}'s): a source bound to it sends a SigmaHQ regression event, the rule
 * loaded from SigmaHQ raises an alert that names the rule's author and that officer2
 * never sees; the alert escalates to an incident; a correlation fires on the fifth failed
 * logon and not on the fourth; garbage is refused with its line and nothing else is lost.
 */
@KhienTest
class MonitoringTests {

	static final String BITSADMIN = "d059842b-6b9d-4ed1-b5c3-5b89143c6ede";

	static final String BITSADMIN_RULE = "/sigma/rules/rules/windows/process_creation/proc_creation_win_bitsadmin_download.yml";

	static final String BITSADMIN_EVENT = "/sigma/regression/rules/windows/process_creation/proc_creation_win_bitsadmin_download/"
			+ BITSADMIN + ".json";

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

	Agency unit;

	@BeforeEach
	void setUp() {
		api = new MonitoringCalls(mvc, logins, json);
		unit = new AccessFixtures(context).unit("SYT");
	}

	@Test
	void aRegressionEventRaisesItsRulesAlertForTheSourcesAgencyOnly() throws Exception {
		String token = api.source(unit.id());
		JsonNode loaded = api.rule(BITSADMIN_RULE);
		assertThat(loaded.get("errors")).isEmpty();
		long before = total("operator", BITSADMIN);

		JsonNode outcome = api.events(token, api.ndjson(BITSADMIN_EVENT), 200);

		assertThat(outcome.get("accepted").asLong()).isEqualTo(1);
		assertThat(outcome.get("refused").asLong()).isZero();
		assertThat(total("operator", BITSADMIN)).isEqualTo(before + 1);
		JsonNode alert = api
			.get("operator", "/api/v1/alerts?rule=" + BITSADMIN + "&agency=" + unit.id() + "&size=1", 200)
			.get("items")
			.get(0);
		assertThat(alert.get("agencyId").asLong()).isEqualTo(unit.id());
		assertThat(alert.get("ruleAuthor").asString()).isEqualTo("Michael Haag, FPT.EagleEye");
		assertThat(alert.get("severity").asString()).isEqualTo("MEDIUM");
		assertThat(total("officer", BITSADMIN)).isGreaterThanOrEqualTo(1);
		assertThat(total("officer2", BITSADMIN)).isZero();
		api.get("officer2", "/api/v1/alerts/" + alert.get("id").asLong(), 404);
		JsonNode detail = api.get("officer", "/api/v1/alerts/" + alert.get("id").asLong(), 200);
		assertThat(detail.get("events")).hasSize(1);
		assertThat(detail.get("events").get(0).get("original").asString()).contains("bitsadmin");

		// the same event again counts on the alert, within its window, instead of a
		// second one
		api.events(token, api.ndjson(BITSADMIN_EVENT), 200);
		assertThat(total("operator", BITSADMIN)).isEqualTo(before + 1);
	}

	@Test
	void anEscalatedAlertIsAnIncidentInTheTeamsQueueOnce() throws Exception {
		String token = api.source(unit.id());
		api.rule(BITSADMIN_RULE);
		api.events(token, api.ndjson(BITSADMIN_EVENT), 200);
		long id = api
			.get("operator", "/api/v1/alerts?rule=" + BITSADMIN + "&agency=" + unit.id() + "&status=new&size=1", 200)
			.get("items")
			.get(0)
			.get("id")
			.asLong();

		JsonNode escalated = api.post("police", "/api/v1/alerts/" + id + "/transitions",
				"{\"step\": \"escalate\", \"note\": \"Tải tệp lạ bằng bitsadmin\"}", 200);

		assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
		long incident = escalated.get("incidentId").asLong();
		JsonNode opened = api.get("operator", "/api/v1/incidents/" + incident, 200);
		assertThat(opened.get("source").asString()).isEqualTo("tool");
		assertThat(opened.get("agencyId").asLong()).isEqualTo(unit.id());
		api.post("police", "/api/v1/alerts/" + id + "/transitions", "{\"step\": \"escalate\"}", 409);
		api.post("officer2", "/api/v1/alerts/" + id + "/transitions", "{\"step\": \"acknowledge\"}", 404);
		api.post("police", "/api/v1/alerts/" + id + "/transitions", "{\"step\": \"explode\"}", 400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE external_ref = :r")
			.param("r", "alert:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCorrelationFiresOnTheBurstAndNotBelowIt() throws Exception {
		String token = api.source(unit.id());
		api.rule("/monitoring/failed-logons.yml");
		String correlation = "7f3c1e52-0d6b-4a1e-9f0e-5b1c2d3e4f02";
		String account = "kt" + System.nanoTime();
		StringBuilder four = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			four.append(failedLogon(account, i)).append('\n');
		}
		api.events(token, four.toString(), 200);
		assertThat(alertsFor(correlation, account)).isZero();

		api.events(token, failedLogon(account, 4) + "\n", 200);

		assertThat(alertsFor(correlation, account)).isEqualTo(1);
		// the base rule is a step of the correlation, not an alert of its own
		assertThat(total("operator", "7f3c1e52-0d6b-4a1e-9f0e-5b1c2d3e4f01")).isZero();
	}

	private static String failedLogon(String account, int second) {
		return """
				{"EventID": 4625, "Channel": "Security", "Provider_Name": "Microsoft-Windows-Security-Auditing", \
				"Computer": "dc01.syt.example.gov.vn", "TargetUserName": "%s", "IpAddress": "203.0.113.9", \
				"@timestamp": "2026-11-30T01:00:%02d.000Z"}""".formatted(account, second);
	}

	private long alertsFor(String rule, String account) {
		return jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid = :r AND group_key LIKE :g")
			.param("r", rule)
			.param("g", "%" + account + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void badBatchesAreRefusedWithTheirLinesAndTheRestIsKept() throws Exception {
		String token = api.source(unit.id());
		api.json(mvc.post().uri("/api/v1/events").contentType("application/x-ndjson").content("{}"), 401);
		api.events("khs_not-a-token", "{}\n", 401);
		api.json(mvc.post()
			.uri("/api/v1/events")
			.header("Authorization", logins.bearer("operator"))
			.contentType("application/x-ndjson")
			.content("{}"), 401);

		JsonNode outcome = api.events(token,
				failedLogon("garbage", 1) + "\n{\"EventID\": 4625, \"Channel\": \n" + failedLogon("garbage", 2) + "\n",
				200);
		assertThat(outcome.get("accepted").asLong()).isEqualTo(2);
		assertThat(outcome.get("refused").asLong()).isEqualTo(1);
		assertThat(outcome.get("errors").get(0).get("line").asLong()).isEqualTo(2);

		JsonNode zipped = api.eventsGzip(token, MonitoringCalls.gzip(failedLogon("gzip", 3) + "\n"), 200);
		assertThat(zipped.get("accepted").asLong()).isEqualTo(1);
		api.eventsGzip(token, "not gzip at all".getBytes(), 400);
		api.events(token, "x".repeat(1024 * 1024 + 10), 413);
		api.json(mvc.post()
			.uri("/api/v1/events")
			.header("Authorization", "Bearer " + token)
			.header("Content-Encoding", "br")
			.content("{}"), 415);
	}

	@Test
	void aRuleFileThatDoesNotLoadIsRefusedWithItsLineAndTheOthersStillLoad() throws Exception {
		JsonNode broken = api.rule("/monitoring/broken.yml", 400);
		assertThat(broken.get("errors").get(0).get("fileName").asString()).isEqualTo("broken.yml");
		JsonNode unknown = api.rule("/monitoring/unknown-modifier.yml", 400);
		assertThat(unknown.get("errors").get(0).get("message").asString()).contains("sounds_like");
		assertThat(unknown.get("errors").get(0).get("line").asInt()).isGreaterThan(0);
		api.rule("/monitoring/not-yaml.yml", 400);
		api.ruleBytes("empty.yml", new byte[0], 400);

		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("good/bitsadmin.yml"));
			out.write(MonitoringCalls.resource(BITSADMIN_RULE));
			out.putNextEntry(new ZipEntry("bad/unknown-modifier.yml"));
			out.write(MonitoringCalls.resource("/monitoring/unknown-modifier.yml"));
			out.putNextEntry(new ZipEntry("README.md"));
			out.write("not a rule".getBytes());
		}
		api.rule(BITSADMIN_RULE);
		JsonNode archive = api.ruleBytes("rules.zip", zip.toByteArray(), 200);
		assertThat(archive.get("replaced").asInt()).isEqualTo(1);
		assertThat(archive.get("errors")).hasSize(1);
		assertThat(archive.get("errors").get(0).get("fileName").asString()).isEqualTo("bad/unknown-modifier.yml");
		api.ruleBytes("broken.zip", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, 400);
		JsonNode listed = api.get("officer", "/api/v1/rules?q=" + BITSADMIN, 200);
		assertThat(listed.get("items").get(0).get("author").asString()).isEqualTo("Michael Haag, FPT.EagleEye");
	}

	@Test
	void keptEventsAreFoundByHostAndTimeWithinScope() throws Exception {
		String token = api.source(unit.id());
		String account = "search" + System.nanoTime();
		api.events(token, failedLogon(account, 7) + "\n", 200);
		String range = "from=2026-11-30T00:00:00Z&to=2026-11-30T02:00:00Z";
		JsonNode found = api.get("officer", "/api/v1/events/search?" + range + "&host=DC01.syt.example.gov.vn&size=500",
				200);
		assertThat(found.get("items").findValuesAsString("original")).anyMatch(o -> o.contains(account));
		JsonNode hidden = api.get("officer2", "/api/v1/events/search?" + range + "&host=dc01.syt.example.gov.vn", 200);
		assertThat(hidden.get("items")).isEmpty();
		api.get("officer", "/api/v1/events/search?host=dc01", 400);
		api.get("officer", "/api/v1/events/search?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", 400);
		api.get("officer", "/api/v1/events/search?from=yesterday&to=2026-12-01T00:00:00Z", 400);
	}

	private long total(String user, String rule) {
		return api.get(user, "/api/v1/alerts?rule=" + rule + "&size=1", 200).get("total").asLong();
	}

}
