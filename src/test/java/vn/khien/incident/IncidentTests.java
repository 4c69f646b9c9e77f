package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * An incident from report to closed case: an agency’s report gets the deadlines of the
 * pack in force on its discovery date (five days under Circular 20/2017 for 1/3/2026, 72
 * hours under Decree 331/2026 for 1/10/2026), moves through the phases of the response
 * (illegal moves refused), and closes only with its root cause, actions and lessons; what
 * the public and senders report waits in the queue, a repeated reference changes nothing,
 * a duplicate merges into its case with every original kept.
 */
@KhienTest
class IncidentTests {

	static final String TITLE = "Cổng thông tin điện tử Sở Y tế bị thay đổi giao diện";

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

	@BeforeEach
	void setUp() {
		api = new IncidentCalls(mvc, logins, json);
		unit = new AccessFixtures(context).unit("SYT");
	}

	@Test
	void anAgencyReportGetsTheDeadlinesOfThePackInForceOnItsDiscoveryDate() throws Exception {
		JsonNode legacy = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-03-01T08:00:00+07:00")),
				201);
		assertThat(legacy.get("status").asString()).isEqualTo("detection");
		assertThat(legacy.get("packId").asString()).isEqualTo("vn-2016-nd85");
		assertThat(dues(legacy)).contains("notice 2026-03-06T08:00:00+07:00");
		// the end-of-response report falls due only when the response ends
		assertThat(dues(legacy)).contains("closing-report null");

		JsonNode current = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")),
				201);
		assertThat(current.get("packId").asString()).isEqualTo("vn-2026-nd331");
		assertThat(dues(current)).containsExactly("report 2026-10-04T08:00:00+07:00");
		assertThat(current.get("deadlines").get(0).get("recipient").asString())
			.isEqualTo("Đơn vị chuyên trách của Bộ Công an");
		assertThat(current.get("deadlines").get(0).get("overdue").asBoolean()).isTrue();
		assertThat(current.get("deadlines").get(0).get("met").asBoolean()).isFalse();

		// a serious incident adds the 24-hour notice: a level 4 system, disrupted, beyond
		// its owner
		long id = current.get("id").asLong();
		JsonNode serious = api.call("responder", api.post("/api/v1/incidents/" + id + "/triage", """
				{"impact": "disruption", "beyondCapability": true, "nationallyImportant": true}"""), 200);
		assertThat(serious.get("serious").asBoolean()).isTrue();
		assertThat(dues(serious)).containsExactly("serious-notice 2026-10-02T08:00:00+07:00",
				"report 2026-10-04T08:00:00+07:00");

		JsonNode met = api.call("responder", api.post("/api/v1/incidents/" + id + "/deadlines/report/met",
				"{\"metAt\": \"2026-10-03T10:00:00+07:00\"}"), 200);
		JsonNode report = met.get("deadlines").get(1);
		assertThat(report.get("met").asBoolean()).isTrue();
		assertThat(report.get("overdue").asBoolean()).isFalse();
		api.call("responder", api.post("/api/v1/incidents/" + id + "/deadlines/report/met", "{}"), 409);
	}

	@Test
	void aCaseMovesThroughItsPhasesAndClosesOnlyWithItsLessons() throws Exception {
		long id = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-03-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		String moves = "/api/v1/incidents/" + id + "/transitions";
		api.call("responder", api.post(moves, "{\"to\": \"closed\"}"), 409);
		api.call("officer", api.post(moves, "{\"to\": \"containment\"}"), 403);
		api.call("responder", api.post(moves, "{\"to\": \"containment\"}"), 200);
		JsonNode ended = api.call("responder", api.post(moves, "{\"to\": \"post_incident\"}"), 200);
		assertThat(ended.get("responseEndedAt").isNull()).isFalse();
		JsonNode closing = find(ended.get("deadlines"), "closing-report");
		assertThat(closing.get("due").isNull()).isFalse();
		JsonNode refused = api.call("responder", api.post(moves, "{\"to\": \"closed\"}"), 400);
		assertThat(refused.get("code").asString()).isEqualTo("incident.close.needs");
		JsonNode closed = api.call("responder", api.post(moves, """
				{"to": "closed", "rootCause": "Plugin chưa vá", "actionsTaken": "Khôi phục trang, vá plugin",
				 "lessonsLearned": "Rà quét hằng tháng", "handling": "in_house"}"""), 200);
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("handling").asString()).isEqualTo("in_house");
		List<String> timeline = new ArrayList<>();
		closed.get("timeline").forEach(e -> timeline.add(e.get("kind").asString() + ":" + e.get("to").asString()));
		assertThat(timeline).containsExactly("reported:detection", "status:containment", "status:post_incident",
				"status:closed");
		api.call("responder", api.post(moves, "{\"to\": \"teleported\"}"), 400);
	}

	@Test
	void aPublicReportIsTrackedByItsCodeAndAWrongCodeAnswersLikeAnUnknownOne() throws Exception {
		JsonNode made = api.call(null, api.post("/api/v1/public/incident-reports", """
				{"description": "Tin nhắn giả mạo ngân hàng dẫn tới trang lừa đảo",
				 "url": "http://vietcombank-xacthuc.example/login", "contact": "nguoidan@example.org"}"""), 201);
		String code = made.get("trackingCode").asString();
		assertThat(code).hasSize(20);
		JsonNode status = api.call(null, api.get("/api/v1/public/incident-reports/" + code), 200);
		assertThat(status.get("status").asString()).isEqualTo("received");
		assertThat(status.properties()).hasSize(2);
		JsonNode wrong = api.call(null, api.get("/api/v1/public/incident-reports/" + code.substring(0, 19) + "X"), 404);
		JsonNode malformed = api.call(null, api.get("/api/v1/public/incident-reports/abc"), 404);
		assertThat(wrong.get("detail").asString()).isEqualTo(malformed.get("detail").asString());

		long id = jdbc.sql("SELECT id FROM incident WHERE tracking_hash = :h")
			.param("h", vn.khien.platform.Sha256.hex(code))
			.query(Long.class)
			.single();
		JsonNode queued = api.call("responder", api.get("/api/v1/incidents/" + id), 200);
		assertThat(queued.get("status").asString()).isEqualTo("new");
		assertThat(queued.get("observables").get(0).get("kind").asString()).isEqualTo("url");
		// the agency’s officers do not see a report no agency was found for
		api.call("officer", api.get("/api/v1/incidents/" + id), 404);
		api.call("responder", api.post("/api/v1/incidents/" + id + "/transitions", "{\"to\": \"detection\"}"), 200);
		assertThat(api.call(null, api.get("/api/v1/public/incident-reports/" + code), 200).get("status").asString())
			.isEqualTo("in_progress");
		// the reporter\u2019s contact is for the response team, not the agency it
		// concerns
		api.call("responder", api.post("/api/v1/incidents/" + id + "/triage", "{\"agencyId\": " + unit.id() + "}"),
				200);
		assertThat(api.call("responder", api.get("/api/v1/incidents/" + id), 200).get("contact").asString())
			.isEqualTo("nguoidan@example.org");
		assertThat(api.call("officer", api.get("/api/v1/incidents/" + id), 200).get("contact").isNull()).isTrue();
		// a honeypot filled: a code comes back, nothing is kept
		long before = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
		String decoy = api
			.call(null,
					api.post("/api/v1/public/incident-reports",
							"{\"description\": \"x\", \"website\": \"http://spam.example\"}"),
					201)
			.get("trackingCode")
			.asString();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(before);
		api.call(null, api.get("/api/v1/public/incident-reports/" + decoy), 404);
	}

	@Test
	void aFloodFromOneAddressIsAnswered429AndWhatWasAcceptedIsKept() throws Exception {
		String address = "198.51.100." + (int) (Math.random() * 200 + 20);
		int limit = context.getBean(IncidentSettings.class).reportsPerAddress();
		List<String> codes = new ArrayList<>();
		int refused = 0;
		for (int i = 0; i < limit + 3; i++) {
			var result = api.exchange(null,
					api.post("/api/v1/public/incident-reports", "{\"description\": \"Báo cáo số " + i + "\"}")
						.with(r -> {
							r.setRemoteAddr(address);
							return r;
						}));
			if (result.getResponse().getStatus() == 429) {
				refused++;
			}
			else {
				assertThat(result.getResponse().getStatus()).isEqualTo(201);
				codes.add(json.readTree(result.getResponse().getContentAsByteArray()).get("trackingCode").asString());
			}
		}
		assertThat(codes).hasSize(limit);
		assertThat(refused).isEqualTo(3);
		for (String code : codes) {
			api.call(null, api.get("/api/v1/public/incident-reports/" + code), 200);
		}
		// another address is still served
		api.call(null, api.post("/api/v1/public/incident-reports", "{\"description\": \"Một báo cáo khác\"}"), 201);
	}

	@Test
	void aSenderReportIsIdempotentByItsReference() throws Exception {
		String ref = AccessFixtures.unique("VNPT");
		String body = """
				{"externalRef": "%s", "title": "Tên miền giả mạo", "description": "Khách hàng báo trang giả mạo",
				 "discoveredAt": "2026-10-01T07:30:00+07:00", "taxonomy": "fraud/phishing",
				 "observables": [{"kind": "domain", "value": "Vietcombank-Xacthuc.example"}]}""".formatted(ref);
		JsonNode first = api.call("provider", api.post("/api/v1/incident-reports", body), 201);
		JsonNode again = api.call("provider", api.post("/api/v1/incident-reports", body), 200);
		assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
		assertThat(again.get("created").asBoolean()).isFalse();
		JsonNode incident = api.call("responder", api.get("/api/v1/incidents/" + first.get("id").asLong()), 200);
		assertThat(incident.get("source").asString()).isEqualTo("provider");
		assertThat(incident.get("reportType").asString()).isEqualTo("phishing");
		assertThat(incident.get("observables").get(0).get("value").asString()).isEqualTo("vietcombank-xacthuc.example");
		assertThat(jdbc.sql("SELECT original FROM incident WHERE id = :id")
			.param("id", first.get("id").asLong())
			.query(String.class)
			.single()).isEqualTo(body);
		// the provider reads no incident, even its own
		api.call("provider", api.get("/api/v1/incidents/" + first.get("id").asLong()), 403);
		api.call("provider", api.post("/api/v1/incident-reports", "{\"title\": \"no ref\"}"), 400);
	}

	@Test
	void aDuplicateMergesIntoItsCaseKeepingEverything() throws Exception {
		long caseId = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		String code = api
			.call(null, api.post("/api/v1/public/incident-reports",
					"{\"description\": \"Trang Sở Y tế bị đổi giao diện\", \"domain\": \"syt.example.gov.vn\"}"), 201)
			.get("trackingCode")
			.asString();
		long duplicate = jdbc.sql("SELECT id FROM incident WHERE tracking_hash = :h")
			.param("h", vn.khien.platform.Sha256.hex(code))
			.query(Long.class)
			.single();
		JsonNode merged = api.call("responder",
				api.post("/api/v1/incidents/" + duplicate + "/merge", "{\"into\": " + caseId + "}"), 200);
		assertThat(merged.get("id").asLong()).isEqualTo(caseId);
		assertThat(merged.get("merged").get(0).asLong()).isEqualTo(duplicate);
		assertThat(find(merged.get("observables"), "syt.example.gov.vn")).isNotNull();
		JsonNode kept = api.call("responder", api.get("/api/v1/incidents/" + duplicate), 200);
		assertThat(kept.get("status").asString()).isEqualTo("merged");
		assertThat(kept.get("description").asString()).isEqualTo("Trang Sở Y tế bị đổi giao diện");
		assertThat(api.call(null, api.get("/api/v1/public/incident-reports/" + code), 200).get("status").asString())
			.isEqualTo("in_progress");
		api.call("responder", api.post("/api/v1/incidents/" + caseId + "/merge", "{\"into\": " + caseId + "}"), 400);
		api.call("responder", api.post("/api/v1/incidents/" + duplicate + "/merge", "{\"into\": " + caseId + "}"), 409);
	}

	@Test
	void redObservablesAreForTheParticipantsOnly() throws Exception {
		long id = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		api.call("officer", api.post("/api/v1/incidents/" + id + "/observables",
				"{\"kind\": \"ip\", \"value\": \"203.0.113.77\", \"tlp\": \"red\"}"), 201);
		api.call("officer", api.post("/api/v1/incidents/" + id + "/observables",
				"{\"kind\": \"domain\", \"value\": \"evil.example\", \"tlp\": \"green\"}"), 201);
		// the officer reported it: a participant
		assertThat(api.call("officer", api.get("/api/v1/incidents/" + id), 200).get("observables")).hasSize(2);
		JsonNode operator = api.call("operator", api.get("/api/v1/incidents/" + id), 200);
		assertThat(operator.get("observables")).hasSize(1);
		assertThat(operator.get("hiddenObservables").asInt()).isEqualTo(1);
		long operatorId = jdbc.sql("SELECT id FROM app_user WHERE username = 'operator'").query(Long.class).single();
		api.call("responder",
				api.post("/api/v1/incidents/" + id + "/participants", "{\"accountId\": " + operatorId + "}"), 200);
		assertThat(api.call("operator", api.get("/api/v1/incidents/" + id), 200).get("observables")).hasSize(2);
		api.call("officer2", api.get("/api/v1/incidents/" + id), 404);
		api.call("officer",
				api.post("/api/v1/incidents/" + id + "/observables", "{\"kind\": \"ip\", \"value\": \"999.1.1.1\"}"),
				400);
		api.call("officer",
				api.post("/api/v1/incidents/" + id + "/observables", "{\"kind\": \"rumour\", \"value\": \"x\"}"), 400);
	}

	@Test
	void aResponsePlansPlaybookBecomesTheCasesTasksInOrder() throws Exception {
		var systems = new vn.khien.inventory.SystemFixtures(
				vn.khien.FixturePrincipal.wrap(context.getBean(vn.khien.inventory.SystemManagement.class)),
				vn.khien.FixturePrincipal.wrap(context.getBean(vn.khien.inventory.Systems.class)),
				vn.khien.FixturePrincipal.wrap(context.getBean(vn.khien.registry.Agencies.class)));
		long system = systems.system(unit.code(), false).id();
		ResponsePlans plans = vn.khien.FixturePrincipal.wrap(context.getBean(ResponsePlans.class));
		long plan = plans
			.create(system, new ResponsePlans.Content("Phương án ứng phó", null,
					List.of(new ResponseScenario("defacement", "Thay đổi giao diện",
							List.of(new PlaybookTask(1, IncidentPhase.DETECTION, "Chụp lại trang bị thay đổi", null),
									new PlaybookTask(2, IncidentPhase.CONTAINMENT, "Gỡ trang, bật trang bảo trì", null),
									new PlaybookTask(3, IncidentPhase.POST_INCIDENT, "Rà soát mã nguồn", null))))))
			.id();
		plans.approve(plan);
		long id = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		JsonNode followed = api.call("responder", api.post("/api/v1/incidents/" + id + "/playbook",
				"{\"planId\": " + plan + ", \"scenario\": \"defacement\"}"), 200);
		List<String> tasks = new ArrayList<>();
		followed.get("tasks").forEach(t -> tasks.add(t.get("phase").asString() + " " + t.get("title").asString()));
		assertThat(tasks).containsExactly("detection Chụp lại trang bị thay đổi",
				"containment Gỡ trang, bật trang bảo trì", "post_incident Rà soát mã nguồn");
		api.call("responder", api.post("/api/v1/incidents/" + id + "/playbook",
				"{\"planId\": " + plan + ", \"scenario\": \"nothing\"}"), 404);
		api.call("responder", api.post("/api/v1/incidents/" + id + "/playbook", "{}"), 400);
		api.call("officer", api.post("/api/v1/incidents/" + id + "/playbook",
				"{\"planId\": " + plan + ", \"scenario\": \"defacement\"}"), 403);
	}

	@Test
	void whenTheAgencyMergesItsIncidentsGoToTheSuccessor() throws Exception {
		long id = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		api.call("officer", api.post("/api/v1/incidents/" + id + "/observables",
				"{\"kind\": \"domain\", \"value\": \"syt-merge.example\"}"), 201);
		Agency successor = new AccessFixtures(context).unit("SYT");
		api.call("operator",
				api.post("/api/v1/reorganisations/merge",
						"{\"sourceIds\": [%d], \"successorId\": %d, \"effectiveDate\": \"%s\"}".formatted(unit.id(),
								successor.id(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))),
				201);
		assertThat(api.call("officer", api.get("/api/v1/incidents/" + id), 200).get("agencyId").asLong())
			.isEqualTo(successor.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_observable WHERE incident_id = :id AND agency_id = :a")
			.param("id", id)
			.param("a", successor.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE agency_id = :a")
			.param("a", unit.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theHostsAnObservableMatchesAreSuggestedAndLinked() throws Exception {
		String address = "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
		long asset = vn.khien.FixturePrincipal.wrap(context.getBean(vn.khien.inventory.AssetManagement.class))
			.create(new vn.khien.inventory.AssetManagement.AssetDetails(unit.id(), null,
					vn.khien.inventory.importing.AssetKind.SERVER, null, address, null, null, null))
			.id();
		long id = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		api.call("officer", api.post("/api/v1/incidents/" + id + "/observables",
				"{\"kind\": \"ip\", \"value\": \"" + address + "\"}"), 201);
		JsonNode suggested = api.call("responder", api.get("/api/v1/incidents/" + id + "/suggestions"), 200);
		assertThat(suggested.findValuesAsString("agencyId")).contains(String.valueOf(unit.id()));
		assertThat(suggested.findValues("id").stream().map(JsonNode::asLong).toList()).contains(asset);
		JsonNode linked = api.call("responder",
				api.post("/api/v1/incidents/" + id + "/assets", "{\"assetIds\": [" + asset + "]}"), 200);
		assertThat(linked.get("assets").get(0).asLong()).isEqualTo(asset);
		api.call("responder", api.post("/api/v1/incidents/" + id + "/assets", "{\"assetIds\": []}"), 400);
		api.call("responder", api.post("/api/v1/incidents/" + id + "/assets", "{\"assetIds\": [99999999]}"), 404);
	}

	@Test
	void garbageIsRefusedWithTheFieldNamed() throws Exception {
		api.call("officer", api.post("/api/v1/incidents", "{not json"), 400);
		api.call("officer", api.post("/api/v1/incidents", "{}"), 400);
		JsonNode noOffset = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00")), 400);
		assertThat(noOffset.get("code").asString()).isEqualTo("incident.moment.bad");
		api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2099-01-01T08:00:00+07:00")),
				400);
		api.call("officer", api.post("/api/v1/incidents",
				IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00").replace("notified", "telepathy")),
				400);
		api.call("officer2",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")),
				404);
		api.call("officer", api.post("/api/v1/incidents",
				IncidentCalls.report(unit.id(), "x".repeat(600), "2026-10-01T08:00:00+07:00")), 400);
		api.call(null, api.post("/api/v1/public/incident-reports", "[1,2"), 400);
		// refused by its declared size before anything reads it
		var huge = api.post("/api/v1/public/incident-reports", "{\"description\": \"" + "x".repeat(130_000) + "\"}");
		assertThat(api.exchange(null, huge).getResponse().getStatus()).isEqualTo(413);
		api.call(null, api.post("/api/v1/public/incident-reports",
				"{\"description\": \"x\", \"happenedAt\": \"-300000000-01-01T00:00:00Z\"}"), 400);
		api.call(null, api.post("/api/v1/public/incident-reports", "{\"description\": \"\"}"), 400);
		api.call(null, api.post("/api/v1/public/incident-reports", "{\"description\": \"x\", \"wantsReply\": true}"),
				400);
		api.call("responder", api.get("/api/v1/incidents?status=lost"), 400);
		long id = api.call("officer",
				api.post("/api/v1/incidents", IncidentCalls.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00")), 201)
			.get("id")
			.asLong();
		api.call("responder", api.post("/api/v1/incidents/" + id + "/triage", "{\"estimatedDamage\": -1}"), 400);
		api.call("responder",
				api.post("/api/v1/incidents/" + id + "/triage", "{\"estimatedDamage\": 9000000000000000000}"), 400);
		api.call("responder",
				api.post("/api/v1/incidents/" + id + "/tasks", "{\"title\": \"Nhiệm vụ\", \"due\": \"99999-01-01\"}"),
				400);
		// what the sender sent is for the case\u2019s participants: the officer reported
		// it, the responder is not one
		api.call("officer", api.get("/api/v1/incidents/" + id + "/original"), 403);
		api.call("responder", api.get("/api/v1/incidents/" + id + "/original"), 403);
		api.call("responder", api.get("/api/v1/incidents/99999999"), 404);
		api.call("responder", api.post("/api/v1/incidents/99999999/transitions", "{\"to\": \"closed\"}"), 404);
	}

	private static List<String> dues(JsonNode incident) {
		List<String> dues = new ArrayList<>();
		incident.get("deadlines")
			.forEach(d -> dues
				.add(d.get("kind").asString() + " " + (d.get("due").isNull() ? "null" : d.get("due").asString())));
		return dues;
	}

	private static JsonNode find(JsonNode list, String value) {
		for (JsonNode n : list) {
			for (JsonNode v : n) {
				if (v.isString() && v.asString().equals(value)) {
					return n;
				}
			}
		}
		return null;
	}

}
