package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import vn.khien.registry.Agency;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationKind;

/**
 * Independent assessment (R3.4): the owner agency engages an assessor organisation for a
 * system; that organisation's assessors then see and assess that system only, and the
 * owner and the province read the result. An organisation that monitors the same system
 * is refused, as an engagement and as an assessor, with Directive 14's independence rule
 * in the caller's language.
 */
@KhienTest
class AssessmentIndependenceTests {

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
	void anEngagedAssessorOrganisationAssessesTheSystemAndTheOwnerReadsTheResult() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		InformationSystem system = f.system(unit, 1);
		InformationSystem other = f.system(unit, 1);
		Organisation org = f.organisation(OrganisationKind.ASSESSOR);
		String assessor = f.assessorOf(org);
		Organisation stranger = f.organisation(OrganisationKind.ASSESSOR);
		String outsider = f.assessorOf(stranger);
		LocalDate today = AssessmentFixtures.today();

		assertThat(api.post(assessor, "/api/v1/assessments", api.json("systemId", system.id())))
			.as("not engaged yet: the system is none of its business")
			.hasStatus(HttpStatus.NOT_FOUND);
		MvcTestResult engaged = api.post("officer", "/api/v1/assessment-engagements",
				api.json("systemId", system.id(), "organisationId", org.id(), "startsOn",
						today.minusDays(10).toString(), "endsOn", today.plusDays(100).toString(), "note", "HĐ 1/2026"));
		assertThat(engaged).hasStatus(HttpStatus.CREATED);
		assertThat(api.read(engaged).get("organisation").asString()).isEqualTo(org.name());
		assertThat(api.read(engaged).get("current").asBoolean()).isTrue();
		JsonNode seen = api.read(api.get(assessor, "/api/v1/assessment-engagements"));
		assertThat(ids(seen, "systemId")).containsExactly(system.id());
		assertThat(ids(api.read(api.get(outsider, "/api/v1/assessment-engagements")), "systemId")).isEmpty();

		MvcTestResult outside = api.post(assessor, "/api/v1/assessments",
				api.json("systemId", system.id(), "date", today.minusDays(20).toString()));
		assertThat(outside).as("a date outside the engagement").hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(outside).get("code").asString()).isEqualTo("assessment.engagement.notOnDate");
		assertThat(api.post(assessor, "/api/v1/assessments", api.json("systemId", other.id())))
			.as("a system of the same owner it is not engaged for")
			.hasStatus(HttpStatus.NOT_FOUND);
		MvcTestResult created = api.post(assessor, "/api/v1/assessments", api.json("systemId", system.id()));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode draft = api.read(created);
		long id = draft.at("/assessment/id").asLong();
		assertThat(draft.at("/assessment/kind").asString()).isEqualTo("independent");
		assertThat(draft.at("/assessment/organisationId").asLong()).isEqualTo(org.id());
		assertThat(draft.at("/assessment/agencyId").asLong()).isEqualTo(unit.id());

		assertThat(api.get(outsider, "/api/v1/assessments/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.put(outsider, "/api/v1/assessments/" + id + "/answers/x", "{\"answer\":\"met\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		String first = draft.at("/groups/0/requirements/0/id").asString();
		assertThat(api.put("officer", "/api/v1/assessments/" + id + "/answers/" + first, "{\"answer\":\"met\"}"))
			.as("the owner reads the independent assessment but does not answer it")
			.hasStatus(HttpStatus.FORBIDDEN);
		draft.get("groups")
			.forEach(g -> g.get("requirements")
				.forEach(r -> assertThat(api.put(assessor,
						"/api/v1/assessments/" + id + "/answers/" + r.get("id").asString(), "{\"answer\":\"met\"}"))
					.hasStatusOk()));
		MvcTestResult completed = api.post(assessor, "/api/v1/assessments/" + id + "/complete", "{}");
		assertThat(completed).hasStatusOk();
		assertThat(api.read(completed).at("/assessment/score").asDouble()).isEqualTo(1.0);

		JsonNode owner = api.read(api.get("officer", "/api/v1/assessments/" + id));
		assertThat(owner.at("/assessment/status").asString()).isEqualTo("completed");
		assertThat(owner.at("/assessment/organisation").asString()).isEqualTo(org.name());
		assertThat(
				ids(api.read(api.get("operator", "/api/v1/assessments?kind=independent&system=" + system.id())), "id"))
			.containsExactly(id);
		assertThat(api.get("leader", "/api/v1/assessments/" + id)).hasStatusOk();
		assertThat(api.get("officer2", "/api/v1/assessments/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		JsonNode mine = api.read(api.get(assessor, "/api/v1/assessments?size=100"));
		assertThat(ids(mine, "id")).containsExactly(id);
		assertThat(ids(api.read(api.get(outsider, "/api/v1/assessments")), "id")).isEmpty();
		assertThat(api.get(assessor, "/api/v1/systems/" + system.id()))
			.as("the engagement opens the assessment, not the inventory")
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theSystemsMonitoringProviderIsRefusedAsEngagedOrganisationAndAsAssessor() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		LocalDate today = AssessmentFixtures.today();
		Organisation provider = f.organisation(OrganisationKind.SECURITY_PROVIDER);
		InformationSystem monitored = f.monitoredBy(f.system(unit, 1), provider.id());
		String body = api.json("systemId", monitored.id(), "organisationId", provider.id(), "startsOn",
				today.toString(), "endsOn", today.plusDays(30).toString());

		MvcTestResult vi = api.post("officer", "/api/v1/assessment-engagements", body, "vi");
		assertThat(vi).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(vi).get("code").asString()).isEqualTo("assessment.independence.monitoringProvider");
		assertThat(api.read(vi).get("detail").asString()).contains(provider.name())
			.contains(monitored.code())
			.contains("Chỉ thị 14/CT-TTg")
			.contains("1552/BTTTT-CATTT")
			.contains("chưa được xác nhận");
		MvcTestResult en = api.post("operator", "/api/v1/assessment-engagements", body, "en");
		assertThat(en).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(en).get("detail").asString()).contains("Directive 14/CT-TTg")
			.contains("Official Letter 1552/BTTTT-CATTT")
			.contains("independent periodic inspection and assessment");
		assertThat(count("assessment_engagement", monitored.id())).isZero();

		// engaged while another organisation monitored the system, then made its provider
		Organisation later = f.organisation(OrganisationKind.SECURITY_PROVIDER);
		String assessor = f.assessorOf(later);
		InformationSystem system = f.system(unit, 1);
		f.engagement(system.id(), later.id());
		f.monitoredBy(system, later.id());
		MvcTestResult refused = api.post(assessor, "/api/v1/assessments", api.json("systemId", system.id()), "en");
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(refused).get("detail").asString()).contains(later.name()).contains("Directive 14/CT-TTg");
		assertThat(count("assessment", system.id())).isZero();

		// made its provider while its assessment was in progress: not completed
		InformationSystem third = f.system(unit, 1);
		f.engagement(third.id(), later.id());
		MvcTestResult created = api.post(assessor, "/api/v1/assessments", api.json("systemId", third.id()));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode draft = api.read(created);
		long id = draft.at("/assessment/id").asLong();
		draft.get("groups")
			.forEach(g -> g.get("requirements")
				.forEach(r -> api.put(assessor, "/api/v1/assessments/" + id + "/answers/" + r.get("id").asString(),
						"{\"answer\":\"met\"}")));
		f.monitoredBy(third, later.id());
		MvcTestResult late = api.post(assessor, "/api/v1/assessments/" + id + "/complete", "{}", "vi");
		assertThat(late).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.read(late).get("detail").asString()).contains("Chỉ thị 14/CT-TTg");
		assertThat(
				jdbc.sql("SELECT status FROM assessment WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("DRAFT");
	}

	private long count(String table, long systemId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE system_id = :s")
			.param("s", systemId)
			.query(Long.class)
			.single();
	}

	private static List<Long> ids(JsonNode page, String field) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get(field).asLong()));
		return ids;
	}

}
