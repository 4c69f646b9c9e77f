package vn.khien.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.SystemManagement;
import vn.khien.registry.Agency;

/**
 * Garbage sent to every drill endpoint that takes input is a clear 400 (a 404 for an
 * unknown drill or action) and nothing is written: bad JSON, wrong types, unknown or
 * retired systems, unknown categories and severities, missing or reversed dates.
 */
@KhienTest
class DrillGarbageTests {

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

	@Test
	void garbageDrillsAreRefusedAndNothingIsWritten() throws Exception {
		var f = new DrillFixtures(context);
		Agency unit = f.unit("SYT");
		long system = f.system(unit, 3).id();
		long retired = retired(f, unit);
		String today = DrillFixtures.today().toString();
		Map<String, Long> before = counts();

		for (String body : List.of("{", "not json", "[]", "{\"agencyId\": \"abc\"}", "{\"scheduledOn\": \"31/12\"}",
				"{\"targets\": 5}")) {
			refused(post("/api/v1/drills", body), 400, null);
		}
		refused(post("/api/v1/drills", drill(unit.id(), "live_fire", today, List.of(Map.of("systemId", 999_999_999L)))),
				400, "drill.target.unknown");
		refused(post("/api/v1/drills", drill(unit.id(), "live_fire", today, List.of(Map.of("systemId", retired)))), 400,
				"drill.target.retired");
		refused(post("/api/v1/drills",
				drill(unit.id(), "live_fire", today, List.of(Map.of("systemId", system), Map.of("systemId", retired)))),
				400, "drill.target.retired");
		refused(post("/api/v1/drills", drill(unit.id(), "storm", today, List.of(Map.of("systemId", system)))), 400,
				"drill.kind.unknown");
		refused(post("/api/v1/drills", drill(unit.id(), "live_fire", null, List.of(Map.of("systemId", system)))), 400,
				"drill.field.required");
		refused(post("/api/v1/drills", drill(unit.id(), "live_fire", today, List.of())), 400, "drill.targets.required");
		refused(post("/api/v1/drills", drill(999_999_999L, "tabletop", today, List.of())), 400, "drill.agency.unknown");
		refused(post("/api/v1/drills",
				drill(unit.id(), "live_fire", today, List.of(Map.of("systemId", system), Map.of("systemId", system)))),
				400, "drill.target.duplicate");
		assertThat(counts()).as("nothing written").isEqualTo(before);
	}

	@Test
	void garbageRunsAreRefusedAndNothingIsWritten() throws Exception {
		var f = new DrillFixtures(context);
		Agency unit = f.unit("SYT");
		long system = f.system(unit, 3).id();
		long drill = f.drill(unit.id(), DrillKind.LIVE_FIRE, system).id();
		String today = DrillFixtures.today().toString();
		Map<String, Long> before = counts();
		String uri = "/api/v1/drills/" + drill + "/runs";

		for (String body : List.of("{", "null", "{\"heldOn\": \"yesterday\"}", "{\"prevented\": \"perhaps\"}",
				"{\"minutesToDetect\": \"ten\"}", "{\"weaknesses\": {}}")) {
			refused(post(uri, body), 400, null);
		}
		refused(post(uri, run(null, List.of())), 400, "drill.field.required");
		refused(post(uri, run(DrillFixtures.today().plusDays(3).toString(), List.of())), 400, "drill.run.future");
		refused(post(uri, run(today, List.of(weakness("luck", "high", unit.id(), today)))), 400,
				"drill.category.unknown");
		refused(post(uri, run(today, List.of(weakness("process", "dreadful", unit.id(), today)))), 400,
				"drill.severity.unknown");
		// a deadline before the run: reversed dates
		refused(post(uri, run(today, List.of(weakness("process", "high", unit.id(), "2001-01-01")))), 400,
				"drill.action.dueRange");
		refused(post(uri, run(today, List.of(weakness("process", "high", unit.id(), null)))), 400,
				"drill.field.required");
		refused(post(uri, run(today, List.of(weakness("people", "low", 999_999_999L, today)))), 400,
				"drill.agency.unknown");
		// one bad weakness among good ones writes none of them
		refused(post(uri, run(today, List.of(weakness("process", "high", unit.id(), today),
				weakness("technology", "nope", unit.id(), today)))), 400, "drill.severity.unknown");
		refused(post("/api/v1/drills/999999999/runs", run(today, List.of())), 404, null);
		refused(post("/api/v1/drill-actions/999999999/done", "{}"), 404, null);
		refused(post("/api/v1/drill-actions/999999999/verify", "{}"), 404, null);
		refused(get("/api/v1/drills?kind=storm"), 400, "drill.kind.unknown");
		refused(get("/api/v1/drills?year=soon"), 400, null);
		refused(get("/api/v1/drill-actions?status=lost"), 400, "drill.actionStatus.unknown");
		refused(get("/api/v1/drills/coverage?state=maybe"), 400, "drill.coverage.state.unknown");
		assertThat(counts()).as("nothing written").isEqualTo(before);
	}

	@Test
	void garbageFormsSayWhatIsWrongAndWriteNothing() throws Exception {
		var f = new DrillFixtures(context);
		Agency unit = f.unit("SYT");
		long system = f.system(unit, 3).id();
		long drill = f.drill(unit.id(), DrillKind.LIVE_FIRE, system).id();
		Map<String, Long> before = counts();
		var page = mvc.post()
			.uri("/drills")
			.with(logins.session("police"))
			.with(csrf())
			.param("agencyId", String.valueOf(unit.id()))
			.param("kind", "live_fire")
			.param("title", "Diễn tập")
			.param("scheduledOn", "tomorrow")
			.param("systemIds", system + ", x")
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("drill-form-error");
		var run = mvc.post()
			.uri("/drills/" + drill + "/runs")
			.with(logins.session("police"))
			.with(csrf())
			.param("heldOn", DrillFixtures.today().toString())
			.param("description0", "Thiếu quy trình")
			.param("category0", "luck")
			.param("severity0", "high")
			.param("ownerAgencyId0", String.valueOf(unit.id()))
			.param("ownerName0", "Văn phòng")
			.param("dueOn0", DrillFixtures.today().toString())
			.exchange();
		assertThat(run).hasStatus3xxRedirection();
		assertThat(run.getMvcResult().getFlashMap().get("error")).asString().isNotBlank();
		assertThat(counts()).as("nothing written").isEqualTo(before);
	}

	private long retired(DrillFixtures f, Agency unit) {
		InformationSystem s = f.system(unit, 3);
		SystemManagement management = FixturePrincipal.wrap(context.getBean(SystemManagement.class));
		management.update(s.id(),
				new SystemManagement.SystemDetails(s.code(), s.name(), s.ownerAgencyId(), null, s.purpose(),
						s.userCount(), SystemLifecycle.RETIRED, s.hosting(), null, false, s.publicServiceLevel(),
						s.dataClassification(), false, null, null, s.stateSecretGrade(), false, false,
						s.monitoringKind(), null));
		return s.id();
	}

	private String drill(long agency, String kind, String on, List<Map<String, Object>> targets) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agencyId", agency);
		body.put("kind", kind);
		body.put("title", "Diễn tập rác");
		body.put("scheduledOn", on);
		body.put("targets", targets);
		return json.writeValueAsString(body);
	}

	private String run(String heldOn, List<Map<String, Object>> weaknesses) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("heldOn", heldOn);
		body.put("prevented", false);
		body.put("weaknesses", weaknesses);
		return json.writeValueAsString(body);
	}

	private Map<String, Object> weakness(String category, String severity, long owner, String due) {
		Map<String, Object> w = new LinkedHashMap<>();
		w.put("category", category);
		w.put("severity", severity);
		w.put("description", "Điểm yếu");
		w.put("ownerAgencyId", owner);
		w.put("ownerName", "Phòng CNTT");
		w.put("dueOn", due);
		return w;
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("drill_plan", "drill_target", "drill_participant", "drill_run", "drill_weakness",
				"drill_action", "drill_action_event", "drill_system_held")) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		counts.put("audit",
				jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type LIKE 'drill%'")
					.query(Long.class)
					.single());
		return counts;
	}

	private void refused(MvcTestResult result, int status, String code) throws Exception {
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		if (code != null) {
			JsonNode node = json.readTree(body);
			assertThat(node.get("code").asString()).as(body).isEqualTo(code);
		}
	}

	private MvcTestResult post(String uri, String body) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer("police"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header("Authorization", logins.bearer("police")).exchange();
	}

}
