package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.SignedIn;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;

@KhienTest
class AssetApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	long health;

	long education;

	@BeforeEach
	void setUp() {
		health = jdbc.sql("SELECT id FROM agency WHERE code = 'SYT-TTYT1'").query(Long.class).single();
		education = jdbc.sql("SELECT id FROM agency WHERE code = 'SGDDT'").query(Long.class).single();
	}

	long create(String user, long agencyId, String body) {
		var result = mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("AGENCY", Long.toString(agencyId)))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		try {
			return json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long assetCount() {
		return jdbc.sql("SELECT COUNT(*) FROM asset").query(Long.class).single();
	}

	@Test
	void officerSeesOnlyAssetsOfTheirDepartment() {
		long own = create("officer", health,
				"""
						{"agencyId": AGENCY, "kind": "SERVER", "hostname": "his.ttyt1.example.vn", "addresses": "10.77.0.1"}""");
		long other = create("officer2", education,
				"""
						{"agencyId": AGENCY, "kind": "WORKSTATION", "hostname": "pc.sgddt.example.vn", "addresses": "10.77.0.2"}""");
		String officer = logins.bearer("officer");
		assertThat(mvc.get().uri("/api/v1/assets/{id}", own).header("Authorization", officer)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/assets/{id}", other).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/assets?q=10.77.0&size=500").header("Authorization", officer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.contains((int) own)
			.doesNotContain((int) other);
		assertThat(mvc.get().uri("/api/v1/assets?q=10.77.0&size=500").header("Authorization", logins.bearer("admin")))
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(2);
		assertThat(mvc.put()
			.uri("/api/v1/assets/{id}", other)
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + education + ", \"kind\": \"SERVER\", \"hostname\": \"taken\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/v1/assets/{id}", other).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/assets/{id}", other).header("Authorization", logins.bearer("officer2")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.hostname")
			.isEqualTo("pc.sgddt.example.vn");
	}

	@Test
	void qMatchesHostnameAddressOrUrlAndFiltersByAgencyAndKind() {
		create("operator", health, """
				{"agencyId": AGENCY, "kind": "WEB_PORTAL", "url": "https://Portal-Q.ttyt1.example.vn/"}""");
		String operator = logins.bearer("operator");
		assertThat(mvc.get()
			.uri("/api/v1/assets?q=portal-q.ttyt1&kind=WEB_PORTAL&agency=" + health)
			.header("Authorization", operator)).bodyJson()
			.extractingPath("$.items[0].url")
			.isEqualTo("https://portal-q.ttyt1.example.vn");
		assertThat(mvc.get().uri("/api/v1/assets?q=portal-q.ttyt1&kind=SERVER").header("Authorization", operator))
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
		assertThat(
				mvc.get().uri("/api/v1/assets?q=portal-q.ttyt1&agency=" + education).header("Authorization", operator))
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
	}

	@Test
	void aSecondAssetWithTheSameIdentityIsAConflict() {
		create("operator", health, """
				{"agencyId": AGENCY, "kind": "SERVER", "hostname": "twin.ttyt1.example.vn"}""");
		long before = assetCount();
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"LAPTOP\", \"hostname\": \"TWIN.ttyt1.example.vn.\"}"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("twin.ttyt1.example.vn");
		assertThat(assetCount()).isEqualTo(before);
	}

	@Test
	void readOnlyRolesMayNotWrite() {
		long before = assetCount();
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", logins.bearer("leader"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"SERVER\", \"hostname\": \"nope\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", logins.bearer("police"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"SERVER\", \"hostname\": \"nope\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(assetCount()).isEqualTo(before);
	}

	@Test
	void garbageGetsAProblemInTheCallersLanguageAndChangesNothing() {
		long before = assetCount();
		String operator = logins.bearer("operator");
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": ")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"SERVER\", \"addresses\": \"10.0.0.300\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Invalid IP address: \"10.0.0.300\".");
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"WEB_PORTAL\", \"url\": \"javascript:alert(1)\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("URL không hợp lệ");
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"SPACESHIP\", \"hostname\": \"x\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": 99999999, \"kind\": \"SERVER\", \"hostname\": \"x\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + health + ", \"kind\": \"SERVER\", \"hostname\": \"" + "a".repeat(300) + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/assets")
			.header("Authorization", logins.bearer("officer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": " + education + ", \"kind\": \"SERVER\", \"hostname\": \"intruder\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/assets/abc").header("Authorization", operator))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/assets/987654321").header("Authorization", operator))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(assetCount()).isEqualTo(before);
	}

	@Test
	void pagesListDetailAndExportStayInScope() throws Exception {
		long own = create("officer", health, """
				{"agencyId": AGENCY, "kind": "SERVER", "hostname": "page.ttyt1.example.vn"}""");
		long other = create("officer2", education, """
				{"agencyId": AGENCY, "kind": "SERVER", "hostname": "page.sgddt.example.vn"}""");
		SignedIn session = login("officer");
		assertThat(mvc.get().uri("/assets?q=page.").with(session)).hasStatusOk()
			.bodyText()
			.contains("page.ttyt1.example.vn")
			.doesNotContain("page.sgddt.example.vn");
		assertThat(mvc.get().uri("/assets/{id}", own).with(session)).hasStatusOk()
			.bodyText()
			.contains("page.ttyt1.example.vn");
		assertThat(mvc.get().uri("/assets/{id}", other).with(session)).hasStatus(HttpStatus.NOT_FOUND);
		var export = mvc.get().uri("/assets/export.csv?q=page.").with(session).exchange();
		assertThat(export).hasStatusOk();
		String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFkind,hostname,addresses,mac,os,url,system,agency")
			.contains("page.ttyt1.example.vn")
			.doesNotContain("page.sgddt.example.vn");
		assertThat(mvc.get().uri("/assets/new").with(session)).hasStatusOk();
		assertThat(mvc.get().uri("/assets/{id}/edit", own).with(session)).hasStatusOk();
		assertThat(mvc.get().uri("/assets/import").with(session)).hasStatusOk()
			.bodyText()
			.contains("multipart/form-data");
		assertThat(mvc.post()
			.uri("/assets/{id}", own)
			.with(session)
			.with(csrf())
			.param("agencyId", Long.toString(health))
			.param("kind", "SERVER")
			.param("hostname", "page.ttyt1.example.vn")
			.param("addresses", "not-an-ip")).hasStatusOk().bodyText().contains("is-invalid");
		SignedIn leader = login("leader");
		assertThat(mvc.get().uri("/assets/new").with(leader)).hasStatus(HttpStatus.FORBIDDEN);
	}

	SignedIn login(String username) {
		return TestLogins.signIn(mvc, username, TestLogins.DEMO_PASSWORD);
	}

}
