package vn.khien.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.platform.AgencyFigures;
import vn.khien.registry.Agency;

/**
 * Drills through the API: a live drill with three weaknesses makes three actions and
 * meets its system's drill obligation, while a system not drilled is overdue; actions
 * walk open, done, verified with their audit; the agency's figures equal the coverage
 * lists they link to; officers see only what involves their agency.
 */
@KhienTest
class DrillTests {

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
	void aLiveDrillWithThreeWeaknessesMakesThreeActionsAndMeetsItsSystemsObligation() throws Exception {
		var f = new DrillFixtures(context);
		Agency unit = f.unit("SYT");
		long drilled = f.system(unit, 3).id();
		long overdue = f.system(unit, 4).id();
		long lowLevel = f.system(unit, 1).id();
		String today = DrillFixtures.today().toString();

		JsonNode drill = ok(post("police", "/api/v1/drills",
				f.access.json("agencyId", unit.id(), "kind", "live_fire", "title", "Diễn tập thực chiến", "scenario",
						"Tấn công cổng thông tin", "scheduledOn", today, "targets",
						List.of(Map.of("systemId", drilled), Map.of("systemId", drilled, "databaseName", "portal_db")),
						"participants", List.of(Map.of("agencyId", unit.id(), "personName", "Nguyễn Văn An")))),
				201);
		long drillId = drill.get("id").asLong();
		assertThat(drill.get("status").asString()).isEqualTo("planned");
		assertThat(drill.get("targets")).hasSize(2);

		JsonNode run = ok(post("police", "/api/v1/drills/" + drillId + "/runs", f.access
			.json("heldOn", today, "timeline", "08:00 bắt đầu; 08:40 phát hiện", "prevented", true, "minutesToDetect",
					40, "minutesToRespond", 50, "weaknesses", List.of(weakness("process", "high", unit.id()),
							weakness("technology", "critical", unit.id()), weakness("people", "medium", unit.id())))),
				201);
		assertThat(run.get("weaknesses")).hasSize(3);
		assertThat(run.get("actions")).hasSize(3);
		run.get("actions").forEach(a -> {
			assertThat(a.get("status").asString()).isEqualTo("open");
			assertThat(a.get("agencyId").asLong()).isEqualTo(unit.id());
			assertThat(a.get("ownerName").asString()).isEqualTo("Phòng CNTT");
		});
		assertThat(ok(get("police", "/api/v1/drills/" + drillId), 200).get("drill").get("status").asString())
			.isEqualTo("done");
		JsonNode listed = ok(get("police", "/api/v1/drill-actions?agency=" + unit.id() + "&status=open"), 200);
		assertThat(listed.get("total").asLong()).isEqualTo(3);

		JsonNode met = ok(get("police", "/api/v1/drills/coverage?agency=" + unit.id() + "&state=met"), 200);
		assertThat(systemIds(met)).containsExactly(drilled);
		assertThat(met.get("items").get(0).get("obligationId").asString()).isEqualTo("live-drill");
		JsonNode late = ok(get("police", "/api/v1/drills/coverage?agency=" + unit.id() + "&state=overdue"), 200);
		assertThat(systemIds(late)).containsExactly(overdue);
		JsonNode required = ok(get("police", "/api/v1/drills/coverage?agency=" + unit.id()), 200);
		assertThat(systemIds(required)).as("level 1 owes no live drill")
			.containsExactlyInAnyOrder(drilled, overdue)
			.doesNotContain(lowLevel);

		// the officer of the health department sees it, the education department's does
		// not
		assertThat(ok(get("officer", "/api/v1/drills?agency=" + unit.id()), 200).get("total").asLong()).isEqualTo(1);
		assertThat(ok(get("officer2", "/api/v1/drills?agency=" + unit.id()), 200).get("total").asLong()).isZero();
		status(get("officer2", "/api/v1/drills/" + drillId), 404);
		assertThat(ok(get("officer", "/api/v1/drills/coverage?agency=" + unit.id() + "&state=met"), 200).get("total")
			.asLong()).isEqualTo(1);
		// the pages show it
		assertThat(html("officer", "/drills/" + drillId)).contains("Phòng CNTT");
		assertThat(html("leader", "/drills/coverage?agency=" + unit.id() + "&state=overdue"))
			.contains("data-system-id=\"" + overdue + "\"");
		assertThat(html("police", "/drills?agency=" + unit.id())).contains("data-drill-id=\"" + drillId + "\"");
	}

	@Test
	void actionsMoveOpenDoneVerifiedWithTheirAudit() throws Exception {
		var f = new DrillFixtures(context);
		Agency unit = f.unit("SYT");
		long action = f.action(unit.id());

		// verifying before done is a conflict; the leadership only reads
		status(post("police", "/api/v1/drill-actions/" + action + "/verify", "{}"), 409);
		status(post("leader", "/api/v1/drill-actions/" + action + "/done", "{}"), 403);
		status(post("officer2", "/api/v1/drill-actions/" + action + "/done", "{}"), 404);
		JsonNode done = ok(
				post("officer", "/api/v1/drill-actions/" + action + "/done", "{\"note\":\"Đã ban hành quy trình\"}"),
				200);
		assertThat(done.get("status").asString()).isEqualTo("done");
		assertThat(done.get("statusNote").asString()).isEqualTo("Đã ban hành quy trình");
		// an officer never verifies, and done is not done twice
		status(post("officer", "/api/v1/drill-actions/" + action + "/verify", "{}"), 403);
		status(post("officer", "/api/v1/drill-actions/" + action + "/done", "{}"), 409);
		JsonNode verified = ok(
				post("police", "/api/v1/drill-actions/" + action + "/verify", "{\"note\":\"Đã kiểm tra trực tiếp\"}"),
				200);
		assertThat(verified.get("status").asString()).isEqualTo("verified");
		assertThat(verified.get("statusBy").asString()).isEqualTo("police");
		assertThat(jdbc
			.sql("SELECT action FROM audit_entry WHERE entity_type = 'drill_action' AND entity_id = :id"
					+ " ORDER BY seq")
			.param("id", String.valueOf(action))
			.query(String.class)
			.list())
			.containsExactly("DRILL_ACTION_CREATED", "DRILL_ACTION_STATUS_CHANGED", "DRILL_ACTION_STATUS_CHANGED");
		assertThat(jdbc.sql("SELECT to_status FROM drill_action_event WHERE action_id = :id ORDER BY id")
			.param("id", action)
			.query(String.class)
			.list()).containsExactly("DONE", "VERIFIED");
	}

	@Test
	void figuresEqualTheTotalsOfTheCoverageListsTheyLinkTo() throws Exception {
		var f = new DrillFixtures(context);
		Agency parent = f.unit("SYT");
		Agency child = f.access.unit(parent.id());
		long a = f.system(parent, 3).id();
		long b = f.system(child, 5).id();
		f.system(child, 4);
		f.system(child, 2);
		f.run(f.drill(parent.id(), DrillKind.LIVE_FIRE, a, b).id());
		// a tabletop drill does not meet a live-fire obligation
		long c = f.system(parent, 3).id();
		f.run(f.drill(parent.id(), DrillKind.TABLETOP, c).id());

		AgencyFigures figures = FixturePrincipal.wrap(context.getBean(DrillAgencyFigures.class));
		Map<String, AgencyFigures.Figure> byKey = new java.util.LinkedHashMap<>();
		figures.of(List.of(parent.id())).get(parent.id()).forEach(fig -> byKey.put(fig.labelKey(), fig));
		assertThat(byKey).containsOnlyKeys("standing.drillsRequired", "standing.drillsMet", "standing.drillsOverdue",
				"standing.drillCoverage");
		assertThat(byKey.get("standing.drillsRequired").value()).isEqualTo(4L);
		assertThat(byKey.get("standing.drillsMet").value()).isEqualTo(2L);
		assertThat(byKey.get("standing.drillsOverdue").value()).isEqualTo(2L);
		assertThat(byKey.get("standing.drillCoverage").value()).isEqualTo(0.5);
		assertThat(byKey.get("standing.drillCoverage").api()).isNull();
		for (String key : List.of("standing.drillsRequired", "standing.drillsMet", "standing.drillsOverdue")) {
			AgencyFigures.Figure fig = byKey.get(key);
			assertThat(fig.api()).startsWith("/api/v1/drills/coverage?agency=" + parent.id() + "&state=");
			for (String user : List.of("police", "leader", "officer")) {
				assertThat(ok(get(user, fig.api()), 200).get("total").asLong()).as(key + " for " + user)
					.isEqualTo(fig.value().longValue());
			}
		}
		// the child's own figures, as the health department's officer counts them
		JsonNode childMet = ok(get("officer", "/api/v1/drills/coverage?agency=" + child.id() + "&state=met"), 200);
		assertThat(systemIds(childMet)).containsExactly(b);
	}

	@Test
	void theComplianceOverviewCountsASystemDrilledThisYearAsHavingMetItsYearlyDrill() {
		var f = new DrillFixtures(context);
		DrillCoverage coverage = FixturePrincipal.wrap(context.getBean(DrillCoverage.class));
		RulePack.Obligation yearly = coverage.obligations(DrillFixtures.today()).get(0);
		assertThat(coverage.answers(yearly)).isTrue();
		ObligationRecords.Standing before = coverage.standing(yearly, DrillFixtures.today());
		Agency unit = f.unit("SYT");
		var drilled = f.system(unit, 3);
		f.system(unit, 3);
		f.system(unit, 1);
		ObligationRecords.Standing owed = coverage.standing(yearly, DrillFixtures.today());
		assertThat(owed.required()).as("two level-3 systems owe it").isEqualTo(before.required() + 2);
		assertThat(owed.met()).isEqualTo(before.met());
		f.run(f.drill(unit.id(), DrillKind.LIVE_FIRE, drilled.id()).id());
		ObligationRecords.Standing after = coverage.standing(yearly, DrillFixtures.today());
		assertThat(after.met()).isEqualTo(before.met() + 1);
		assertThat(after.overdue()).isEqualTo(before.overdue() + 1);
	}

	@Test
	void targetsFollowTheirSystemToItsNewOwner() throws Exception {
		var f = new DrillFixtures(context);
		Agency from = f.unit("SYT");
		Agency to = f.unit("SGDDT");
		var s = f.system(from, 3);
		f.run(f.drill(from.id(), DrillKind.LIVE_FIRE, s.id()).id());
		assertThat(systemIds(ok(get("police", "/api/v1/drills/coverage?agency=" + from.id() + "&state=met"), 200)))
			.containsExactly(s.id());
		var management = FixturePrincipal.wrap(context.getBean(vn.khien.inventory.SystemManagement.class));
		management.update(s.id(),
				new vn.khien.inventory.SystemManagement.SystemDetails(s.code(), s.name(), to.id(), null, s.purpose(),
						s.userCount(), s.lifecycle(), s.hosting(), null, false, s.publicServiceLevel(),
						s.dataClassification(), false, null, null, s.stateSecretGrade(), false, false,
						s.monitoringKind(), null));
		assertThat(jdbc.sql("SELECT DISTINCT agency_id FROM drill_target WHERE system_id = :s")
			.param("s", s.id())
			.query(Long.class)
			.list()).containsExactly(to.id());
		AgencyFigures figures = FixturePrincipal.wrap(context.getBean(DrillAgencyFigures.class));
		var met = figures.of(List.of(to.id())).get(to.id()).get(1);
		assertThat(met.labelKey()).isEqualTo("standing.drillsMet");
		assertThat(met.value()).isEqualTo(1L);
		assertThat(ok(get("police", met.api()), 200).get("total").asLong()).isEqualTo(1);
		assertThat(ok(get("officer2", "/api/v1/drills?agency=" + to.id()), 200).get("total").asLong())
			.as("the new owner's officer sees the drill that targets it")
			.isEqualTo(1);
	}

	@Test
	void theDemoProvinceShowsAHeldDrillWithItsActions() {
		List<Long> demo = jdbc
			.sql("SELECT id FROM drill_plan WHERE created_by LIKE '%demo-data' AND kind = 'LIVE_FIRE'")
			.query(Long.class)
			.list();
		assertThat(demo).as("the demo's live-fire drill").hasSize(1);
		assertThat(jdbc.sql("SELECT status FROM drill_action WHERE drill_id = :d ORDER BY status")
			.param("d", demo.get(0))
			.query(String.class)
			.list()).containsExactly("DONE", "OPEN", "VERIFIED");
	}

	private Map<String, Object> weakness(String category, String severity, long owner) {
		return Map.of("category", category, "severity", severity, "description", "Điểm yếu " + category,
				"ownerAgencyId", owner, "ownerName", "Phòng CNTT", "dueOn",
				DrillFixtures.today().plusMonths(2).toString());
	}

	private static List<Long> systemIds(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get("systemId").asLong()));
		return ids;
	}

	private MvcTestResult post(String user, String uri, String body) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String user, String uri) {
		if (!uri.startsWith("/api/")) {
			return mvc.get().uri(uri).with(logins.session(user)).exchange();
		}
		return mvc.get().uri(uri).header("Authorization", logins.bearer(user)).exchange();
	}

	private String html(String user, String uri) throws Exception {
		var result = get(user, uri);
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void status(MvcTestResult result, int status) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(status);
	}

	private JsonNode ok(MvcTestResult result, int status) throws Exception {
		status(result, status);
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
