package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;
import vn.khien.registry.Organisations;

/**
 * Coordination on a case of a unit of the health department: the team asks the demo
 * provider to block a domain, the provider acknowledges and completes, and every step is
 * on the case's timeline; a request is for its recipient and the case's agency only
 * (another provider's user, the education department's officer get 404); steps out of
 * order are 409, by the wrong party 403; what is not a request is 400.
 */
@KhienTest
class CoordinationTests {

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

	Agency unit;

	long provider;

	@BeforeEach
	void setUp() {
		api = new IncidentCalls(mvc, logins, json);
		unit = new AccessFixtures(context).unit("SYT");
		provider = providerOrganisation(jdbc);
	}

	static long providerOrganisation(JdbcClient jdbc) {
		return jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'provider'").query(Long.class).single();
	}

	long incident() throws Exception {
		return api
			.call("officer",
					api.post("/api/v1/incidents",
							IncidentCalls.report(unit.id(), "Trang giả mạo Sở Y tế", "2026-10-01T08:00:00+07:00")),
					201)
			.get("id")
			.asLong();
	}

	@Test
	void theProviderAcknowledgesAndCompletesAndTheCaseTimelineShowsEachStep() throws Exception {
		long incident = incident();
		JsonNode made = api.call("responder",
				api.post("/api/v1/coordination-requests",
						"""
								{"incidentId": %d, "organisationId": %d, "action": "Chặn tên miền syt-gia-mao.example", "due": "2026-12-31"}"""
							.formatted(incident, provider)),
				201);
		long id = made.get("id").asLong();
		assertThat(made.get("status").asString()).isEqualTo("requested");
		assertThat(made.get("incidentAgencyId").asLong()).isEqualTo(unit.id());

		JsonNode inbox = api.call("provider", api.get("/api/v1/coordination-requests?size=500"), 200);
		assertThat(ids(inbox)).contains(id);
		inbox.get("items").forEach(r -> assertThat(r.get("organisationId").asLong()).isEqualTo(provider));
		api.call("provider", api.post("/api/v1/coordination-requests/" + id + "/complete", "{\"outcome\": \"x\"}"),
				409);
		JsonNode acknowledged = api.call("provider",
				api.post("/api/v1/coordination-requests/" + id + "/acknowledge", ""), 200);
		assertThat(acknowledged.get("status").asString()).isEqualTo("acknowledged");
		assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("provider");
		api.call("provider", api.post("/api/v1/coordination-requests/" + id + "/acknowledge", ""), 409);
		api.call("provider", api.post("/api/v1/coordination-requests/" + id + "/complete", "{\"outcome\": \" \"}"),
				400);
		JsonNode completed = api.call("provider", api.post("/api/v1/coordination-requests/" + id + "/complete",
				"{\"outcome\": \"Đã chặn trên DNS lúc 10:30\"}"), 200);
		assertThat(completed.get("status").asString()).isEqualTo("completed");
		assertThat(completed.get("outcome").asString()).isEqualTo("Đã chặn trên DNS lúc 10:30");
		api.call("provider", api.post("/api/v1/coordination-requests/" + id + "/complete", "{\"outcome\": \"x\"}"),
				409);

		JsonNode incidentNow = api.call("responder", api.get("/api/v1/incidents/" + incident), 200);
		List<String> kinds = new ArrayList<>();
		incidentNow.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
		assertThat(kinds).containsSubsequence("reported", "coordination_requested", "coordination_acknowledged",
				"coordination_completed");
		assertThat(incidentNow.get("timeline").toString()).contains("Công ty Viễn thông Lạc Hồng")
			.contains("Đã chặn trên DNS lúc 10:30");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'coordination_request'" + " AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(3);
		// the case's own page lists its requests, in scope
		CoordinationRequests requests = FixturePrincipal.wrap(context.getBean(CoordinationRequests.class));
		assertThat(requests.ofIncident(incident)).extracting(CoordinationRequest::id).containsExactly(id);
	}

	@Test
	void aRequestIsForItsRecipientAndTheCaseAgencyOnly() throws Exception {
		long incident = incident();
		long toProvider = api.call("responder", api.post("/api/v1/coordination-requests", """
				{"incidentId": %d, "organisationId": %d, "action": "Gỡ trang giả mạo", "due": "2026-12-20"}"""
			.formatted(incident, provider)), 201).get("id").asLong();
		long toAgency = api.call("responder", api.post("/api/v1/coordination-requests", """
				{"incidentId": %d, "agencyId": %d, "action": "Bảo toàn nhật ký máy chủ web", "due": "2026-12-15"}"""
			.formatted(incident, unit.id())), 201).get("id").asLong();

		String stranger = otherProviderUser();
		api.call(stranger, api.get("/api/v1/coordination-requests/" + toProvider), 404);
		api.call(stranger, api.post("/api/v1/coordination-requests/" + toProvider + "/acknowledge", ""), 404);
		assertThat(ids(api.call(stranger, api.get("/api/v1/coordination-requests?size=500"), 200)))
			.doesNotContain(toProvider, toAgency);
		api.call("provider", api.get("/api/v1/coordination-requests/" + toAgency), 404);

		api.call("officer2", api.get("/api/v1/coordination-requests/" + toAgency), 404);
		api.call("officer2", api.get("/api/v1/coordination-requests/" + toProvider), 404);
		assertThat(ids(api.call("officer2", api.get("/api/v1/coordination-requests?size=500"), 200)))
			.doesNotContain(toProvider, toAgency);

		// the case's agency follows the provider's request, but only the provider answers
		api.call("officer", api.get("/api/v1/coordination-requests/" + toProvider), 200);
		api.call("officer", api.post("/api/v1/coordination-requests/" + toProvider + "/acknowledge", ""), 403);
		api.call("responder", api.post("/api/v1/coordination-requests/" + toAgency + "/acknowledge", ""), 403);
		api.call("officer", api.post("/api/v1/coordination-requests/" + toAgency + "/acknowledge", ""), 200);
		JsonNode mine = api.call("officer", api.get("/api/v1/coordination-requests?mine=true&size=500"), 200);
		assertThat(ids(mine)).contains(toAgency).doesNotContain(toProvider);
	}

	@Test
	void whatIsNotARequestIsRefused() throws Exception {
		long incident = incident();
		String url = "/api/v1/coordination-requests";
		long before = jdbc.sql("SELECT COUNT(*) FROM coordination_request").query(Long.class).single();
		for (String body : List.of("{}", """
				{"organisationId": %2$d, "action": "Chặn", "due": "2026-12-31"}""", """
				{"incidentId": %1$d, "organisationId": %2$d, "due": "2026-12-31"}""", """
				{"incidentId": %1$d, "organisationId": %2$d, "action": "   ", "due": "2026-12-31"}""", """
				{"incidentId": %1$d, "organisationId": %2$d, "action": "Chặn"}""", """
				{"incidentId": %1$d, "organisationId": %2$d, "action": "Chặn", "due": "31/12/2026"}""", """
				{"incidentId": %1$d, "organisationId": %2$d, "action": "Chặn", "due": "2026-02-30"}""", """
				{"incidentId": %1$d, "organisationId": %2$d, "action": "Chặn", "due": "0001-01-01"}""", """
				{"incidentId": 987654321, "organisationId": %2$d, "action": "Chặn", "due": "2026-12-31"}""",
				"""
						{"incidentId": %1$d, "organisationId": %2$d, "agencyId": %3$d, "action": "Chặn", "due": "2026-12-31"}""",
				"""
						{"incidentId": %1$d, "action": "Chặn", "due": "2026-12-31"}""", """
						{"incidentId": %1$d, "organisationId": 987654321, "action": "Chặn", "due": "2026-12-31"}""", """
						{"incidentId": %1$d, "agencyId": 987654321, "action": "Chặn", "due": "2026-12-31"}""", """
						{"incidentId": "một", "agencyId": %3$d, "action": "Chặn", "due": "2026-12-31"}""",
				"{\"incidentId\": " + incident + ", \"agencyId\": " + unit.id() + ", \"action\": \"" + "x".repeat(2001)
						+ "\", \"due\": \"2026-12-31\"}",
				"not json")) {
			api.call("responder", api.post(url, body.formatted(incident, provider, unit.id())), 400);
		}
		api.call("responder", api.get(url + "?status=lost"), 400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coordination_request").query(Long.class).single()).isEqualTo(before);
		// only the team asks
		api.call("officer", api.post(url, """
				{"incidentId": %d, "agencyId": %d, "action": "Chặn", "due": "2026-12-31"}""".formatted(incident,
				unit.id())), 403);
		api.call("provider", api.post(url + "/987654321/acknowledge", ""), 404);
	}

	@Test
	void theProviderReadsItsOwnOrganisationAndFindsItsInboxOnTheWeb() throws Exception {
		JsonNode orgs = api.call("provider", api.get("/api/v1/organisations?size=5"), 200);
		List<Long> seen = new ArrayList<>();
		orgs.get("items").forEach(o -> seen.add(o.get("id").asLong()));
		assertThat(seen).containsExactly(provider);

		long incident = incident();
		long id = api.call("responder",
				api.post("/api/v1/coordination-requests",
						"""
								{"incidentId": %d, "organisationId": %d, "action": "Cảnh báo khách hàng về tin nhắn giả mạo", "due": "2026-12-31"}"""
							.formatted(incident, provider)),
				201)
			.get("id")
			.asLong();
		var session = logins.session("provider");
		assertThat(mvc.get().uri("/").with(session)).hasStatusOk()
			.bodyText()
			.contains("/coordination-requests?mine=true&amp;open=true");
		assertThat(mvc.get().uri("/coordination-requests?mine=true").with(session)).hasStatusOk()
			.bodyText()
			.contains("Cảnh báo khách hàng về tin nhắn giả mạo")
			.contains("/coordination-requests/" + id + "/acknowledge");
		assertThat(mvc.post().uri("/coordination-requests/{id}/acknowledge", id).with(session))
			.hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/coordination-requests/{id}/acknowledge", id)
			.with(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus3xxRedirection();
		assertThat(mvc.post()
			.uri("/coordination-requests/{id}/complete", id)
			.param("outcome", "Đã gửi tin nhắn cảnh báo tới khách hàng")
			.with(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus3xxRedirection();
		assertThat(api.call("provider", api.get("/api/v1/coordination-requests/" + id), 200).get("status").asString())
			.isEqualTo("completed");
	}

	@Test
	void thePagesSayWhatIsWrongAndKeepNothing() throws Exception {
		long incident = incident();
		long before = jdbc.sql("SELECT COUNT(*) FROM coordination_request").query(Long.class).single();
		var team = logins.session("responder");
		for (var fields : List.of(
				java.util.Map.of("incidentId", String.valueOf(incident), "action", "Chặn", "due", "2026-12-31"),
				java.util.Map.of("incidentId", String.valueOf(incident), "agencyId", String.valueOf(unit.id()),
						"action", "Chặn", "due", "ngày mai"),
				java.util.Map.of("incidentId", "987654321", "agencyId", String.valueOf(unit.id()), "action", "Chặn",
						"due", "2026-12-31"))) {
			var request = mvc.post()
				.uri("/coordination-requests")
				.with(team)
				.with(SecurityMockMvcRequestPostProcessors.csrf());
			fields.forEach(request::param);
			var result = mvc.perform(request);
			assertThat(result).hasStatus3xxRedirection();
			assertThat(result.getMvcResult().getFlashMap().get("error")).as(fields.toString()).isNotNull();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM coordination_request").query(Long.class).single()).isEqualTo(before);
		long id = api.call("responder", api.post("/api/v1/coordination-requests", """
				{"incidentId": %d, "agencyId": %d, "action": "Bảo toàn nhật ký", "due": "2026-12-31"}"""
			.formatted(incident, unit.id())), 201).get("id").asLong();
		var officer = logins.session("officer");
		var early = mvc.perform(mvc.post()
			.uri("/coordination-requests/{id}/complete", id)
			.param("outcome", "Xong")
			.with(officer)
			.with(SecurityMockMvcRequestPostProcessors.csrf()));
		assertThat(early.getMvcResult().getFlashMap().get("error")).isNotNull();
		assertThat(mvc.post()
			.uri("/coordination-requests/{id}/acknowledge", id)
			.with(officer)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus3xxRedirection();
		var blank = mvc.perform(mvc.post()
			.uri("/coordination-requests/{id}/complete", id)
			.param("outcome", "  ")
			.with(officer)
			.with(SecurityMockMvcRequestPostProcessors.csrf()));
		assertThat(blank.getMvcResult().getFlashMap().get("error")).isNotNull();
		assertThat(api.call("officer", api.get("/api/v1/coordination-requests/" + id), 200).get("status").asString())
			.isEqualTo("acknowledged");
	}

	/** A user of a provider created here, signed in with the demo password. */
	String otherProviderUser() {
		Organisations organisations = FixturePrincipal.wrap(context.getBean(Organisations.class));
		Organisation other = organisations.create(new Organisation.Details(OrganisationKind.TELECOM_PROVIDER,
				"Nhà mạng thử " + AccessFixtures.unique("ORG"), null, null, null, null, null, null,
				OrganisationStatus.ACTIVE));
		String username = AccessFixtures.unique("provider").toLowerCase(java.util.Locale.ROOT);
		FixturePrincipal.wrap(context.getBean(Accounts.class))
			.create(new Accounts.NewAccount(username, "Nhà mạng khác", null, TestLogins.DEMO_PASSWORD,
					Set.of(Role.ORGANISATION), null, other.id()));
		return username;
	}

	static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}

}
