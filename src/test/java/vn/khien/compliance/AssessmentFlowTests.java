package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.inventory.InformationSystem;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.registry.Agency;

/**
 * An officer self-assesses a level-3 system of a unit of the health department against
 * the level-3 requirements of the pack in force: every requirement answered, evidence
 * uploaded (one of it expired), completed with the score the formula gives and the gaps
 * become remediation actions, the overdue one listed; a completed assessment is not
 * changed, and every step is audited.
 */
@KhienTest
class AssessmentFlowTests {

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

	@Autowired
	RulePacks packs;

	@Test
	void anOfficerSelfAssessesALevelThreeSystemAgainstTheCurrentPacksRequirements() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		InformationSystem system = f.system(unit, 3);
		LocalDate today = AssessmentFixtures.today();
		LocalDate date = today.minusDays(20);
		RulePack pack = packs.requireInForce(date);
		assertThat(pack.id()).as("the assessment's date falls under the current pack")
			.isEqualTo(packs.requireInForce(today).id());
		List<String> expected = pack.requirements(3).stream().map(RulePack.Requirement::id).toList();
		assertThat(expected).hasSizeGreaterThan(4);

		MvcTestResult created = api.post("officer", "/api/v1/assessments",
				api.json("systemId", system.id(), "date", date.toString()));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode draft = api.read(created);
		long id = draft.at("/assessment/id").asLong();
		assertThat(draft.at("/assessment/kind").asString()).isEqualTo("self");
		assertThat(draft.at("/assessment/status").asString()).isEqualTo("draft");
		assertThat(draft.at("/assessment/pack").asString()).isEqualTo(pack.id());
		assertThat(draft.at("/assessment/level").asInt()).isEqualTo(3);
		assertThat(draft.at("/assessment/levelApproved").asBoolean()).isTrue();
		assertThat(draft.at("/assessment/agencyId").asLong()).isEqualTo(unit.id());
		assertThat(draft.at("/assessment/requirements").asInt()).isEqualTo(expected.size());
		assertThat(requirementIds(draft)).as("the pack's level-3 requirements, in its order")
			.containsExactlyElementsOf(expected);
		List<String> groups = new ArrayList<>();
		draft.get("groups").forEach(g -> groups.add(g.get("id").asString()));
		assertThat(groups).as("grouped as the pack groups them")
			.containsExactlyElementsOf(pack.requirements()
				.stream()
				.filter(g -> g.items().stream().anyMatch(r -> r.levels().contains(3)))
				.map(RulePack.RequirementGroup::id)
				.toList());
		assertThat(api.post("officer", "/api/v1/assessments", api.json("systemId", system.id())))
			.as("a second draft of the same system")
			.hasStatus(HttpStatus.CONFLICT);

		String answers = "/api/v1/assessments/" + id + "/answers/";
		String met = expected.get(0);
		String partly = expected.get(1);
		String notMet = expected.get(2);
		String notApplicable = expected.get(3);
		assertThat(api.put("officer", answers + met, "{\"answer\":\"met\",\"note\":\"Quy chế số 12\"}")).hasStatusOk();
		assertThat(api.put("officer", answers + partly,
				api.json("answer", "partly_met", "owner", "Phòng CNTT", "due", today.plusDays(3).toString())))
			.hasStatusOk();
		// a gap without its owner and deadline cannot be completed yet
		assertThat(api.put("officer", answers + notMet, "{\"answer\":\"not_met\",\"note\":\"Chưa có WAF\"}"))
			.hasStatusOk();
		assertThat(api.put("officer", answers + notApplicable,
				"{\"answer\":\"not_applicable\",\"note\":\"Không dùng điện toán đám mây\"}"))
			.hasStatusOk();
		JsonNode partial = api.read(api.get("leader", "/api/v1/assessments/" + id));
		assertThat(partial.at("/assessment/answered").asInt()).isEqualTo(4);
		assertThat(partial.at("/assessment/score").asDouble()).isCloseTo((1 + 0.5) / 3, within(1e-9));

		MvcTestResult early = api.post("officer", "/api/v1/assessments/" + id + "/complete", "{}");
		assertThat(early).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(early).get("code").asString()).isEqualTo("assessment.unanswered");
		for (String requirement : expected.subList(4, expected.size())) {
			assertThat(api.put("officer", answers + requirement, "{\"answer\":\"met\"}")).hasStatusOk();
		}
		MvcTestResult noOwner = api.post("officer", "/api/v1/assessments/" + id + "/complete", "{}");
		assertThat(noOwner).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(noOwner).get("code").asString()).isEqualTo("assessment.gap.incomplete");
		assertThat(api.read(noOwner).get("detail").asString()).contains(notMet);
		assertThat(api.put("officer", answers + notMet, api.json("answer", "not_met", "note", "Chưa có WAF", "owner",
				"Trung tâm CNTT", "due", today.minusDays(1).toString())))
			.hasStatusOk();

		MvcTestResult evidence = api.upload("officer", id, AssessmentCalls.pdf("quy-che.pdf", "Quy chế"),
				Map.of("requirementId", met, "title", "Quy chế bảo đảm an ninh mạng", "effectiveOn", date.toString(),
						"expiresOn", today.plusYears(1).toString()));
		assertThat(evidence).hasStatus(HttpStatus.CREATED);
		JsonNode kept = api.read(evidence);
		assertThat(kept.get("expired").asBoolean()).isFalse();
		assertThat(kept.get("contentType").asString()).isEqualTo("application/pdf");
		MvcTestResult old = api.upload("officer", id, AssessmentCalls.pdf("bien-ban-2025.pdf", "Biên bản"),
				Map.of("effectiveOn", today.minusYears(1).toString(), "expiresOn", today.minusDays(1).toString()));
		assertThat(old).hasStatus(HttpStatus.CREATED);
		assertThat(api.read(old).get("expired").asBoolean()).as("an evidence past its expiry").isTrue();
		MvcTestResult download = api.get("operator", kept.get("url").asString());
		assertThat(download).hasStatusOk();
		assertThat(api.body(download)).isEqualTo("%PDF-1.7\nQuy chế");
		assertThat(jdbc
			.sql("SELECT sha256 FROM stored_file WHERE id = (SELECT file_id FROM assessment_evidence"
					+ " WHERE id = :id)")
			.param("id", kept.get("id").asLong())
			.query(String.class)
			.single()).as("kept as received in the file store").isEqualTo(kept.get("sha256").asString());
		assertThat(jdbc
			.sql("SELECT kept FROM stored_file WHERE id = (SELECT file_id FROM assessment_evidence WHERE id = :id)")
			.param("id", kept.get("id").asLong())
			.query(Boolean.class)
			.single()).as("kept whatever the upload retention").isTrue();

		MvcTestResult completed = api.post("officer", "/api/v1/assessments/" + id + "/complete",
				"{\"summary\":\"Cần khắc phục 2 yêu cầu.\"}");
		assertThat(completed).hasStatusOk();
		JsonNode done = api.read(completed);
		int n = expected.size();
		int metCount = n - 3;
		assertThat(done.at("/assessment/status").asString()).isEqualTo("completed");
		assertThat(done.at("/assessment/met").asInt()).isEqualTo(metCount);
		assertThat(done.at("/assessment/partlyMet").asInt()).isEqualTo(1);
		assertThat(done.at("/assessment/notMet").asInt()).isEqualTo(1);
		assertThat(done.at("/assessment/notApplicable").asInt()).isEqualTo(1);
		assertThat(done.at("/assessment/score").asDouble()).as("(met + 0.5 × partly) / (answered − not applicable)")
			.isCloseTo((metCount + 0.5) / (n - 1), within(1e-9));
		assertThat(done.get("evidence")).as("the evidence for the whole assessment").hasSize(1);
		assertThat(done.get("evidence").get(0).get("expired").asBoolean()).isTrue();
		JsonNode actions = done.get("actions");
		assertThat(actions).hasSize(2);
		assertThat(actions.get(0).get("requirementId").asString()).as("the earliest deadline first").isEqualTo(notMet);
		assertThat(actions.get(0).get("gap").asString()).isEqualTo("not_met");
		assertThat(actions.get(0).get("owner").asString()).isEqualTo("Trung tâm CNTT");
		assertThat(actions.get(0).get("overdue").asBoolean()).isTrue();
		assertThat(actions.get(1).get("requirementId").asString()).isEqualTo(partly);
		assertThat(actions.get(1).get("gap").asString()).isEqualTo("partly_met");
		assertThat(actions.get(1).get("dueOn").asString()).isEqualTo(today.plusDays(3).toString());
		assertThat(actions.get(1).get("overdue").asBoolean()).isFalse();

		JsonNode overdue = api
			.read(api.get("officer", "/api/v1/assessment-actions?overdue=true&system=" + system.id()));
		assertThat(overdue.get("items")).hasSize(1);
		assertThat(overdue.get("items").get(0).get("requirementId").asString()).isEqualTo(notMet);

		// a completed assessment is not changed: a new one is made
		assertThat(api.put("officer", answers + met, "{\"answer\":\"not_met\"}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.upload("officer", id, AssessmentCalls.pdf("late.pdf", "x"),
				Map.of("expiresOn", today.plusDays(10).toString())))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.post("officer", "/api/v1/assessments/" + id + "/complete", "{}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(jdbc.sql("SELECT answer FROM assessment_answer WHERE assessment_id = :id AND requirement_id = :r")
			.param("id", id)
			.param("r", met)
			.query(String.class)
			.single()).isEqualTo("MET");

		Document home = Jsoup.parse(api.body(mvc.get().uri("/").with(logins.session("officer")).exchange()));
		assertThat(Long.parseLong(home.select("a.home-card[href=/assessment-actions?overdue=true] .display-6")
			.text()
			.replaceAll("\\D", ""))).as("the home page's overdue remediation").isPositive();
		assertThat(home.select("#home-due a[href=/assessments/" + id + "#actions]").text()).as("due this week")
			.contains(system.code());
		long action = actions.get(0).get("id").asLong();
		MvcTestResult moved = api.post("officer", "/api/v1/assessment-actions/" + action + "/transitions",
				"{\"to\":\"done\",\"note\":\"Đã triển khai WAF\"}");
		assertThat(moved).hasStatusOk();
		assertThat(api.read(moved).get("status").asString()).isEqualTo("done");
		assertThat(api.read(api.get("officer", "/api/v1/assessment-actions?overdue=true&system=" + system.id()))
			.get("items")).isEmpty();
		assertThat(api.post("officer", "/api/v1/assessment-actions/" + action + "/transitions", "{\"to\":\"done\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.post("police", "/api/v1/assessment-actions/" + action + "/transitions", "{\"to\":\"open\"}"))
			.as("remediation is the owner's")
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(audited("assessment", id)).contains("CREATE", "ASSESSMENT_ANSWERED", "ASSESSMENT_COMPLETED");
		assertThat(audited("assessment_evidence", kept.get("id").asLong()))
			.containsExactly("ASSESSMENT_EVIDENCE_ADDED");
		assertThat(audited("assessment_action", action)).containsExactly("STATUS");
		assertThat(api.post("officer", "/api/v1/assessments", api.json("systemId", system.id())))
			.as("once completed, a new assessment can be started")
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aSystemIsAssessedAtItsProposedLevelUntilOneIsApprovedAndRefusedWithoutAny() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		InformationSystem none = f.systemFixtures.system(unit.code(), false);
		MvcTestResult refused = api.post("officer", "/api/v1/assessments", api.json("systemId", none.id()), "en");
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(refused).get("code").asString()).isEqualTo("assessment.level.none");
		assertThat(api.read(refused).get("detail").asString()).contains(none.code()).contains("security level");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE system_id = :s")
			.param("s", none.id())
			.query(Long.class)
			.single()).isZero();

		f.systems.setSecurityLevel(none.id(), 2, null);
		MvcTestResult proposed = api.post("officer", "/api/v1/assessments", api.json("systemId", none.id()));
		assertThat(proposed).hasStatus(HttpStatus.CREATED);
		JsonNode draft = api.read(proposed);
		assertThat(draft.at("/assessment/level").asInt()).isEqualTo(2);
		assertThat(draft.at("/assessment/levelApproved").asBoolean()).isFalse();
		assertThat(draft.at("/assessment/requirements").asInt())
			.isEqualTo(packs.requireInForce(AssessmentFixtures.today()).requirements(2).size());
	}

	private static List<String> requirementIds(JsonNode detail) {
		List<String> ids = new ArrayList<>();
		detail.get("groups").forEach(g -> g.get("requirements").forEach(r -> ids.add(r.get("id").asString())));
		return ids;
	}

	private List<String> audited(String type, long id) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = :t AND entity_id = :id ORDER BY seq")
			.param("t", type)
			.param("id", String.valueOf(id))
			.query(String.class)
			.list();
	}

}
