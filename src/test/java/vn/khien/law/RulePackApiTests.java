package vn.khien.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.KhienSettings;

/**
 * The rule packs through the API and pages: both shipped packs, the one in force chosen
 * by date, the criteria wizard under each regime citing the article that decided, a pack
 * folder whose broken or overlapping files are refused while the shipped packs stay, and
 * an administrator's audited adjustment.
 */
@KhienTest
class RulePackApiTests {

	static final String BASE = "\"function\":\"public_service\",\"onlinePublicServiceLevel\":0,"
			+ "\"administrativeProcedures\":false,\"sensitivePersonalData\":false,\"stateSecret\":\"none\","
			+ "\"infrastructureScope\":\"agency\"";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bothPacksLoadAndTheDateChoosesTheOneInForce() throws Exception {
		JsonNode list = read(mvc.get().uri("/api/v1/rule-packs").header("Authorization", logins.bearer("officer")));
		assertThat(list.get("items").findValuesAsString("id")).contains("vn-2016-nd85", "vn-2026-nd331");
		assertThat(inForce("2026-03-01")).isEqualTo("vn-2016-nd85");
		// the last day of Decree 85's level rules, and the first of Decree 331's
		assertThat(inForce("2026-08-18")).isEqualTo("vn-2016-nd85");
		assertThat(inForce("2026-08-19")).isEqualTo("vn-2026-nd331");
		assertThat(mvc.get()
			.uri("/api/v1/rule-packs/in-force?date=2010-01-01")
			.header("Authorization", logins.bearer("officer"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get()
			.uri("/api/v1/rule-packs/in-force?date=not-a-date")
			.header("Authorization", logins.bearer("officer"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/rule-packs/nope").header("Authorization", logins.bearer("officer")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/rule-packs")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void thePagesShowThePackInForceOnAChosenDate() throws Exception {
		String page = mvc.get()
			.uri("/rule-packs?date=2026-03-01")
			.with(logins.session("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"pack-in-force\"").contains("/rule-packs/vn-2016-nd85");
		String later = mvc.get()
			.uri("/rule-packs?date=2026-10-01")
			.with(logins.session("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(later.substring(later.indexOf("id=\"pack-in-force\""))).contains("/rule-packs/vn-2026-nd331");
		String garbage = mvc.get()
			.uri("/rule-packs?date=31/02/x")
			.with(logins.session("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(garbage).contains("id=\"packs-error\"");
		String pack = mvc.get()
			.uri("/rule-packs/vn-2026-nd331")
			.with(logins.session("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(pack).contains("Hệ thống thông tin giải quyết thủ tục hành chính")
			.contains("Điều 13 khoản 2 điểm b, 331/2026/NĐ-CP")
			.contains("25 ngày làm việc")
			.doesNotContain("id=\"pack-adjust\"");
	}

	@Test
	void theWizardAppliesEachDecreesThresholdsAndCitesTheArticle() throws Exception {
		JsonNode legacy = propose("2026-03-01", "{" + BASE + ",\"personalDataSubjects\":50000}");
		assertThat(legacy.get("level").asInt()).isEqualTo(3);
		assertThat(legacy.get("pack").asString()).isEqualTo("vn-2016-nd85");
		assertThat(legacy.at("/criterion/citation").asString()).isEqualTo("Điều 9 khoản 2 điểm c, 85/2016/NĐ-CP");
		// 50,000 people's basic data is under Decree 331's threshold of 100,000
		JsonNode current = propose("2026-10-01", "{" + BASE + ",\"personalDataSubjects\":50000}");
		assertThat(current.get("level").asInt()).isEqualTo(2);
		assertThat(current.at("/criterion/citation").asString()).contains("331/2026/NĐ-CP");
		JsonNode sensitive = propose("2026-10-01",
				"{" + BASE.replace("\"sensitivePersonalData\":false", "\"sensitivePersonalData\":true")
						+ ",\"personalDataSubjects\":10000}");
		assertThat(sensitive.get("level").asInt()).isEqualTo(3);
		assertThat(sensitive.at("/criterion/id").asString()).isEqualTo("d13-2c-sensitive");
		JsonNode procedures = propose("2026-10-01",
				"{" + BASE.replace("\"administrativeProcedures\":false", "\"administrativeProcedures\":true")
						+ ",\"personalDataSubjects\":10}");
		assertThat(procedures.get("level").asInt()).isEqualTo(3);
		assertThat(procedures.at("/criterion/citation").asString()).isEqualTo("Điều 13 khoản 2 điểm b, 331/2026/NĐ-CP");
		// under Decree 85 the same system is level 3 only by its online public service
		// level
		assertThat(propose("2026-03-01",
				"{" + BASE.replace("\"administrativeProcedures\":false", "\"administrativeProcedures\":true")
						+ ",\"personalDataSubjects\":10}")
			.get("level")
			.asInt()).isEqualTo(2);
		JsonNode online = propose("2026-03-01",
				"{" + BASE.replace("\"onlinePublicServiceLevel\":0", "\"onlinePublicServiceLevel\":3")
						+ ",\"personalDataSubjects\":10}");
		assertThat(online.get("level").asInt()).isEqualTo(3);
		assertThat(online.at("/criterion/citation").asString()).isEqualTo("Điều 9 khoản 2 điểm a, 85/2016/NĐ-CP");
		JsonNode internal = propose("2026-10-01", "{\"function\":\"internal\"}");
		assertThat(internal.get("level").asInt()).isEqualTo(1);
		// every criterion met is listed, the deciding one first
		JsonNode secret = propose("2026-10-01", "{\"function\":\"internal\",\"stateSecret\":\"secret\","
				+ "\"nationalSecurityHarm\":\"serious\",\"personalDataSubjects\":5}");
		assertThat(secret.get("level").asInt()).isEqualTo(4);
		assertThat(secret.get("met").findValuesAsString("id")).containsExactly("d14-security", "d13-1", "d12-1");
	}

	@Test
	void theWizardReadsASystemsFactsFromTheInventoryInTheCallersScope() throws Exception {
		long system = jdbc.sql("""
				SELECT s.id FROM information_system s JOIN agency a ON a.id = s.owner_agency_id
				WHERE a.code = 'SYT' ORDER BY s.id LIMIT 1""").query(Long.class).single();
		JsonNode proposal = proposeAs("officer", "{\"date\":\"2026-10-01\",\"systemId\":" + system + "}");
		assertThat(proposal.get("level").asInt()).isBetween(1, 5);
		assertThat(proposal.get("facts").get("function").asString()).isIn("internal", "public_service");
		assertThat(mvc.post()
			.uri("/api/v1/level-proposals")
			.header("Authorization", logins.bearer("officer2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemId\":" + system + "}")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void garbageFactsAreRefusedWithTheFieldNamed() throws Exception {
		assertThat(post("{not json")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{\"facts\":{},\"systemId\":1}")).hasStatus(HttpStatus.BAD_REQUEST);
		MvcTestResult word = post("{\"facts\":{\"function\":\"sometimes\"}}");
		assertThat(word).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(word.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("sometimes")
			.contains("public_service");
		assertThat(post("{\"facts\":{\"onlinePublicServiceLevel\":9}}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{\"facts\":{\"personalDataSubjects\":-1}}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{\"facts\":{\"personalDataSubjects\":\"many\"}}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{\"date\":\"yesterday\",\"facts\":{}}")).hasStatus(HttpStatus.BAD_REQUEST);
		// an industrial control system without its construction grade meets no criterion
		MvcTestResult none = post("{\"date\":\"2026-10-01\",\"facts\":{\"function\":\"industrial_control\"}}");
		assertThat(none).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{\"date\":\"2010-01-01\",\"facts\":{}}")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Autowired
	AuditLog audit;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	KhienSettings khien;

	@Test
	void aPackFolderReplacesAShippedPackAndRefusesBrokenOrOverlappingFiles(@TempDir Path dir) throws IOException {
		String valid = RulePackReaderTests.VALID;
		Files.writeString(dir.resolve("a-broken.yaml"), valid.replace("  - level: 1", "  - level: 9"));
		Files.writeString(dir.resolve("b-overlap.yaml"),
				valid.replace("id: test-pack", "id: overlapping")
					.replace("2020-01-01", "2026-01-01")
					.replace("2020-12-31", "2026-12-31"));
		String shipped = new String(getClass().getResourceAsStream("/law/packs/vn-2016-nd85.yaml").readAllBytes(),
				StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("c-replacement.yaml"),
				shipped.replace("version: \"2026.12.1\"", "version: \"9\""));
		RulePacks packs = new RulePacks(jdbc, audit, currentUser, khien, new LawSettings(dir));
		assertThat(packs.refused()).extracting(PackRefusal::file, PackRefusal::line, PackRefusal::messageKey)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(dir.resolve("a-broken.yaml").toString(), 11,
							"law.pack.unknownLevel"),
					org.assertj.core.groups.Tuple.tuple(dir.resolve("b-overlap.yaml").toString(), 0,
							"law.pack.overlap"));
		assertThat(packs.all()).extracting(RulePack::id).containsExactly("vn-2016-nd85", "vn-2026-nd331");
		assertThat(packs.all().get(0).version()).isEqualTo("9");
	}

	@Test
	void anAdministratorAdjustsAValueAndTheChangeIsAudited() throws Exception {
		String admin = logins.bearer("admin");
		assertThat(adjust("operator", "{\"target\":\"obligation:live-drill\",\"amount\":2,\"reason\":\"x\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(adjust("admin", "{\"target\":\"obligation:nope\",\"amount\":2,\"reason\":\"x\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(adjust("admin", "{\"target\":\"obligation:live-drill\",\"amount\":2}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(adjust("admin", "{\"target\":\"obligation:live-drill\",\"amount\":-4,\"reason\":\"x\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(adjust("admin", "[1,2]")).hasStatus(HttpStatus.BAD_REQUEST);
		JsonNode pack = read(mvc.post()
			.uri("/api/v1/rule-packs/vn-2016-nd85/adjustments")
			.header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"target\":\"criterion:d9-2c:personalDataSubjects\",\"amount\":20000,"
					+ "\"reason\":\"thử điều chỉnh ngưỡng\"}"));
		assertThat(pack.get("adjustments").get(0).get("original").asLong()).isEqualTo(10000);
		assertThat(propose("2026-03-01", "{" + BASE + ",\"personalDataSubjects\":15000}").get("level").asInt())
			.isEqualTo(2);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RULE_PACK_ADJUSTED' AND entity_id = "
					+ "'vn-2016-nd85' AND after_state LIKE '%20000%'")
			.query(Long.class)
			.single()).isEqualTo(1);
		// set back by the page's form, as the file has it
		assertThat(mvc.post()
			.uri("/rule-packs/vn-2016-nd85/adjustments")
			.with(logins.session("admin"))
			.with(csrf())
			.param("target", "criterion:d9-2c:personalDataSubjects")
			.param("amount", "10000")
			.param("reason", "trở lại như văn bản")).hasStatus3xxRedirection();
		assertThat(propose("2026-03-01", "{" + BASE + ",\"personalDataSubjects\":15000}").get("level").asInt())
			.isEqualTo(3);
	}

	private MvcTestResult adjust(String user, String body) {
		return mvc.post()
			.uri("/api/v1/rule-packs/vn-2016-nd85/adjustments")
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private String inForce(String date) {
		return read(mvc.get()
			.uri("/api/v1/rule-packs/in-force?date=" + date)
			.header("Authorization", logins.bearer("officer"))).get("id").asString();
	}

	private JsonNode propose(String date, String facts) {
		return proposeAs("operator", "{\"date\":\"" + date + "\",\"facts\":" + facts + "}");
	}

	private JsonNode proposeAs(String user, String body) {
		return read(mvc.post()
			.uri("/api/v1/level-proposals")
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private MvcTestResult post(String body) {
		return mvc.post()
			.uri("/api/v1/level-proposals")
			.header("Authorization", logins.bearer("operator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private JsonNode read(org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
