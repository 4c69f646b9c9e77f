package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

@KhienTest
class CoverageApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverage;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyHierarchy hierarchy;

	@Autowired
	JsonMapper json;

	CoverageFixtures fixtures;

	Agency unit;

	Agency subUnit;

	@BeforeEach
	void healthUnitWithHosts() {
		fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		unit = fixtures.agency("TCA", "SYT");
		subUnit = fixtures.agency("TCB", unit.id());
		String u = unit.code().toLowerCase();
		fixtures.protectedHost(unit.id(), u + "-pc1");
		fixtures.protectedHost(unit.id(), u + "-pc2");
		fixtures.status(fixtures.host(unit.id(), "SERVER", u + "-srv1"), "Bkav Pro", true,
				Coverage.today().minusDays(8));
		String s = subUnit.code().toLowerCase();
		fixtures.status(fixtures.host(subUnit.id(), "LAPTOP", s + "-lap1"), "Bkav Pro", true,
				Coverage.today().minusDays(7));
		fixtures.status(fixtures.host(subUnit.id(), "WORKSTATION", s + "-pc1"), "Bkav Pro", false, Coverage.today());
		fixtures.status(fixtures.host(subUnit.id(), "WORKSTATION", s + "-pc2"), null, false, null);
		fixtures.host(subUnit.id(), "WORKSTATION", s + "-pc3");
		fixtures.status(fixtures.host(subUnit.id(), "NETWORK_DEVICE", s + "-sw1"), null, false, null);
	}

	JsonNode body(MvcTestResult result) throws java.io.UnsupportedEncodingException {
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	MvcTestResult get(String user, String uri, Object... vars) {
		return mvc.get().uri(uri, vars).header("Authorization", logins.bearer(user)).exchange();
	}

	@Test
	void descendantsAreRolledUpIntoTheirAgency() throws Exception {
		JsonNode page = body(get("admin", "/api/v1/coverage?agency={id}", unit.id()));
		JsonNode agency = page.get("agency");
		assertThat(agency.get("agencyCode").asString()).isEqualTo(unit.code());
		assertThat(agency.get("inScope").asInt()).isEqualTo(7);
		assertThat(agency.get("protected").asInt()).isEqualTo(3);
		assertThat(agency.get("unprotected").asInt()).isEqualTo(4);
		assertThat(agency.get("inScopeOwn").asInt()).isEqualTo(3);
		assertThat(agency.get("protectedOwn").asInt()).isEqualTo(2);
		assertThat(agency.get("coverage").asDouble()).isEqualTo(3.0 / 7);
		assertThat(agency.get("hasChildren").asBoolean()).isTrue();
		assertThat(page.get("total").asInt()).isEqualTo(1);
		JsonNode child = page.get("items").get(0);
		assertThat(child.get("agencyId").asLong()).isEqualTo(subUnit.id());
		assertThat(child.get("inScope").asInt()).as("the network device is not in scope").isEqualTo(4);
		assertThat(child.get("protected").asInt()).as("signatures exactly 7 days old count").isEqualTo(1);
		assertThat(child.get("coverageOwn").asDouble()).isEqualTo(0.25);
	}

	@Test
	void departmentFiguresIncludeItsNewUnit() throws Exception {
		JsonNode page = body(get("admin", "/api/v1/coverage?agency=SYT&size=500"));
		int sum = page.get("agency").get("inScopeOwn").asInt();
		JsonNode mine = null;
		for (JsonNode item : page.get("items")) {
			sum += item.get("inScope").asInt();
			if (item.get("agencyId").asLong() == unit.id()) {
				mine = item;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("inScope").asInt()).isEqualTo(7);
		assertThat(page.get("agency").get("inScope").asInt()).isEqualTo(sum);
	}

	@Test
	void provinceTotalIsShownToProvinceWideRolesOnly() throws Exception {
		JsonNode admin = body(get("leader", "/api/v1/coverage"));
		assertThat(admin.get("province").get("inScope").asInt()).isGreaterThanOrEqualTo(7);
		assertThat(admin.get("target").asDouble()).isEqualTo(1.0);
		JsonNode officer = body(get("officer", "/api/v1/coverage"));
		assertThat(officer.has("province")).isFalse();
		assertThat(officer.get("agency").get("agencyCode").asString()).isEqualTo("SYT");
	}

	@Test
	void officerOfAnotherAgencyGetsNotFound() throws Exception {
		assertThat(get("officer", "/api/v1/coverage?agency=SGDDT")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("officer2", "/api/v1/coverage?agency={id}", unit.id())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("officer2", "/api/v1/coverage/unprotected?agency={id}", unit.id()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("officer2", "/api/v1/coverage/trend?agency={id}", unit.id())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void officerListsOnlyUnprotectedHostsOfOwnSubtree() throws Exception {
		Set<Long> health = hierarchy.selfAndDescendants(agencies.findByCode("SYT").orElseThrow().id());
		JsonNode page = body(get("officer", "/api/v1/coverage/unprotected?size=500"));
		List<Long> seen = new ArrayList<>();
		page.get("items").forEach(item -> seen.add(item.get("agencyId").asLong()));
		assertThat(seen).isNotEmpty().allMatch(health::contains);
		JsonNode other = body(get("officer2", "/api/v1/coverage/unprotected?size=500"));
		other.get("items").forEach(item -> assertThat(health).doesNotContain(item.get("agencyId").asLong()));
		JsonNode children = body(get("officer2", "/api/v1/coverage?size=500"));
		children.get("items").forEach(item -> assertThat(health).doesNotContain(item.get("agencyId").asLong()));
	}

	@Test
	void unprotectedHostsComeWithTheirReason() throws Exception {
		JsonNode page = body(get("officer", "/api/v1/coverage/unprotected?agency={id}&sort=reason", unit.id()));
		assertThat(page.get("total").asInt()).isEqualTo(4);
		List<String> reasons = new ArrayList<>();
		page.get("items").forEach(item -> reasons.add(item.get("reason").asString()));
		assertThat(reasons).containsExactlyInAnyOrder("OUTDATED_SIGNATURES", "NOT_RUNNING", "NO_PRODUCT",
				"NEVER_CHECKED_IN");
		JsonNode notRunning = body(
				get("officer", "/api/v1/coverage/unprotected?agency={id}&reason=NOT_RUNNING", unit.code()));
		assertThat(notRunning.get("total").asInt()).isEqualTo(1);
		assertThat(notRunning.get("items").get(0).get("hostname").asString()).endsWith("-pc1");
	}

	@Test
	void trendHasOnePointPerSnapshotDayWithTheTarget() throws Exception {
		assertThat(mvc.post().uri("/api/v1/coverage/snapshot").header("Authorization", logins.bearer("operator")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.date")
			.isEqualTo(Coverage.today().toString());
		JsonNode trend = body(get("officer", "/api/v1/coverage/trend?agency={id}&days=7", unit.id()));
		assertThat(trend.get("target").asDouble()).isEqualTo(1.0);
		JsonNode last = trend.get("points").get(trend.get("points").size() - 1);
		assertThat(last.get("date").asString()).isEqualTo(Coverage.today().toString());
		assertThat(last.get("inScope").asInt()).isEqualTo(7);
		assertThat(last.get("protected").asInt()).isEqualTo(3);
		assertThat(last.get("coverage").asDouble()).isEqualTo(3.0 / 7);
		JsonNode province = body(get("leader", "/api/v1/coverage/trend"));
		assertThat(province.get("points").size()).as("demo history").isGreaterThan(1);
	}

	@Test
	void rolesWithoutPermissionAreRefused() throws Exception {
		assertThat(get("assessor", "/api/v1/coverage")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/coverage/snapshot").header("Authorization", logins.bearer("officer")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/coverage/snapshot").header("Authorization", logins.bearer("leader")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void garbageParametersGetAProblemInTheCallersLanguage() throws Exception {
		assertThat(mvc.get()
			.uri("/api/v1/coverage/trend?days=abc")
			.header("Authorization", logins.bearer("admin"))
			.header("Accept-Language", "vi")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Yêu cầu không hợp lệ");
		assertThat(mvc.get()
			.uri("/api/v1/coverage/trend?days=0")
			.header("Authorization", logins.bearer("admin"))
			.header("Accept-Language", "en")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Days must be between 1 and 730.");
		assertThat(mvc.get()
			.uri("/api/v1/coverage/unprotected?reason=BOGUS")
			.header("Authorization", logins.bearer("admin"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(get("admin", "/api/v1/coverage?agency=NO-SUCH-AGENCY")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
