package vn.khien.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.SystemPrincipal;
import vn.khien.registry.Agencies;

/**
 * The dashboard's figures are those of each module's own list for the same scope, for the
 * province and for one agency; the scorecards rank the agencies of a kind by a score
 * whose weights must add up to 100.
 */
@KhienTest
class DashboardTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	Agencies agencies;

	@Autowired
	Scorecards scorecards;

	JsonNode get(String user, String uri, int status) throws Exception {
		var result = mvc.get().uri(uri).header("Authorization", logins.bearer(user)).exchange();
		assertThat(result).hasStatus(status);
		return json.readTree(result.getResponse().getContentAsString());
	}

	/**
	 * The coverage's figures come from its daily read model, which other tests of the
	 * suite change behind its back with direct writes; the acceptance check compares them
	 * on the demo province.
	 */
	static final java.util.Set<String> READ_MODEL_OF_THE_DAY = java.util.Set.of("toProtect", "unprotected");

	/** Each figure with a list, by key: its value and the total of its list. */
	Map<String, List<Long>> compared(String user, String query) throws Exception {
		Map<String, List<Long>> compared = new LinkedHashMap<>();
		for (JsonNode f : get(user, "/api/v1/dashboard" + query, 200).get("figures")) {
			assertThat(f.get("label").asString()).as("a label for " + f.get("key")).isNotBlank();
			if (f.get("listUrl").isNull()) {
				assertThat(f.get("ratio").asBoolean()).as(f.get("key") + " without a list is a ratio").isTrue();
				continue;
			}
			if (READ_MODEL_OF_THE_DAY.contains(f.get("key").asString())) {
				continue;
			}
			long total = get(user, f.get("listUrl").asString(), 200).get("total").asLong();
			compared.put(f.get("key").asString(), List.of(f.get("value").asLong(), total));
		}
		return compared;
	}

	@Test
	void everyFigureOfTheProvinceIsTheTotalOfItsList() throws Exception {
		// NB: the province is its People's Committee's tree; the suite's other tests add
		// roots of their own, over which the whole scope's figures are summed (a system
		// one root's agency owns and another's uses then counts under both)
		long province = agencies.findByCode(vn.khien.registry.demo.DemoProvince.ROOT).orElseThrow().id();
		Map<String, List<Long>> compared = compared("leader", "?agency=" + province);
		assertThat(compared).containsKeys("agencies", "withoutFocalPoint", "levelsApproved", "levelsPending", "systems",
				"hosts", "findingsOpen", "findingsCritical", "findingsOverdue", "incidentsThisYear",
				"incidentsLastYear");
		compared.forEach((key, pair) -> assertThat(pair.get(0)).as(key).isEqualTo(pair.get(1)));
		assertThat(compared.get("agencies").get(0)).as("the demo province's agencies").isGreaterThan(20);
		assertThat(compared.get("hosts").get(0)).as("the demo province's hosts").isPositive();
	}

	@Test
	void everyFigureOfTheOfficersAgencyIsTheTotalOfItsListInTheirScope() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		Map<String, List<Long>> compared = compared("officer", "?agency=" + health);
		assertThat(compared).hasSizeGreaterThanOrEqualTo(8);
		compared.forEach((key, pair) -> assertThat(pair.get(0)).as(key).isEqualTo(pair.get(1)));
		Map<String, List<Long>> province = compared("leader", "");
		assertThat(compared.get("agencies").get(0)).isLessThan(province.get("agencies").get(0));
	}

	@Test
	void anOfficerGetsNoOtherAgencysDashboardAndGarbageIsRefused() throws Exception {
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		get("officer", "/api/v1/dashboard?agency=" + education, 404);
		get("officer2", "/api/v1/dashboard?agency=" + education, 200);
		get("leader", "/api/v1/dashboard?agency=abc", 400);
		get("leader", "/api/v1/scorecards?kind=ministry", 400);
		get("leader", "/api/v1/scorecards/abc", 400);
		get("officer", "/api/v1/scorecards/" + education, 404);
		get("leader", "/api/v1/incidents?from=2026-06-01&to=2026-01-01", 400);
		get("leader", "/api/v1/incidents?from=yesterday", 400);
	}

	@Test
	void theDepartmentsAreRankedByTheirScoreAndTheSnapshotKeepsTheRank() throws Exception {
		JsonNode list = get("leader", "/api/v1/scorecards?kind=department", 200);
		List<JsonNode> items = new ArrayList<>();
		list.get("items").forEach(items::add);
		assertThat(items).hasSizeGreaterThan(5);
		assertThat(list.get("total").asInt()).isEqualTo(items.size());
		double previous = Double.MAX_VALUE;
		for (JsonNode c : items) {
			assertThat(c.get("indicators")).hasSize(6);
			double score = c.get("score").asDouble();
			assertThat(score).isBetween(0.0, 100.0).isLessThanOrEqualTo(previous);
			previous = score;
		}
		assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);

		LocalDate today = LocalDate.now(vn.khien.platform.Formats.ZONE);
		int kept = SystemPrincipal.of("scorecard-test", SystemPrincipal.Permission.READ_PROVINCE)
			.call(() -> scorecards.snapshot(today));
		assertThat(kept).isGreaterThan(items.size());
		JsonNode first = items.get(0);
		JsonNode card = get("leader", "/api/v1/scorecards/" + first.get("agencyId").asLong(), 200);
		assertThat(card.get("rank").asInt()).isEqualTo(1);
		assertThat(card.get("of").asInt()).isEqualTo(items.size());
		assertThat(card.get("trend")).isNotEmpty();
		assertThat(card.get("trend").get(card.get("trend").size() - 1).get("score").asDouble())
			.isEqualTo(first.get("score").asDouble());

		// an officer sees their own department's rank among all departments
		long health = agencies.findByCode("SYT").orElseThrow().id();
		JsonNode own = get("officer", "/api/v1/scorecards/" + health, 200);
		assertThat(own.get("of").asInt()).isEqualTo(items.size());
	}

	@Test
	void weightsThatDoNotAddUpToAHundredAreRefused() {
		assertThatThrownBy(() -> new OversightSettings(Map.of("levelShare", 50, "coverage", 30)))
			.hasMessageContaining("add up to 80");
		assertThatThrownBy(() -> new OversightSettings(Map.of("levelShare", 50, "luck", 50)))
			.hasMessageContaining("luck");
		assertThatThrownBy(() -> new OversightSettings(Map.of("levelShare", 110, "coverage", -10)))
			.hasMessageContaining("0 to 100");
		assertThat(new OversightSettings(Map.of("levelShare", 60, "coverage", 40)).weights()).hasSize(2);
		assertThat(new OversightSettings(null).weights().values().stream().mapToInt(Integer::intValue).sum())
			.isEqualTo(100);
	}

	@Test
	void findingsOnTimeIsTheShareOfOpenFindingsNotPastTheirDeadline() {
		var open = new DashboardFigure("findingsOpen", "k", "l", 8, false, null, "/");
		var overdue = new DashboardFigure("findingsOverdue", "k", "l", 2, false, null, "/");
		assertThat(Scorecards.share("findingsOnTime", Map.of("findingsOpen", open, "findingsOverdue", overdue)))
			.isEqualTo(0.75);
		var none = new DashboardFigure("findingsOpen", "k", "l", 0, false, null, "/");
		assertThat(Scorecards.share("findingsOnTime", Map.of("findingsOpen", none, "findingsOverdue", overdue)))
			.isEqualTo(1.0);
		assertThat(Scorecards.share("coverage", Map.of())).isNull();
	}

	@Test
	void thePagesShowTheFiguresAsLinks() throws Exception {
		for (String uri : List.of("/dashboard", "/scorecards?kind=commune",
				"/scorecards/" + agencies.findByCode("SYT").orElseThrow().id())) {
			var result = mvc.get().uri(uri).with(logins.session("leader")).exchange();
			assertThat(result).as(uri).hasStatusOk();
			var page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(vn.khien.FigureLinksTests.unlinked(page)).as(uri).isEmpty();
			assertThat(page.select("a.figure")).as(uri).isNotEmpty();
		}
	}

}
