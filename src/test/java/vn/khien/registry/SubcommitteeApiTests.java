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
class SubcommitteeApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	private long members() {
		return jdbc.sql("SELECT COUNT(*) FROM subcommittee_member").query(Long.class).single();
	}

	@Test
	void stateSideSeesTheSubcommitteeChairedByTheProvinceChairman() {
		for (String user : new String[] { "officer", "leader", "police" }) {
			assertThat(mvc.get().uri("/api/v1/subcommittee").header("Authorization", logins.bearer(user))).hasStatusOk()
				.bodyJson()
				.satisfies(json -> {
					assertThat((String) com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.standingBody.code"))
						.isEqualTo("CAT");
					assertThat((java.util.List<String>) com.jayway.jsonpath.JsonPath.read(json.getJson(),
							"$.members[?(@.role == 'CHAIR')].name"))
						.containsExactly("Trần Văn An");
				});
		}
		assertThat(
				mvc.get().uri("/api/v1/subcommittee/members?size=2").header("Authorization", logins.bearer("officer")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.asNumber()
			.satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(8));
	}

	@Test
	void externalOrganisationsAndAssessorsDoNotSeeMembers() {
		for (String user : new String[] { "provider", "assessor" }) {
			assertThat(mvc.get().uri("/api/v1/subcommittee").header("Authorization", logins.bearer(user)))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/subcommittee/members").header("Authorization", logins.bearer(user)))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void onlyOperatorsEdit() {
		long before = members();
		long anyMember = jdbc.sql("SELECT MIN(id) FROM subcommittee_member").query(Long.class).single();
		for (String user : new String[] { "leader", "officer", "police" }) {
			String token = logins.bearer(user);
			assertThat(mvc.put()
				.uri("/api/v1/subcommittee")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Đổi tên\"}")).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/api/v1/subcommittee/members")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"MEMBER\",\"name\":\"X\"}")).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.delete().uri("/api/v1/subcommittee/members/{id}", anyMember).header("Authorization", token))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(members()).isEqualTo(before);
	}

	@Test
	void operatorAddsChangesAndRemovesAMember() throws Exception {
		String operator = logins.bearer("operator");
		long science = agencies.findByCode("SKHCN").orElseThrow().id();
		String created = mvc.post()
			.uri("/api/v1/subcommittee/members")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"MEMBER\",\"name\":\"Ủy viên thử\",\"agencyId\":" + science
					+ ",\"since\":\"2026-01-01\"}")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(created).contains("\"agencyName\":\"Sở Khoa học và Công nghệ\"");
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
		assertThat(mvc.put()
			.uri("/api/v1/subcommittee/members/{id}", id)
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"SECRETARY\",\"name\":\"Ủy viên thử\",\"until\":\"2026-12-31\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.role")
			.isEqualTo("SECRETARY");
		assertThat(mvc.delete().uri("/api/v1/subcommittee/members/{id}", id).header("Authorization", operator))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/subcommittee/members/{id}", id).header("Authorization", operator))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void garbageIsRefusedWithAProblemAndChangesNothing() {
		long before = members();
		String operator = logins.bearer("operator");
		assertThat(mvc.post()
			.uri("/api/v1/subcommittee/members")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/subcommittee/members")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"EMPEROR\",\"name\":\"X\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/subcommittee/members")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"MEMBER\",\"name\":\"X\",\"agencyId\":987654321}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Agency 987,654,321 does not exist.");
		assertThat(mvc.post()
			.uri("/api/v1/subcommittee/members")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"MEMBER\",\"name\":\"X\",\"since\":\"2026-05-01\",\"until\":\"2026-01-01\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("until");
		assertThat(mvc.post()
			.uri("/api/v1/subcommittee/members")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"MEMBER\",\"name\":\"" + "m".repeat(300) + "\",\"email\":\"x\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.put()
			.uri("/api/v1/subcommittee")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"standingBodyId\":1}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(members()).isEqualTo(before);
		assertThat(mvc.get().uri("/api/v1/subcommittee").header("Authorization", operator)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo("Tiểu ban An toàn, An ninh mạng tỉnh Lạc Hồng");
	}

}
