package vn.khien.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.inventory.SystemFixtures;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.Systems;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgenciesMerged;
import vn.khien.registry.Agency;

/**
 * Inspections through the API and pages: a plan walked to a verified corrective action,
 * the year's coverage as rounds complete, what each officer sees, and garbage refused
 * with nothing written. Every record is made at fresh units, so no other test sees them.
 */
@KhienTest
class InspectionApiTests {

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

	final int year = InspectionFixtures.thisYear();

	@Test
	void aPlanWalksFromDraftThroughARoundAndItsFindingsToAVerifiedAction() throws Exception {
		var f = new AccessFixtures(context);
		Agency unit = f.unit("SYT");
		long other = f.unit("SYT").id();
		long vulnerability = vulnerabilityFinding(unit.id());
		long system = systems().system(unit.code(), false).id();

		JsonNode plan = ok(post("police", "/api/v1/inspection-plans",
				f.json("year", year, "kind", "periodic", "title", "Kiểm tra định kỳ", "inspectingAgencyId",
						f.agency("CAT"), "targets", List.of(target(unit.id(), "-03-02"), target(other, "-04-06")))),
				201);
		long planId = plan.get("id").asLong();
		assertThat(plan.get("status").asString()).isEqualTo("draft");
		assertThat(plan.get("inspectingAgency").asString()).startsWith("CAT");
		// no round before the plan is approved
		status(post("police", "/api/v1/inspection-plans/" + planId + "/rounds", round(unit.id())), 409);
		ok(post("police", "/api/v1/inspection-plans/" + planId + "/transitions", "{\"to\":\"approved\"}"), 200);
		JsonNode round = ok(post("police", "/api/v1/inspection-plans/" + planId + "/rounds", round(unit.id())), 201);
		long roundId = round.get("id").asLong();
		assertThat(round.get("status").asString()).isEqualTo("planned");
		// findings wait for the round to start; a round does not skip a step
		status(post("police", "/api/v1/inspection-rounds/" + roundId + "/findings", finding(vulnerability, system)),
				409);
		status(post("police", "/api/v1/inspection-rounds/" + roundId + "/transitions", "{\"to\":\"completed\"}"), 409);
		ok(post("police", "/api/v1/inspection-rounds/" + roundId + "/transitions", "{\"to\":\"in_progress\"}"), 200);
		assertThat(ok(get("police", "/api/v1/inspection-plans/" + planId), 200).get("status").asString())
			.as("the first round started takes the plan under way")
			.isEqualTo("in_progress");

		JsonNode finding = ok(
				post("police", "/api/v1/inspection-rounds/" + roundId + "/findings", finding(vulnerability, system)),
				201);
		long findingId = finding.get("id").asLong();
		assertThat(finding.get("vulnerabilityFindingIds").get(0).asLong()).isEqualTo(vulnerability);
		assertThat(finding.get("systemId").asLong()).isEqualTo(system);
		JsonNode action = ok(post("police", "/api/v1/inspection-findings/" + findingId + "/actions",
				f.json("title", "Cập nhật bản vá", "owner", "Phòng CNTT", "dueOn", year + "-05-08")), 201);
		long actionId = action.get("id").asLong();
		assertThat(action.get("status").asString()).isEqualTo("open");

		// verifying what was not reported done is refused, saying why
		JsonNode early = ok(post("police", "/api/v1/inspection-actions/" + actionId + "/transitions",
				"{\"to\":\"verified\",\"note\":\"xem\"}"), 409);
		assertThat(early.get("code").asString()).isEqualTo("inspection.action.verifyNotDone");
		// the agency reports it done with evidence
		byte[] evidence = "ảnh chụp phiên bản".getBytes(StandardCharsets.UTF_8);
		JsonNode reported = ok(mvc.post()
			.uri("/api/v1/inspection-actions/" + actionId + "/reports")
			.header("Authorization", logins.bearer("officer"))
			.multipart()
			.file(new MockMultipartFile("file", "minh-chung.png", "image/png", evidence))
			.param("note", "Đã vá ngày 02/05")
			.exchange(), 200);
		assertThat(reported.get("status").asString()).isEqualTo("done");
		long fileId = reported.get("history").get(0).get("fileId").asLong();
		assertThat(jdbc.sql("SELECT kept FROM stored_file WHERE id = :id")
			.param("id", fileId)
			.query(Boolean.class)
			.single()).as("kept whatever the upload retention").isTrue();
		// neither the agency nor an operator of another body verifies; the police do
		assertThat(
				ok(post("officer", "/api/v1/inspection-actions/" + actionId + "/transitions", "{\"to\":\"verified\"}"),
						403)
					.get("code")
					.asString())
			.isEqualTo("inspection.action.verifierOnly");
		status(post("operator", "/api/v1/inspection-actions/" + actionId + "/transitions", "{\"to\":\"verified\"}"),
				403);
		JsonNode verified = ok(post("police", "/api/v1/inspection-actions/" + actionId + "/transitions",
				"{\"to\":\"verified\",\"note\":\"Kiểm tra lại: đã khắc phục\"}"), 200);
		assertThat(verified.get("status").asString()).isEqualTo("verified");
		assertThat(verified.get("overdue").asBoolean()).isFalse();
		// verified once; a second verification is out of order
		status(post("police", "/api/v1/inspection-actions/" + actionId + "/transitions", "{\"to\":\"verified\"}"), 409);
		var download = mvc.get()
			.uri("/api/v1/inspection-actions/" + actionId + "/files/" + fileId)
			.header("Authorization", logins.bearer("police"))
			.exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(evidence);

		ok(post("police", "/api/v1/inspection-rounds/" + roundId + "/transitions", "{\"to\":\"completed\"}"), 200);
		JsonNode detail = ok(get("officer", "/api/v1/inspection-rounds/" + roundId), 200);
		assertThat(detail.get("round").get("status").asString()).isEqualTo("completed");
		JsonNode history = detail.get("findings").get(0).get("actions").get(0).get("history");
		assertThat(history.findValuesAsString("to")).containsExactly("verified", "done");
		ok(post("police", "/api/v1/inspection-plans/" + planId + "/transitions", "{\"to\":\"closed\"}"), 200);
		assertThat(audited("inspection_action", actionId)).containsExactly("INSPECTION_ACTION_CREATED",
				"INSPECTION_ACTION_STATUS_CHANGED", "INSPECTION_ACTION_STATUS_CHANGED");
		assertThat(audited("inspection_plan", planId)).containsExactly("INSPECTION_PLAN_CREATED",
				"INSPECTION_PLAN_STATUS_CHANGED", "INSPECTION_PLAN_STATUS_CHANGED", "INSPECTION_PLAN_STATUS_CHANGED");

		// the round's page shows the finding, its linked vulnerability and the verified
		// action
		String page = html("officer", "/inspection-rounds/" + roundId);
		assertThat(page).contains("href=\"/findings/" + vulnerability + "\"")
			.contains("id=\"action-" + actionId + "\"")
			.contains("/inspection-actions/" + actionId + "/files/" + fileId)
			.doesNotContain("class=\"row g-2 align-items-end report-form\"");
	}

	@Test
	void coverageListsTheTargetsNotYetInspectedAndDropsOneOnceItsRoundCompletes() throws Exception {
		var f = new AccessFixtures(context);
		var x = new InspectionFixtures(context);
		long a = f.unit("SYT").id();
		long b = f.unit("SYT").id();
		long untargeted = f.unit("SYT").id();
		long plan = x.plan(year, a, b);

		JsonNode before = ok(get("officer", "/api/v1/inspection-plans/" + plan + "/coverage"), 200);
		assertThat(before.get("notInspected").findValuesAsString("agencyId"))
			.containsExactlyInAnyOrder(String.valueOf(a), String.valueOf(b));
		assertThat(before.get("targets").asLong()).isEqualTo(2);
		assertThat(before.get("inspected").asLong()).isZero();
		List<Long> gaps = untargeted("officer", plan);
		assertThat(gaps).contains(untargeted).doesNotContain(a, b);
		status(get("officer2", "/api/v1/inspection-plans/" + plan + "/coverage"), 404);

		long round = x.started(plan, a);
		assertThat(ok(get("officer", "/api/v1/inspection-plans/" + plan + "/coverage"), 200).get("notInspected")
			.findValuesAsString("agencyId")).as("a round under way does not cover its agency yet")
			.contains(String.valueOf(a));
		x.complete(round);
		JsonNode after = ok(get("officer", "/api/v1/inspection-plans/" + plan + "/coverage"), 200);
		assertThat(after.get("notInspected").findValuesAsString("agencyId")).containsExactly(String.valueOf(b));
		assertThat(after.get("inspected").asLong()).isEqualTo(1);
		JsonNode targets = ok(get("officer", "/api/v1/inspection-plans/" + plan + "/targets"), 200);
		assertThat(targets.get("total").asLong()).isEqualTo(2);
		for (JsonNode t : targets.get("items")) {
			assertThat(t.get("inspected").asBoolean()).isEqualTo(t.get("agencyId").asLong() == a);
		}
		// the read model agrees with a recount
		assertThat(jdbc
			.sql("SELECT completed_rounds FROM inspection_agency_year WHERE agency_id = :a" + " AND plan_year = :y")
			.param("a", a)
			.param("y", year)
			.query(Integer.class)
			.single())
			.isEqualTo(jdbc
				.sql("SELECT COUNT(*) FROM inspection_round WHERE agency_id = :a AND plan_year = :y"
						+ " AND status = 'COMPLETED'")
				.param("a", a)
				.param("y", year)
				.query(Integer.class)
				.single())
			.isEqualTo(1);

		// the plan's page shows the same
		String page = html("officer", "/inspection-plans/" + plan);
		String notInspected = page.substring(page.indexOf("id=\"not-inspected-list\""),
				page.indexOf("id=\"untargeted\""));
		assertThat(notInspected).contains("data-agency-id=\"" + b + "\"")
			.doesNotContain("data-agency-id=\"" + a + "\"");
	}

	@Test
	void anOfficerSeesTheRoundsOfTheirSubtreeOnlyAndAnotherOfficerNone() throws Exception {
		var f = new AccessFixtures(context);
		var x = new InspectionFixtures(context);
		long health = f.unit("SYT").id();
		long finance = f.unit("STC").id();
		long plan = x.plan(year, health, finance);
		long healthRound = x.started(plan, health);
		long financeRound = x.started(plan, finance);
		long action = x.action(x.finding(healthRound));

		ok(get("officer", "/api/v1/inspection-plans/" + plan), 200);
		JsonNode targets = ok(get("officer", "/api/v1/inspection-plans/" + plan + "/targets"), 200);
		assertThat(targets.get("items").findValuesAsString("agencyId")).containsExactly(String.valueOf(health));
		assertThat(targets.get("items").get(0).get("rounds").findValuesAsString("id"))
			.containsExactly(String.valueOf(healthRound));
		ok(get("officer", "/api/v1/inspection-rounds/" + healthRound), 200);
		status(get("officer", "/api/v1/inspection-rounds/" + financeRound), 404);
		assertThat(html("officer", "/inspection-plans/" + plan)).contains("/inspection-rounds/" + healthRound)
			.doesNotContain("/inspection-rounds/" + financeRound);

		// officer2 (education) sees neither the plan nor its rounds, findings or actions
		status(get("officer2", "/api/v1/inspection-plans/" + plan), 404);
		status(get("officer2", "/api/v1/inspection-plans/" + plan + "/targets"), 404);
		status(get("officer2", "/api/v1/inspection-plans/" + plan + "/coverage"), 404);
		status(get("officer2", "/api/v1/inspection-rounds/" + healthRound), 404);
		status(get("officer2", "/inspection-rounds/" + healthRound), 404);
		assertThat(ok(get("officer2", "/api/v1/inspection-plans?year=" + year + "&size=500"), 200).get("items")
			.findValuesAsString("id")).doesNotContain(String.valueOf(plan));
		assertThat(ok(get("officer2", "/api/v1/inspection-actions?agency=" + health), 200).get("total").asLong())
			.isZero();
		assertThat(ok(get("officer", "/api/v1/inspection-actions?agency=" + health), 200).get("items")
			.findValuesAsString("id")).containsExactly(String.valueOf(action));
		// nor may they report the action done: it is not theirs to see
		status(post("officer2", "/api/v1/inspection-actions/" + action + "/transitions",
				"{\"to\":\"done\",\"note\":\"x\"}"), 404);
	}

	@Test
	void aMergedAgencysInspectionsMoveToItsSuccessorWhoseCoverageCountsThem() throws Exception {
		var f = new AccessFixtures(context);
		var x = new InspectionFixtures(context);
		var management = FixturePrincipal.wrap(context.getBean(InspectionManagement.class));
		// the source is officer2's (education), the successor officer's (health)
		long source = f.unit("SGDDT").id();
		long successor = f.unit("SYT").id();
		long plan = management
			.createPlan(
					new InspectionManagement.NewPlan(year, "periodic", "Kiểm tra trước sáp nhập", f.agency("CAT"),
							List.of(new InspectionManagement.NewTarget(source, date("-03-02"), date("-03-06")),
									new InspectionManagement.NewTarget(successor, date("-04-06"), date("-04-10")))))
			.id();
		management.movePlan(plan, PlanStatus.APPROVED);
		long ownPlan = management
			.createPlan(new InspectionManagement.NewPlan(year, "ad_hoc", "Tự kiểm tra", source, List.of()))
			.id();
		long sourceRound = x.started(plan, source);
		long sourceFinding = management
			.addFinding(sourceRound,
					new InspectionManagement.NewFinding("vulnerability", "Cổng thông tin chưa vá", null, "high", null,
							List.of(vulnerabilityFinding(source))))
			.id();
		long sourceAction = x.done(sourceFinding);
		x.complete(sourceRound);
		long successorRound = x.started(plan, successor);
		long successorAction = x.action(x.finding(successorRound));
		status(get("officer", "/api/v1/inspection-rounds/" + sourceRound), 404);

		context.getBean(InspectionsFollowTheirAgencies.class)
			.on(new AgenciesMerged(List.of(source), successor, java.time.LocalDate.now()));

		// one target for the successor, spanning the dates planned for either
		assertThat(jdbc.sql("SELECT agency_id, planned_from, planned_to FROM inspection_target WHERE plan_id = :p")
			.param("p", plan)
			.query((rs, n) -> rs.getLong(1) + " " + rs.getDate(2) + " " + rs.getDate(3))
			.list()).containsExactly(successor + " " + date("-03-02") + " " + date("-04-10"));
		JsonNode targets = ok(get("officer", "/api/v1/inspection-plans/" + plan + "/targets"), 200);
		assertThat(targets.get("items").findValuesAsString("agencyId")).containsExactly(String.valueOf(successor));
		assertThat(targets.get("items").get(0).get("rounds").findValuesAsString("id"))
			.containsExactlyInAnyOrder(String.valueOf(sourceRound), String.valueOf(successorRound));
		assertThat(targets.get("items").get(0).get("inspected").asBoolean())
			.as("the source's completed round inspected the successor")
			.isTrue();
		JsonNode coverage = ok(get("officer", "/api/v1/inspection-plans/" + plan + "/coverage"), 200);
		assertThat(coverage.get("targets").asLong()).isEqualTo(1);
		assertThat(coverage.get("inspected").asLong()).isEqualTo(1);
		assertThat(coverage.get("notInspected")).isEmpty();
		assertThat(jdbc
			.sql("SELECT agency_id, targets, completed_rounds FROM inspection_agency_year"
					+ " WHERE agency_id IN (:a) AND plan_year = :y")
			.param("a", List.of(source, successor))
			.param("y", year)
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getInt(2) + ":" + rs.getInt(3))
			.list()).as("one plan targets the successor; one round completed").containsExactly(successor + ":1:1");

		// the successor's officer takes over the rounds and actions; the source's no
		// longer
		// sees them
		JsonNode round = ok(get("officer", "/api/v1/inspection-rounds/" + sourceRound), 200);
		assertThat(round.get("findings").get(0).get("vulnerabilityFindingIds")).hasSize(1);
		assertThat(ok(get("officer", "/api/v1/inspection-actions?agency=" + successor), 200).get("items")
			.findValuesAsString("id"))
			.containsExactlyInAnyOrder(String.valueOf(sourceAction), String.valueOf(successorAction));
		status(get("officer2", "/api/v1/inspection-rounds/" + sourceRound), 404);
		status(get("officer2", "/api/v1/inspection-plans/" + plan), 404);
		for (String table : List.of("inspection_target", "inspection_agency_year", "inspection_round",
				"inspection_finding", "inspection_finding_link", "inspection_action", "inspection_action_event")) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE agency_id = :a")
				.param("a", source)
				.query(Long.class)
				.single()).as(table).isZero();
		}
		// the police still inspect; the merged body's own plan is its successor's
		assertThat(inspector(plan)).isEqualTo(f.agency("CAT"));
		assertThat(inspector(ownPlan)).isEqualTo(successor);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'INSPECTIONS_MOVED' AND entity_id = :id")
			.param("id", String.valueOf(source))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDemoProvinceShowsThisYearsPlanWithInspectedAndWaitingTargetsAndAnOverdueAction() throws Exception {
		List<Long> demo = jdbc
			.sql("SELECT id FROM inspection_plan WHERE created_by LIKE '%demo-data' AND kind = 'PERIODIC'"
					+ " AND plan_year = :y")
			.param("y", year)
			.query(Long.class)
			.list();
		assertThat(demo).as("the demo's periodic plan").hasSize(1);
		long plan = demo.get(0);
		JsonNode coverage = ok(get("police", "/api/v1/inspection-plans/" + plan + "/coverage"), 200);
		assertThat(coverage.get("targets").asLong()).isBetween(6L, 10L);
		assertThat(coverage.get("inspected").asLong()).as("some targets inspected already").isPositive();
		assertThat(coverage.get("notInspected")).as("and some still waiting").isNotEmpty();
		assertThat(jdbc.sql("""
				SELECT DISTINCT f.kind FROM inspection_finding f JOIN inspection_round r ON r.id = f.round_id
				WHERE r.plan_id = :p ORDER BY f.kind""").param("p", plan).query(String.class).list())
			.containsExactly("SHORTCOMING", "VIOLATION", "VULNERABILITY");
		assertThat(jdbc.sql("""
				SELECT DISTINCT a.status FROM inspection_action a JOIN inspection_round r ON r.id = a.round_id
				WHERE r.plan_id = :p ORDER BY a.status""").param("p", plan).query(String.class).list())
			.containsExactly("DONE", "OPEN", "VERIFIED");
		// the police verified, as the inspecting body
		assertThat(jdbc.sql("""
				SELECT DISTINCT e.actor FROM inspection_action_event e JOIN inspection_action a ON a.id = e.action_id
				JOIN inspection_round r ON r.id = a.round_id WHERE r.plan_id = :p AND e.to_status = 'VERIFIED'""")
			.param("p", plan)
			.query(String.class)
			.list()).containsExactly("police");
		List<Boolean> overdue = new ArrayList<>();
		for (Long round : jdbc.sql("SELECT id FROM inspection_round WHERE plan_id = :p")
			.param("p", plan)
			.query(Long.class)
			.list()) {
			ok(get("police", "/api/v1/inspection-rounds/" + round), 200).findValues("overdue")
				.forEach(o -> overdue.add(o.asBoolean()));
		}
		if (java.time.LocalDate.now(vn.khien.platform.Formats.ZONE).getDayOfYear() > 5) {
			assertThat(overdue).as("one of the demo's actions is overdue").containsOnlyOnce(true);
		}
		else {
			// in the year's first days no deadline can fall before this year's rounds
			assertThat(overdue).doesNotContain(true);
		}
	}

	@Test
	void garbageIsRefusedAndWritesNothing() throws Exception {
		var f = new AccessFixtures(context);
		var x = new InspectionFixtures(context);
		long unit = f.unit("SYT").id();
		long elsewhere = f.unit("SGDDT").id();
		long draft = x.draft(year, unit);
		long plan = x.plan(year, unit);
		long round = x.started(plan, unit);
		long finding = x.finding(round);
		long action = x.action(finding);
		long foreignFinding = vulnerabilityFinding(elsewhere);
		long foreignSystem = systems().system(
				jdbc.sql("SELECT code FROM agency WHERE id = :id").param("id", elsewhere).query(String.class).single(),
				false)
			.id();
		long cat = f.agency("CAT");
		Map<String, Long> before = counts();

		String plans = "/api/v1/inspection-plans";
		List<Object[]> refusals = new ArrayList<>();
		// plans
		refusals.add(new Object[] { plans, "{\"year\": 2026, \"kind\": ", 400 });
		refusals.add(new Object[] { plans, "null", 400 });
		refusals.add(new Object[] { plans,
				f.json("year", year, "kind", "yearly", "title", "t", "inspectingAgencyId", cat), 400 });
		refusals.add(new Object[] { plans, f.json("year", year, "kind", "periodic", "inspectingAgencyId", cat), 400 });
		refusals.add(new Object[] { plans, f.json("year", year, "kind", "periodic", "title", "t"), 400 });
		refusals.add(new Object[] { plans,
				f.json("year", 1900, "kind", "periodic", "title", "t", "inspectingAgencyId", cat), 400 });
		refusals.add(new Object[] { plans,
				f.json("year", "twenty", "kind", "periodic", "title", "t", "inspectingAgencyId", cat), 400 });
		refusals.add(new Object[] { plans,
				f.json("year", year, "kind", "periodic", "title", "t", "inspectingAgencyId", 987654321L), 400 });
		refusals.add(
				new Object[] {
						plans, f.json("year", year, "kind", "periodic", "title", "t", "inspectingAgencyId", cat,
								"targets", List.of(Map.of("agencyId", unit, "plannedFrom", (year + 1) + "-01-05"))),
						400 });
		refusals.add(new Object[] { plans, f.json("year", year, "kind", "periodic", "title", "t", "inspectingAgencyId",
				cat, "targets", List.of(Map.of("agencyId", unit, "plannedFrom", year + "-02-30"))), 400 });
		refusals.add(new Object[] { plans,
				f.json("year", year, "kind", "periodic", "title", "t", "inspectingAgencyId", cat, "targets", List
					.of(Map.of("agencyId", unit, "plannedFrom", year + "-05-05", "plannedTo", year + "-05-01"))),
				400 });
		refusals.add(
				new Object[] {
						plans, f.json("year", year, "kind", "periodic", "title", "t", "inspectingAgencyId", cat,
								"targets", List.of(Map.of("agencyId", 987654321L, "plannedFrom", year + "-05-05"))),
						400 });
		refusals.add(new Object[] { plans, f.json("year", year, "kind", "periodic", "title", "t", "inspectingAgencyId",
				cat, "targets", List.of(target(unit, "-03-02"), target(unit, "-04-02"))), 400 });
		refusals.add(new Object[] { plans,
				f.json("year", year, "kind", "periodic", "title", "x".repeat(301), "inspectingAgencyId", cat), 400 });
		// targets and plan transitions
		refusals.add(new Object[] { plans + "/" + draft + "/targets",
				f.json("agencyId", elsewhere, "plannedFrom", "soon"), 400 });
		refusals.add(new Object[] { plans + "/" + draft + "/targets", f.json("plannedFrom", year + "-03-02"), 400 });
		refusals.add(new Object[] { plans + "/" + draft + "/targets",
				f.json("agencyId", unit, "plannedFrom", year + "-03-02"), 409 });
		refusals.add(new Object[] { plans + "/" + plan + "/targets",
				f.json("agencyId", elsewhere, "plannedFrom", year + "-03-02"), 409 });
		refusals.add(new Object[] { plans + "/987654321/targets",
				f.json("agencyId", elsewhere, "plannedFrom", year + "-03-02"), 404 });
		refusals.add(new Object[] { plans + "/" + draft + "/transitions", "{\"to\":\"finished\"}", 400 });
		refusals.add(new Object[] { plans + "/" + draft + "/transitions", "{}", 400 });
		refusals.add(new Object[] { plans + "/" + draft + "/transitions", "{\"to\":\"closed\"}", 409 });
		refusals.add(new Object[] { plans + "/" + plan + "/transitions", "{\"to\":\"closed\"}", 409 });
		refusals.add(new Object[] { plans + "/987654321/transitions", "{\"to\":\"approved\"}", 404 });
		// rounds
		refusals.add(new Object[] { plans + "/" + plan + "/rounds", round(elsewhere), 400 });
		refusals.add(new Object[] { plans + "/" + plan + "/rounds", f.json("agencyId", unit, "startsOn",
				(year - 1) + "-12-30", "endsOn", year + "-01-02", "inspectors", "A"), 400 });
		refusals.add(new Object[] { plans + "/" + plan + "/rounds",
				f.json("agencyId", unit, "startsOn", year + "-04-08", "endsOn", year + "-04-06", "inspectors", "A"),
				400 });
		refusals.add(new Object[] { plans + "/" + plan + "/rounds",
				f.json("agencyId", unit, "startsOn", year + "-04-06", "endsOn", year + "-04-08"), 400 });
		refusals.add(new Object[] { plans + "/" + plan + "/rounds", "[1,2]", 400 });
		refusals.add(new Object[] { plans + "/" + draft + "/rounds", round(unit), 409 });
		refusals.add(new Object[] { "/api/v1/inspection-rounds/" + round + "/transitions", "{\"to\":\"done\"}", 400 });
		refusals
			.add(new Object[] { "/api/v1/inspection-rounds/" + round + "/transitions", "{\"to\":\"planned\"}", 409 });
		refusals.add(new Object[] { "/api/v1/inspection-rounds/987654321/transitions", "{\"to\":\"completed\"}", 404 });
		// findings
		String findings = "/api/v1/inspection-rounds/" + round + "/findings";
		refusals.add(new Object[] { findings, f.json("kind", "bug", "title", "t", "severity", "high"), 400 });
		refusals.add(new Object[] { findings, f.json("kind", "violation", "title", "t", "severity", "extreme"), 400 });
		refusals.add(new Object[] { findings, f.json("kind", "violation", "severity", "high"), 400 });
		refusals.add(new Object[] { findings, f.json("kind", "violation", "title", "t"), 400 });
		refusals.add(new Object[] { findings,
				f.json("kind", "violation", "title", "t", "severity", "high", "systemId", foreignSystem), 400 });
		refusals.add(new Object[] { findings, f.json("kind", "vulnerability", "title", "t", "severity", "high",
				"vulnerabilityFindingIds", List.of(foreignFinding)), 400 });
		refusals.add(new Object[] { findings, f.json("kind", "vulnerability", "title", "t", "severity", "high",
				"vulnerabilityFindingIds", List.of(987654321L)), 400 });
		refusals.add(new Object[] { findings, f.json("kind", "violation", "title", "t", "severity", "high",
				"vulnerabilityFindingIds", List.of(vulnerabilityFinding(unit))), 400 });
		refusals.add(new Object[] { findings, "{\"kind\": \"violation\", \"title\": [", 400 });
		refusals.add(new Object[] { "/api/v1/inspection-rounds/987654321/findings",
				f.json("kind", "violation", "title", "t", "severity", "high"), 404 });
		// actions
		String actions = "/api/v1/inspection-findings/" + finding + "/actions";
		refusals.add(new Object[] { actions, f.json("title", "t", "owner", "o", "dueOn", "2020-01-01"), 400 });
		refusals.add(new Object[] { actions, f.json("title", "t", "owner", "o", "dueOn", (year + 9) + "-01-01"), 400 });
		refusals.add(new Object[] { actions, f.json("title", "t", "dueOn", year + "-06-01"), 400 });
		refusals.add(new Object[] { actions, f.json("title", "t", "owner", "o", "dueOn", "01/06/2026"), 400 });
		refusals.add(new Object[] { "/api/v1/inspection-findings/987654321/actions",
				f.json("title", "t", "owner", "o", "dueOn", year + "-06-01"), 404 });
		refusals
			.add(new Object[] { "/api/v1/inspection-actions/" + action + "/transitions", "{\"to\":\"fixed\"}", 400 });
		refusals.add(new Object[] { "/api/v1/inspection-actions/" + action + "/transitions",
				"{\"to\":\"reopened\",\"note\":\"x\"}", 409 });
		refusals.add(new Object[] { "/api/v1/inspection-actions/987654321/transitions", "{\"to\":\"verified\"}", 404 });
		for (Object[] r : refusals) {
			var result = post("police", (String) r[0], (String) r[1]);
			assertThat(result.getResponse().getStatus()).as("POST %s %s", r[0], r[1]).isEqualTo((int) r[2]);
			assertThat(result.getResponse().getContentType()).as("POST %s %s", r[0], r[1])
				.isEqualTo("application/problem+json");
		}
		// the agency's report: a note is required, and the transition is checked before
		// any file is kept
		status(post("officer", "/api/v1/inspection-actions/" + action + "/transitions", "{\"to\":\"done\"}"), 400);
		status(mvc.post()
			.uri("/api/v1/inspection-actions/" + action + "/reports")
			.header("Authorization", logins.bearer("officer"))
			.multipart()
			.file(new MockMultipartFile("file", "x.txt", "text/plain", new byte[] { 1 }))
			.exchange(), 400);
		// lists
		for (String uri : List.of(plans + "?status=open", plans + "?kind=yearly", plans + "?sort=title",
				plans + "?size=501", plans + "?year=abc", "/api/v1/inspection-actions?status=closed",
				"/api/v1/inspection-actions?sort=owner", plans + "/" + plan + "/targets?size=0",
				plans + "/" + plan + "/coverage?page=-1")) {
			assertThat(get("police", uri).getResponse().getStatus()).as(uri).isEqualTo(400);
		}
		// pages keep what was typed and say what is wrong next to the field
		String form = mvc.post()
			.uri("/inspection-plans")
			.with(logins.session("police"))
			.with(csrf())
			.param("year", String.valueOf(year))
			.param("kind", "periodic")
			.param("title", "")
			.param("inspectingAgencyId", String.valueOf(cat))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("id=\"plan-form\"").contains("is-invalid").contains("title");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void theRoundPageOffersEachCallerTheFormsTheyMayUseAndSaysWhatWasWrong() throws Exception {
		var f = new AccessFixtures(context);
		var x = new InspectionFixtures(context);
		long unit = f.unit("SYT").id();
		long plan = x.plan(year, unit);
		long round = x.started(plan, unit);
		long finding = x.finding(round);
		long open = x.action(finding);
		long done = x.done(finding);
		String reportForm = "/inspection-actions/" + open + "/reports";
		String verifyForm = "/inspection-actions/" + done + "/transitions";
		assertThat(html("officer", "/inspection-rounds/" + round)).contains(reportForm)
			.doesNotContain(verifyForm)
			.doesNotContain("id=\"finding-form\"");
		assertThat(html("police", "/inspection-rounds/" + round)).contains(verifyForm)
			.doesNotContain(reportForm)
			.contains("id=\"finding-form\"");
		assertThat(html("operator", "/inspection-rounds/" + round)).as("another body's operator does not verify")
			.doesNotContain(verifyForm)
			.contains(reportForm);
		assertThat(html("leader", "/inspection-rounds/" + round)).doesNotContain(reportForm)
			.doesNotContain(verifyForm)
			.doesNotContain("id=\"finding-form\"");

		// a refused form comes back with its message next to the field and what was typed
		var session = logins.session("police");
		var refused = mvc.post()
			.uri("/inspection-findings/" + finding + "/actions")
			.with(session)
			.with(csrf())
			.param("title", "Lập quy chế")
			.param("owner", "Văn phòng")
			.param("dueOn", "2020-01-01")
			.exchange();
		assertThat(refused).hasStatus3xxRedirection();
		String page = mvc.get()
			.uri("/inspection-rounds/" + round)
			.with(session)
			.flashAttrs(refused.getMvcResult().getFlashMap())
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String form = page.substring(page.indexOf("/inspection-findings/" + finding + "/actions"));
		assertThat(form).contains("value=\"Lập quy chế\"").contains("is-invalid");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_action WHERE finding_id = :f")
			.param("f", finding)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	// --- helpers

	private java.time.LocalDate date(String monthDay) {
		return java.time.LocalDate.parse(year + monthDay);
	}

	private long inspector(long plan) {
		return jdbc.sql("SELECT inspecting_agency_id FROM inspection_plan WHERE id = :id")
			.param("id", plan)
			.query(Long.class)
			.single();
	}

	private SystemFixtures systems() {
		return new SystemFixtures(FixturePrincipal.wrap(context.getBean(SystemManagement.class)),
				FixturePrincipal.wrap(context.getBean(Systems.class)),
				FixturePrincipal.wrap(context.getBean(Agencies.class)));
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("inspection_plan", "inspection_target", "inspection_round", "inspection_finding",
				"inspection_finding_link", "inspection_action", "inspection_action_event", "inspection_agency_year",
				"stored_file")) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		// NB: sign-ins and token use are audited too; what matters here is the module's
		// entries
		counts.put("audit",
				jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type LIKE 'inspection%'")
					.query(Long.class)
					.single());
		counts.put("targets",
				jdbc.sql("SELECT COALESCE(SUM(targets), 0) FROM inspection_agency_year").query(Long.class).single());
		return counts;
	}

	private List<String> audited(String type, long id) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = :t AND entity_id = :id ORDER BY seq")
			.param("t", type)
			.param("id", String.valueOf(id))
			.query(String.class)
			.list();
	}

	/** Every agency of the caller's coverage view that no plan of the year targets. */
	private List<Long> untargeted(String user, long plan) throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode c = ok(get(user, "/api/v1/inspection-plans/" + plan + "/coverage?size=500&page=" + page), 200);
			JsonNode items = c.get("untargeted").get("items");
			items.forEach(i -> ids.add(i.get("agencyId").asLong()));
			if (items.size() < 500) {
				return ids;
			}
		}
	}

	/**
	 * A finding of the vulnerability module at the agency, written as an import would
	 * leave it.
	 */
	private long vulnerabilityFinding(long agency) {
		String fingerprint = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO finding (agency_id, owner_key, fingerprint, scanner, title, title_key, severity, host_label,
				  status, is_open, priority, first_seen_at, last_seen_at, last_scan_id, status_at)
				VALUES (:agency, :owner, :fp, 'Khiên', 'Log4Shell', 'log4shell', 0, 'portal', 'NEW', TRUE, 500000,
				  :now, :now, 0, :now)""")
			.param("agency", agency)
			.param("owner", "g:" + agency)
			.param("fp", fingerprint)
			.param("now", now)
			.update();
		vn.khien.vulnerability.FindingFixtures.recountTally(jdbc, agency);
		return jdbc.sql("SELECT id FROM finding WHERE fingerprint = :fp")
			.param("fp", fingerprint)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> target(long agency, String monthDay) {
		return Map.of("agencyId", agency, "plannedFrom", year + monthDay);
	}

	private String round(long agency) {
		return "{\"agencyId\":" + agency + ",\"startsOn\":\"" + year + "-03-02\",\"endsOn\":\"" + year
				+ "-03-04\",\"inspectors\":\"Đại úy Nguyễn Văn An, police\"}";
	}

	private String finding(long vulnerability, long system) {
		return "{\"kind\":\"vulnerability\",\"title\":\"Cổng thông tin chưa vá Log4Shell\",\"severity\":\"critical\","
				+ "\"systemId\":" + system + ",\"vulnerabilityFindingIds\":[" + vulnerability + "]}";
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
