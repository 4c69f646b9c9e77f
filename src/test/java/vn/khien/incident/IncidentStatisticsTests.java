package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.SqlStatements;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * Incident figures per attack type, agency and month against the same days a year before,
 * the change in percent (none when nothing came before), by default this year so far, and
 * an officer counting only their agencies' incidents.
 */
@KhienTest
class IncidentStatisticsTests {

	static final String PERIOD = "&from=2026-01-01&to=2026-11-30";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	@Autowired
	IncidentStatistics statistics;

	IncidentCalls api;

	IncidentDocumentsFixtures cases;

	Agency unit;

	Agency fresh;

	@BeforeEach
	void setUp() {
		var f = new AccessFixtures(context);
		api = new IncidentCalls(mvc, logins, json);
		cases = new IncidentDocumentsFixtures(api, json);
		unit = f.unit("SYT");
		fresh = f.unit("SYT");
	}

	@Test
	void figuresStandBesideTheSameDaysAYearBefore() throws Exception {
		JsonNode types = statistics("responder", "type");
		JsonNode months = statistics("responder", "month");
		JsonNode officers = statistics("officer2", "type");

		cases.report(unit.id(), "Thư giả mạo tháng hai", "2026-02-10T09:00:00+07:00", "fraud/phishing");
		cases.report(unit.id(), "Thư giả mạo tháng hai nữa", "2026-02-11T09:00:00+07:00", "fraud/phishing");
		cases.report(unit.id(), "Thư giả mạo năm trước", "2025-02-10T09:00:00+07:00", "fraud/phishing");
		cases.report(fresh.id(), "Mã độc", "2026-03-05T09:00:00+07:00", "malicious-code/infected-system");
		// outside both periods: a year and a day before the period's end, and a rejected
		// report
		cases.report(unit.id(), "Thư giả mạo cũ", "2024-12-31T09:00:00+07:00", "fraud/phishing");
		cases.reject(cases.report(unit.id(), "Báo nhầm", "2026-02-12T09:00:00+07:00", "fraud/phishing"));

		JsonNode agencies = statistics("responder", "agency");
		JsonNode mine = line(agencies, Long.toString(unit.id()));
		assertThat(mine.get("label").asString()).contains(unit.name());
		assertThat(mine.get("count").asLong()).isEqualTo(2);
		assertThat(mine.get("previous").asLong()).isEqualTo(1);
		assertThat(mine.get("change").asDouble()).isEqualTo(100.0);
		JsonNode other = line(agencies, Long.toString(fresh.id()));
		assertThat(other.get("count").asLong()).isEqualTo(1);
		assertThat(other.get("change").isNull()).isTrue();

		JsonNode typesAfter = statistics("responder", "type");
		assertThat(count(typesAfter, "phishing") - count(types, "phishing")).isEqualTo(2);
		assertThat(previous(typesAfter, "phishing") - previous(types, "phishing")).isEqualTo(1);
		assertThat(count(typesAfter, "malware") - count(types, "malware")).isEqualTo(1);
		assertThat(typesAfter.get("lines").get(0).get("key").asString()).isEqualTo("dos");
		assertThat(typesAfter.get("lines").get(9).get("key").asString()).isEqualTo("other");
		assertThat(typesAfter.get("total").asLong() - types.get("total").asLong()).isEqualTo(3);

		JsonNode monthsAfter = statistics("responder", "month");
		assertThat(monthsAfter.get("lines")).hasSize(11);
		assertThat(count(monthsAfter, "2026-02") - count(months, "2026-02")).isEqualTo(2);
		assertThat(previous(monthsAfter, "2026-02") - previous(months, "2026-02")).isEqualTo(1);
		assertThat(line(monthsAfter, "2026-02").get("label").asString()).isEqualTo("02/2026");

		// the education department's officer counts none of the health department's
		JsonNode officersAfter = statistics("officer2", "type");
		assertThat(officersAfter.get("total").asLong()).isEqualTo(officers.get("total").asLong());
		assertThat(officersAfter.get("previousTotal").asLong()).isEqualTo(officers.get("previousTotal").asLong());
		JsonNode theirs = statistics("officer2", "agency");
		theirs.get("lines").forEach(l -> assertThat(l.get("key").asString()).isNotEqualTo(Long.toString(unit.id())));
		JsonNode ours = statistics("officer", "agency");
		assertThat(line(ours, Long.toString(unit.id())).get("count").asLong()).isEqualTo(2);

		// the page: the same lines in a table, the officer's agencies only
		var page = mvc.get().uri("/incidents/statistics?by=agency" + PERIOD).with(logins.session("officer")).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"statistics-table\"", unit.name(), "+100", "01/01/2026");
		String theirPage = mvc.get()
			.uri("/incidents/statistics?by=agency" + PERIOD)
			.with(logins.session("officer2"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(theirPage).contains("id=\"statistics-table\"").doesNotContain(unit.name());
	}

	@Test
	void theDefaultPeriodIsThisYearSoFar() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		JsonNode figures = api.call("leader", api.get("/api/v1/incidents/statistics"), 200);
		assertThat(figures.get("by").asString()).isEqualTo("type");
		assertThat(figures.get("from").asString()).isEqualTo(today.withDayOfYear(1).toString());
		assertThat(figures.get("to").asString()).isEqualTo(today.toString());
		assertThat(figures.get("previousFrom").asString()).isEqualTo(today.withDayOfYear(1).minusYears(1).toString());
	}

	@Test
	void eachPeriodIsCountedInOneQueryWhateverItsLength() {
		LocalDate from = LocalDate.of(2022, 1, 1);
		LocalDate to = LocalDate.of(2026, 11, 30);
		for (IncidentStatistics.By by : IncidentStatistics.By.values()) {
			long[] lines = { 0 };
			long statements = SqlStatements.during(() -> lines[0] = statistics.of(by, from, to).lines().size());
			assertThat(lines[0]).isPositive();
			// the period and the year before; by agency, their labels too
			assertThat(statements).as(by.code()).isLessThanOrEqualTo(by == IncidentStatistics.By.AGENCY ? 3 : 2);
		}
	}

	@Test
	void garbageIsRefused() throws Exception {
		bad("?by=week", "incidentStatistics.by.unknown");
		bad("?by=type&from=2026-13-01", "incident.day.bad");
		bad("?by=type&to=%27%3B--", "incident.day.bad");
		bad("?from=2026-06-01&to=2026-01-01", "periodicReport.period.backwards");
		bad("?from=2001-01-01&to=2026-01-01", "periodicReport.period.tooLong");
		api.call("provider", api.get("/api/v1/incidents/statistics"), 403);
		assertThat(mvc.get().uri("/incidents/statistics?by=week").with(logins.session("officer")).exchange())
			.hasStatus(400);
		api.call("assessor", api.get("/api/v1/incidents/statistics"), 403);
	}

	private void bad(String query, String code) throws Exception {
		assertThat(api.call("responder", api.get("/api/v1/incidents/statistics" + query), 400).get("code").asString())
			.as(query)
			.isEqualTo(code);
	}

	private JsonNode statistics(String user, String by) throws Exception {
		return api.call(user, api.get("/api/v1/incidents/statistics?by=" + by + PERIOD), 200);
	}

	private static JsonNode line(JsonNode figures, String key) {
		for (JsonNode l : figures.get("lines")) {
			if (l.get("key").asString().equals(key)) {
				return l;
			}
		}
		throw new AssertionError("no line " + key + " in " + figures);
	}

	private static long count(JsonNode figures, String key) {
		return line(figures, key).get("count").asLong();
	}

	private static long previous(JsonNode figures, String key) {
		return line(figures, key).get("previous").asLong();
	}

}
