package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * An advisory sent to the health department and the demo provider: each recipient reads
 * it and confirms; the team sees who read it, when; the education department's officer
 * never sees it; what is not an advisory is 400.
 */
@KhienTest
class AdvisoryTests {

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

	IncidentCalls api;

	long health;

	long provider;

	@BeforeEach
	void setUp() {
		api = new IncidentCalls(mvc, logins, json);
		health = new AccessFixtures(context).agency("SYT");
		provider = CoordinationTests.providerOrganisation(jdbc);
	}

	@Test
	void eachRecipientConfirmsReadingAndTheTeamSeesTheReceipts() throws Exception {
		JsonNode sent = api.call("responder", api.post("/api/v1/advisories", """
				{"title": "Cảnh báo lừa đảo giả mạo Sở Y tế", "body": "Chặn tên miền syt-gia-mao.example.",
				 "tlp": "green", "agencyIds": [%d], "organisationIds": [%d]}""".formatted(health, provider)), 201);
		long id = sent.get("id").asLong();
		assertThat(sent.get("tlp").asString()).isEqualTo("green");
		assertThat(sent.get("recipientCount").asInt()).isEqualTo(2);
		assertThat(sent.get("readCount").asInt()).isZero();

		JsonNode unread = api.call("provider", api.get("/api/v1/advisories?unread=true&size=500"), 200);
		assertThat(ids(unread)).contains(id);
		JsonNode asProvider = api.call("provider", api.get("/api/v1/advisories/" + id), 200);
		assertThat(asProvider.get("read").asBoolean()).isFalse();
		assertThat(asProvider.get("receipts")).isEmpty();
		assertThat(asProvider.get("recipientCount").isNull()).isTrue();
		assertThat(
				api.call("provider", api.post("/api/v1/advisories/" + id + "/read", ""), 200).get("read").asBoolean())
			.isTrue();
		// a second read keeps the first
		api.call("provider", api.post("/api/v1/advisories/" + id + "/read", ""), 200);
		assertThat(ids(api.call("provider", api.get("/api/v1/advisories?unread=true&size=500"), 200)))
			.doesNotContain(id);

		api.call("officer2", api.get("/api/v1/advisories/" + id), 404);
		api.call("officer2", api.post("/api/v1/advisories/" + id + "/read", ""), 404);
		assertThat(ids(api.call("officer2", api.get("/api/v1/advisories?size=500"), 200))).doesNotContain(id);
		// the team reads it but is not among its recipients
		api.call("operator", api.post("/api/v1/advisories/" + id + "/read", ""), 403);

		var session = logins.session("officer");
		assertThat(mvc.get().uri("/advisories/{id}", id).with(session)).hasStatusOk()
			.bodyText()
			.contains("Chặn tên miền syt-gia-mao.example.")
			.contains("/advisories/" + id + "/read");
		assertThat(mvc.post()
			.uri("/advisories/{id}/read", id)
			.with(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus3xxRedirection();

		JsonNode receipts = api.call("responder", api.get("/api/v1/advisories/" + id), 200);
		assertThat(receipts.get("readCount").asInt()).isEqualTo(2);
		List<String> readers = new ArrayList<>();
		receipts.get("receipts").forEach(r -> readers.add(r.get("readBy").asString()));
		assertThat(readers).containsExactlyInAnyOrder("provider", "officer");
		assertThat(mvc.get().uri("/advisories/{id}", id).with(logins.session("responder"))).hasStatusOk()
			.bodyText()
			.contains("advisory-receipts")
			.contains("provider");
	}

	@Test
	void whatIsNotAnAdvisoryIsRefused() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM advisory").query(Long.class).single();
		for (String body : List.of("{}", """
				{"body": "Nội dung", "agencyIds": [%1$d]}""", """
				{"title": "Tiêu đề", "agencyIds": [%1$d]}""", """
				{"title": "Tiêu đề", "body": "Nội dung"}""", """
				{"title": "Tiêu đề", "body": "Nội dung", "agencyIds": [], "organisationIds": []}""", """
				{"title": "Tiêu đề", "body": "Nội dung", "agencyIds": [987654321]}""", """
				{"title": "Tiêu đề", "body": "Nội dung", "organisationIds": [987654321]}""", """
				{"title": "Tiêu đề", "body": "Nội dung", "tlp": "purple", "agencyIds": [%1$d]}""", """
				{"title": "Tiêu đề", "body": "Nội dung", "incidentId": 987654321, "agencyIds": [%1$d]}""", """
				{"title": "Tiêu đề", "body": "Nội dung", "agencyIds": "SYT"}""", "[1, 2]")) {
			api.call("responder", api.post("/api/v1/advisories", body.formatted(health)), 400);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM advisory").query(Long.class).single()).isEqualTo(before);
		api.call("officer", api.post("/api/v1/advisories", """
				{"title": "Tiêu đề", "body": "Nội dung", "agencyIds": [%d]}""".formatted(health)), 403);
		// the page's form says what is wrong, and keeps what was typed
		assertThat(mvc.post()
			.uri("/advisories")
			.param("title", "Cảnh báo thử")
			.param("body", "Nội dung")
			.param("agencyCodes", "SYT, KHONG-CO")
			.with(logins.session("responder"))
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatusOk()
			.bodyText()
			.contains("KHONG-CO")
			.contains("advisory-error");
	}

	static List<Long> ids(JsonNode page) {
		return CoordinationTests.ids(page);
	}

}
