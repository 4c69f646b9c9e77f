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
 * The response team's roster: the demo members (one of them the demo account
 * {@code responder}), in Vietnamese order; added and changed by the team, read in scope;
 * what is not a member is 400.
 */
@KhienTest
class ResponderTests {

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

	@BeforeEach
	void setUp() {
		api = new IncidentCalls(mvc, logins, json);
		health = new AccessFixtures(context).agency("SYT");
	}

	MockMvcTester.MockMvcRequestBuilder put(String uri, String body) {
		return mvc.put().uri(uri).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void theDemoRosterHasTheResponderAccountAndSortsInVietnameseOrder() throws Exception {
		long account = jdbc.sql("SELECT id FROM app_user WHERE username = 'responder'").query(Long.class).single();
		JsonNode all = api.call("operator", api.get("/api/v1/responders?size=500"), 200);
		List<String> names = new ArrayList<>();
		List<Long> accounts = new ArrayList<>();
		all.get("items").forEach(r -> {
			names.add(r.get("name").asString());
			if (!r.get("accountId").isNull()) {
				accounts.add(r.get("accountId").asLong());
			}
		});
		assertThat(accounts).contains(account);
		assertThat(names).contains("Đỗ Anh Tuấn", "Lê Quốc Đạt");
		// NB: Đ sorts after D and before E in Vietnamese order, unlike in code points
		assertThat(names).isSortedAccordingTo(vn.khien.platform.VietnameseText.order());
		JsonNode busy = api.call("leader", api.get("/api/v1/responders?availability=busy&size=500"), 200);
		busy.get("items").forEach(r -> assertThat(r.get("availability").asString()).isEqualTo("busy"));
		assertThat(busy.get("items")).isNotEmpty();
		assertThat(mvc.get().uri("/responders?availability=available").with(logins.session("responder"))).hasStatusOk()
			.bodyText()
			.contains("Hoàng Văn Ứng Cứu")
			.doesNotContain("Trần Thị Minh Thư");
	}

	@Test
	void theTeamAddsAndChangesMembersAndOfficersReadTheirOwn() throws Exception {
		JsonNode added = api.call("responder", api.post("/api/v1/responders", """
				{"agencyId": %d, "name": "Vũ Thị Lan", "email": "lan@syt.example", "phone": "0912 000 777",
				 "skills": "Pháp chứng số"}""".formatted(health)), 201);
		long id = added.get("id").asLong();
		assertThat(added.get("availability").asString()).isEqualTo("available");
		assertThat(added.get("active").asBoolean()).isTrue();
		JsonNode changed = api.call("operator", put("/api/v1/responders/" + id, """
				{"agencyId": %d, "name": "Vũ Thị Lan", "availability": "unavailable", "active": false}"""
			.formatted(health)), 200);
		assertThat(changed.get("availability").asString()).isEqualTo("unavailable");
		assertThat(changed.get("active").asBoolean()).isFalse();
		assertThat(changed.get("email").isNull()).isTrue();
		api.call("officer", api.get("/api/v1/responders/" + id), 200);
		api.call("officer2", api.get("/api/v1/responders/" + id), 404);
		api.call("officer", put("/api/v1/responders/" + id, "{\"agencyId\": " + health + ", \"name\": \"X\"}"), 403);
		api.call("provider", api.get("/api/v1/responders"), 403);
		// the responder account is on the roster already
		long account = jdbc.sql("SELECT id FROM app_user WHERE username = 'responder'").query(Long.class).single();
		api.call("responder", put("/api/v1/responders/" + id, """
				{"agencyId": %d, "name": "Vũ Thị Lan", "accountId": %d}""".formatted(health, account)), 409);

		var session = logins.session("responder");
		assertThat(mvc.post()
			.uri("/responders/{id}", id)
			.param("agencyId", String.valueOf(health))
			.param("name", "Vũ Thị Lan")
			.param("availability", "busy")
			.param("active", "true")
			.with(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus3xxRedirection();
		assertThat(api.call("responder", api.get("/api/v1/responders/" + id), 200).get("availability").asString())
			.isEqualTo("busy");
		assertThat(mvc.post()
			.uri("/responders")
			.param("agencyId", String.valueOf(health))
			.param("name", "Người thử")
			.param("account", "khong-co-tai-khoan-nay")
			.with(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatusOk()
			.bodyText()
			.contains("responder-error")
			.contains("khong-co-tai-khoan-nay");
	}

	@Test
	void whatIsNotAMemberIsRefused() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM responder").query(Long.class).single();
		for (String body : List.of("{}", "{\"name\": \"Vũ Lan\"}", """
				{"agencyId": %1$d}""", """
				{"agencyId": %1$d, "name": "   "}""", """
				{"agencyId": 987654321, "name": "Vũ Lan"}""", """
				{"agencyId": %1$d, "name": "Vũ Lan", "email": "không-phải-thư"}""", """
				{"agencyId": %1$d, "name": "Vũ Lan", "phone": "gọi tôi"}""", """
				{"agencyId": %1$d, "name": "Vũ Lan", "availability": "asleep"}""", """
				{"agencyId": %1$d, "name": "Vũ Lan", "accountId": 987654321}""", """
				{"agencyId": "SYT", "name": "Vũ Lan"}""", "{\"agencyId\": %1$d, \"name\": \"" + "x".repeat(201) + "\"}",
				"{\"agencyId\": %1$d, \"name\": \"Vũ Lan\", \"skills\": \"" + "x".repeat(1001) + "\"}", "[]")) {
			api.call("responder", api.post("/api/v1/responders", body.formatted(health)), 400);
		}
		api.call("responder", api.get("/api/v1/responders?availability=asleep"), 400);
		api.call("responder", put("/api/v1/responders/987654321", "{\"agencyId\": " + health + "}"), 404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM responder").query(Long.class).single()).isEqualTo(before);
	}

}
