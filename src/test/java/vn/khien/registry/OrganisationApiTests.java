package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class OrganisationApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	private long organisations() {
		return jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
	}

	private long anyTelecom() {
		return jdbc.sql("SELECT MIN(id) FROM organisation WHERE kind = 'TELECOM_PROVIDER'").query(Long.class).single();
	}

	@Test
	void provinceWideRolesReadTelecomProvidersWithTheirIncidentContacts() {
		for (String user : new String[] { "police", "leader", "responder", "operator" }) {
			assertThat(mvc.get()
				.uri("/api/v1/organisations?kind=TELECOM_PROVIDER&q=lạc hồng")
				.header("Authorization", logins.bearer(user))).hasStatusOk()
				.bodyJson()
				.satisfies(json -> assertThat(json.getJson()).contains("Công ty Viễn thông Lạc Hồng")
					.contains("\"hotline\":\"1800 1119\"")
					.contains("\"contacts\":[{"));
		}
	}

	@Test
	void agencyOfficersReadTheDirectoryButAssessorsMayNot() {
		assertThat(mvc.get().uri("/api/v1/organisations").header("Authorization", logins.bearer("officer")))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json.getJson()).contains("Công ty Viễn thông Lạc Hồng"));
		assertThat(mvc.get().uri("/api/v1/organisations").header("Authorization", logins.bearer("assessor")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void demoProviderSeesOnlyItsOwnOrganisation() {
		String provider = logins.bearer("provider");
		long other = jdbc.sql("SELECT id FROM organisation WHERE name = 'Công ty Cổ phần Mạng Internet Sao Việt'")
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/api/v1/organisations").header("Authorization", provider)).hasStatusOk()
			.bodyJson()
			.satisfies(
					json -> assertThat(json.getJson()).contains("\"total\":1").contains("Công ty Viễn thông Lạc Hồng"));
		assertThat(mvc.get().uri("/api/v1/organisations/{id}", other).header("Authorization", provider))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyOperatorsWrite() {
		long before = organisations();
		String body = "{\"kind\":\"OTHER\",\"name\":\"Công ty thử\"}";
		for (String user : new String[] { "leader", "police", "provider", "officer" }) {
			assertThat(mvc.post()
				.uri("/api/v1/organisations")
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/api/v1/organisations/{id}/contacts", anyTelecom())
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"X\"}")).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(organisations()).isEqualTo(before);
	}

	@Test
	void operatorManagesOrganisationAndContacts() throws Exception {
		String operator = logins.bearer("operator");
		String created = mvc.post()
			.uri("/api/v1/organisations")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"ASSESSOR\",\"name\":\"Công ty Đánh giá Thử\",\"taxCode\":\"0101234567\","
					+ "\"website\":\"https://danhgia-thu.invalid\",\"email\":\"lienhe@danhgia-thu.invalid\"}")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
		assertThat(mvc.post()
			.uri("/api/v1/organisations/{id}/contacts", id)
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Người liên hệ\",\"phone\":\"0912 000 000\"}")).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.put()
			.uri("/api/v1/organisations/{id}", id)
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"ASSESSOR\",\"name\":\"Công ty Đánh giá Thử\",\"status\":\"INACTIVE\"}")).hasStatusOk()
			.bodyJson()
			.satisfies(
					json -> assertThat(json.getJson()).contains("\"status\":\"INACTIVE\"").contains("Người liên hệ"));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type IN ('organisation', 'organisation_contact')"
					+ " AND (entity_id = :id OR after_state LIKE '%Người liên hệ%')")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void garbageIsRefusedWithAProblemAndChangesNothing() {
		long before = organisations();
		String operator = logins.bearer("operator");
		assertThat(mvc.post()
			.uri("/api/v1/organisations")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unreadable input");
		assertThat(mvc.post()
			.uri("/api/v1/organisations")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"PIRATE\",\"name\":\"X\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/organisations")
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"OTHER\",\"name\":\"" + "n".repeat(256) + "\",\"email\":\"@@\","
					+ "\"website\":\"javascript:alert(1)\",\"hotline\":\"gọi đi\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies(json -> assertThat(json.getJson()).contains("\"field\":\"name\"")
				.contains("\"field\":\"email\"")
				.contains("\"field\":\"website\"")
				.contains("\"field\":\"hotline\"")
				.contains("Địa chỉ email không hợp lệ."));
		assertThat(mvc.post()
			.uri("/api/v1/organisations/{id}/contacts", 987654321L)
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"X\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(organisations()).isEqualTo(before);
	}

	@Test
	void organisationUserSeesOnlyOwnOrganisation() {
		long own = anyTelecom();
		long other = jdbc.sql("SELECT MIN(id) FROM organisation WHERE kind = 'ASSESSOR'").query(Long.class).single();
		String ownName = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
			.param("id", own)
			.query(String.class)
			.single();
		String otherName = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
			.param("id", other)
			.query(String.class)
			.single();
		var user = new vn.khien.platform.KhienUser(987654L, "provider-linked", "Nhà mạng",
				java.util.Set.of(vn.khien.platform.Role.ORGANISATION), null, own);
		var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user,
				null, java.util.List
					.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ORGANISATION")));
		var signedIn = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(auth);
		assertThat(mvc.get().uri("/organisations").with(signedIn)).hasStatusOk()
			.bodyText()
			.contains(ownName)
			.doesNotContain(otherName);
		assertThat(mvc.get().uri("/organisations/{id}", own).with(signedIn)).hasStatusOk();
		assertThat(mvc.get().uri("/organisations/{id}", other).with(signedIn)).hasStatus(HttpStatus.NOT_FOUND);
	}

}
