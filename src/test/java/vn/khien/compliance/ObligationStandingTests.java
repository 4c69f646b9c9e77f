package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.inventory.InformationSystem;
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.registry.Agency;

/**
 * The obligations of the pack as the compliance overview counts them: a system approved
 * at a level a duty covers owes it, and a completed assessment in the period meets the
 * periodic check; what a caller counts is its own scope; a duty without a period in the
 * pack (not yet sourced) or a report is not tracked, never shown as overdue.
 */
@KhienTest
class ObligationStandingTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	List<ObligationRecords> records;

	@Autowired
	RulePacks packs;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Test
	void aCompletedAssessmentMeetsThePeriodicCheckOfItsSystem() {
		var f = new AssessmentFixtures(context);
		// NĐ 85 Art. 20.2.c: yearly for levels 3 and 4
		RulePack.Obligation yearly = obligation("vn-2016-nd85", "inspection-level-3-4");
		ObligationRecords.Standing before = standing(yearly);
		Agency unit = f.unit("SYT");
		InformationSystem level3 = f.system(unit, 3);
		f.system(unit, 1);
		ObligationRecords.Standing owed = standing(yearly);
		assertThat(owed.required()).as("the level-3 system owes it, the level-1 one not")
			.isEqualTo(before.required() + 1);
		assertThat(owed.met()).isEqualTo(before.met());
		Assessment draft = f.draft(level3.id());
		for (Assessment.Requirement r : f.requirements(draft.id())) {
			f.management.answer(draft.id(), r.requirementId(),
					new AssessmentManagement.AnswerInput(Assessment.Answer.MET, null, null, null));
		}
		ObligationRecords.Standing drafted = standing(yearly);
		assertThat(drafted.met()).as("a draft is no assessment yet").isEqualTo(before.met());
		f.management.complete(draft.id(), null);
		ObligationRecords.Standing done = standing(yearly);
		assertThat(done.met()).isEqualTo(before.met() + 1);
		assertThat(done.overdue()).isEqualTo(before.overdue());
	}

	@Test
	void theOverviewCountsEachCallersOwnSystemsAndLeavesWhatItCannotTellUntracked() throws Exception {
		var f = new AssessmentFixtures(context);
		JsonNode policeBefore = obligations("police");
		JsonNode officerBefore = obligations("officer");
		JsonNode otherBefore = obligations("officer2");
		Agency unit = f.unit("SYT");
		f.system(unit, 3);
		JsonNode police = obligations("police");
		// the current pack's six-monthly scan and yearly live drill are tracked
		for (String id : List.of("vulnerability-scan", "live-drill")) {
			assertThat(police.get(id).get("tracked").asBoolean()).as(id).isTrue();
			assertThat(police.get(id).get("required").asLong())
				.isEqualTo(policeBefore.get(id).get("required").asLong() + 1);
			assertThat(police.get(id).get("overdue").asLong())
				.isEqualTo(policeBefore.get(id).get("overdue").asLong() + 1);
			assertThat(obligations("officer").get(id).get("required").asLong()).as("the health department's officer")
				.isEqualTo(officerBefore.get(id).get("required").asLong() + 1);
			assertThat(obligations("officer2").get(id).get("required").asLong()).as("the education department's")
				.isEqualTo(otherBefore.get(id).get("required").asLong());
		}
		// the drills' figures are the totals of the drill coverage list they link to
		JsonNode drill = police.get("live-drill");
		assertThat(drill.get("overdueList").asString()).isEqualTo("/drills/coverage?state=overdue");
		assertThat(call("police", "/api/v1" + drill.get("overdueList").asString()).get("total").asLong())
			.isEqualTo(drill.get("overdue").asLong());
		assertThat(call("police", "/api/v1" + drill.get("metList").asString()).get("total").asLong())
			.isEqualTo(drill.get("met").asLong());
		assertThat(police.get("vulnerability-scan").get("overdueList").isNull()).as("no list of scans owed yet")
			.isTrue();
		assertThat(police.get("vulnerability-scan").get("periodFrom").asString())
			.isEqualTo(AssessmentFixtures.today().minusMonths(6).plusDays(1).toString());
		// Decree 331 sets no period for the periodic inspection yet; reports are not
		// tracked
		for (String id : List.of("inspection-periodic", "report-levels-annual")) {
			assertThat(police.get(id).get("tracked").asBoolean()).as(id).isFalse();
			assertThat(police.get(id).get("overdue").isNull()).as(id).isTrue();
		}
		// another date than today: what applies, not what was done
		JsonNode past = call("police", "/api/v1/compliance/overview?date=2026-09-01");
		for (JsonNode o : past.get("obligations")) {
			assertThat(o.get("tracked").asBoolean()).as(o.get("id").asString()).isFalse();
		}
		String page = mvc.get()
			.uri("/compliance")
			.with(logins.session("police"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"obligation-vulnerability-scan\"")
			.contains("Quá hạn")
			.contains("href=\"/drills/coverage?state=overdue\"");
	}

	private ObligationRecords.Standing standing(RulePack.Obligation obligation) {
		return FixturePrincipal.FIXTURES.call(() -> ObligationRecords.answering(records, obligation)
			.orElseThrow()
			.standing(obligation, AssessmentFixtures.today()));
	}

	private RulePack.Obligation obligation(String pack, String id) {
		return packs.get(pack).obligations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
	}

	/** The overview's obligations by id, as the user reads them today. */
	private JsonNode obligations(String user) throws Exception {
		var byId = json.createObjectNode();
		for (JsonNode o : call(user, "/api/v1/compliance/overview").get("obligations")) {
			byId.set(o.get("id").asString(), o);
		}
		return byId;
	}

	private JsonNode call(String user, String uri) throws Exception {
		MvcTestResult result = mvc.get().uri(uri).header("Authorization", logins.bearer(user)).exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

}
