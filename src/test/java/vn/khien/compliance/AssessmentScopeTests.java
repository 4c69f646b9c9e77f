package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;
import vn.khien.registry.OrganisationKind;

/**
 * {@code officer2} (education) sees none of {@code officer}'s (health) assessments, their
 * evidence, actions and engagements: absent from every list, and 404 on each, exactly as
 * for records that do not exist; and nothing it sends changes them.
 */
@KhienTest
class AssessmentScopeTests {

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
	void anOfficerOfAnotherAgencySeesNoneOfTheAssessmentsAndGetsNotFound() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		long system = f.system(unit, 1).id();
		JsonNode draft = api.read(api.post("officer", "/api/v1/assessments", api.json("systemId", system)));
		long id = draft.at("/assessment/id").asLong();
		String requirement = draft.at("/groups/0/requirements/0/id").asString();
		long evidence = api.read(api.upload("officer", id, AssessmentCalls.pdf("a.pdf", "x"),
				Map.of("expiresOn", AssessmentFixtures.today().plusDays(30).toString())))
			.get("id")
			.asLong();
		long action = f.action(unit).id();
		long completed = jdbc.sql("SELECT assessment_id FROM assessment_action WHERE id = :id")
			.param("id", action)
			.query(Long.class)
			.single();
		long organisation = f.organisation(OrganisationKind.ASSESSOR).id();
		long engagement = f.engagement(system, organisation).id();
		long audited = audits();

		assertThat(ids(api.read(api.get("officer", "/api/v1/assessments?size=500&agency=" + unit.id())), "id"))
			.as("the owner's officer lists them")
			.contains(id, completed);
		for (String list : List.of("/api/v1/assessments?size=500", "/api/v1/assessments?size=500&system=" + system,
				"/api/v1/assessments?size=500&agency=" + unit.id())) {
			assertThat(ids(api.read(api.get("officer2", list)), "id")).as(list).doesNotContain(id, completed);
		}
		assertThat(ids(api.read(api.get("officer2", "/api/v1/assessment-actions?status=all&size=500")), "id"))
			.doesNotContain(action);
		assertThat(ids(api.read(api.get("officer2", "/api/v1/assessment-engagements?size=500")), "id"))
			.doesNotContain(engagement);
		assertThat(ids(api.read(api.get("officer", "/api/v1/assessment-engagements?size=500&system=" + system)), "id"))
			.containsExactly(engagement);

		assertThat(api.get("officer2", "/api/v1/assessments/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("officer2", "/api/v1/assessments/" + id + "/evidence/" + evidence))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.put("officer2", "/api/v1/assessments/" + id + "/answers/" + requirement, "{\"answer\":\"met\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.upload("officer2", id, AssessmentCalls.pdf("b.pdf", "y"),
				Map.of("expiresOn", AssessmentFixtures.today().plusDays(30).toString())))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("officer2", "/api/v1/assessments/" + id + "/complete", "{}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("officer2", "/api/v1/assessment-actions/" + action + "/transitions", "{\"to\":\"done\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("officer2", "/api/v1/assessments", api.json("systemId", system)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("officer2", "/api/v1/assessment-engagements",
				api.json("systemId", system, "organisationId", organisation, "startsOn",
						AssessmentFixtures.today().toString(), "endsOn", AssessmentFixtures.today().toString())))
			.hasStatus(HttpStatus.NOT_FOUND);
		// the same answers as for an id that does not exist
		assertThat(api.get("officer2", "/api/v1/assessments/999999999")).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(mvc.get().uri("/assessments/" + id).with(logins.session("officer2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/assessments/" + id + "/evidence/" + evidence + "/download")
			.with(logins.session("officer2"))).hasStatus(HttpStatus.NOT_FOUND);
		String page = api.body(mvc.get().uri("/assessments").with(logins.session("officer2")).exchange());
		assertThat(page).doesNotContain("/assessments/" + id + "\"").doesNotContain("/assessments/" + completed + "\"");

		assertThat(audits()).as("nothing officer2 sent was written").isEqualTo(audited);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id AND answer IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT status FROM assessment_action WHERE id = :id")
			.param("id", action)
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	private long audits() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type LIKE 'assessment%'")
			.query(Long.class)
			.single();
	}

	private static List<Long> ids(JsonNode page, String field) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(i -> ids.add(i.get(field).asLong()));
		return ids;
	}

}
