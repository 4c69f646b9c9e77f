package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;
import vn.khien.registry.OrganisationKind;

/**
 * Garbage to every endpoint that takes input is refused with a 400 (a record that does
 * not exist, a 404) in the caller's language, and nothing is written: no assessment, no
 * answer, no evidence, no stored file, no engagement, no audit entry.
 */
@KhienTest
class AssessmentGarbageTests {

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
	void garbageIsRefusedAndNothingIsWritten() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		long system = f.system(unit, 1).id();
		long fresh = f.system(unit, 1).id();
		var draft = f.draft(system);
		long id = draft.id();
		String requirement = f.requirements(id).get(0).requirementId();
		long action = f.action(unit).id();
		long telecom = f.organisation(OrganisationKind.TELECOM_PROVIDER).id();
		long assessor = f.organisation(OrganisationKind.ASSESSOR).id();
		String today = AssessmentFixtures.today().toString();
		long before = written(unit.id());

		// starting an assessment
		bad(api.post("officer", "/api/v1/assessments", "{\"systemId\":"));
		bad(api.post("officer", "/api/v1/assessments", "[1, 2"));
		bad(api.post("officer", "/api/v1/assessments", "{\"systemId\":\"abc\"}"));
		bad(api.post("officer", "/api/v1/assessments", "{}"));
		bad(api.post("officer", "/api/v1/assessments", api.json("systemId", fresh, "kind", "outsourced")));
		bad(api.post("officer", "/api/v1/assessments", api.json("systemId", fresh, "kind", "independent")));
		bad(api.post("officer", "/api/v1/assessments", api.json("systemId", fresh, "date", "2026-02-30")));
		bad(api.post("officer", "/api/v1/assessments",
				api.json("systemId", fresh, "date", AssessmentFixtures.today().plusDays(1).toString())));
		bad(api.post("officer", "/api/v1/assessments", api.json("systemId", fresh, "date", "2001-01-01")));
		assertThat(api.post("officer", "/api/v1/assessments", api.json("systemId", 999_999_999L)))
			.hasStatus(HttpStatus.NOT_FOUND);

		// answers
		String answer = "/api/v1/assessments/" + id + "/answers/";
		bad(api.put("officer", answer + requirement, "{\"answer\":"));
		bad(api.put("officer", answer + requirement, "{\"answer\":\"maybe\"}"));
		bad(api.put("officer", answer + requirement, "{\"answer\":\"MET; DROP TABLE assessment\"}"));
		bad(api.put("officer", answer + requirement, "{}"));
		bad(api.put("officer", answer + requirement, "{\"answer\":\"not_applicable\"}"));
		bad(api.put("officer", answer + requirement, "{\"answer\":\"met\",\"note\":\"" + "x".repeat(4001) + "\"}"));
		bad(api.put("officer", answer + requirement, "{\"answer\":\"not_met\",\"due\":\"2001-01-01\"}"));
		bad(api.put("officer", answer + requirement, "{\"answer\":\"not_met\",\"due\":\"someday\"}"));
		MvcTestResult unknown = api.put("officer", answer + "net-quantum-firewall", "{\"answer\":\"met\"}");
		bad(unknown);
		assertThat(api.read(unknown).get("code").asString()).isEqualTo("assessment.requirement.unknown");
		bad(api.put("officer", "/api/v1/assessments/abc/answers/" + requirement, "{\"answer\":\"met\"}"));
		assertThat(api.put("officer", "/api/v1/assessments/999999999/answers/" + requirement, "{\"answer\":\"met\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);

		// evidence
		Map<String, String> valid = Map.of("expiresOn", AssessmentFixtures.today().plusDays(30).toString());
		MvcTestResult empty = api.upload("officer", id,
				AssessmentCalls.file("empty.pdf", "application/pdf", new byte[0]), valid);
		bad(empty);
		assertThat(api.read(empty).get("code").asString()).isEqualTo("upload.empty");
		byte[] huge = new byte[21 * 1024 * 1024];
		System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 5);
		MvcTestResult oversized = api.upload("officer", id, AssessmentCalls.file("huge.pdf", "application/pdf", huge),
				valid);
		bad(oversized);
		assertThat(api.read(oversized).get("code").asString()).isEqualTo("upload.tooLarge");
		bad(api.upload("officer", id,
				AssessmentCalls.file("setup.exe", "application/x-msdownload", new byte[] { 'M', 'Z', 0, 0 }), valid));
		bad(api.upload("officer", id,
				AssessmentCalls.file("report.pdf", "application/pdf", new byte[] { 'M', 'Z', 1, 2, 3 }), valid));
		bad(api.upload("officer", id, AssessmentCalls.file("notes.txt", "text/plain", new byte[] { 'a', 0, 'b' }),
				valid));
		bad(api.upload("officer", id,
				AssessmentCalls.file("report.pdf", "application/x-sh", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)),
				valid));
		bad(api.upload("officer", id, AssessmentCalls.pdf("a.pdf", "x"), Map.of()));
		bad(api.upload("officer", id, AssessmentCalls.pdf("a.pdf", "x"), Map.of("expiresOn", "31/12/2027")));
		bad(api.upload("officer", id, AssessmentCalls.pdf("a.pdf", "x"),
				Map.of("effectiveOn", today, "expiresOn", AssessmentFixtures.today().minusDays(1).toString())));
		bad(api.upload("officer", id, AssessmentCalls.pdf("a.pdf", "x"),
				Map.of("requirementId", "nope", "expiresOn", AssessmentFixtures.today().plusDays(30).toString())));
		bad(mvc.post()
			.uri("/api/v1/assessments/" + id + "/evidence")
			.header("Authorization", logins.bearer("officer"))
			.multipart()
			.param("expiresOn", today)
			.exchange());

		// completing
		bad(api.post("officer", "/api/v1/assessments/" + id + "/complete", "{\"summary\":"));
		bad(api.post("officer", "/api/v1/assessments/" + id + "/complete", "{}"));

		// lists
		bad(api.get("officer", "/api/v1/assessments?status=archived"));
		bad(api.get("officer", "/api/v1/assessments?kind=outsourced"));
		bad(api.get("officer", "/api/v1/assessments?system=abc"));
		bad(api.get("officer", "/api/v1/assessments?sort=score"));
		bad(api.get("officer", "/api/v1/assessments?size=1000"));
		bad(api.get("officer", "/api/v1/assessment-actions?status=pending"));
		bad(api.get("officer", "/api/v1/assessment-actions?overdue=perhaps"));
		bad(api.get("officer", "/api/v1/assessment-engagements?organisation=x"));

		// actions
		String move = "/api/v1/assessment-actions/" + action + "/transitions";
		bad(api.post("officer", move, "{\"to\":"));
		bad(api.post("officer", move, "{\"to\":\"finished\"}"));
		bad(api.post("officer", move, "{}"));
		bad(api.post("officer", move, "{\"to\":\"done\",\"note\":\"" + "x".repeat(2001) + "\"}"));
		assertThat(api.post("officer", "/api/v1/assessment-actions/999999999/transitions", "{\"to\":\"done\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);

		// engagements
		String engage = "/api/v1/assessment-engagements";
		bad(api.post("officer", engage, "{\"systemId\":"));
		bad(api.post("officer", engage, "{}"));
		bad(api.post("officer", engage, api.json("systemId", system, "organisationId", assessor)));
		bad(api.post("officer", engage,
				api.json("systemId", system, "organisationId", 999_999_999L, "startsOn", today, "endsOn", today)));
		bad(api.post("officer", engage,
				api.json("systemId", system, "organisationId", telecom, "startsOn", today, "endsOn", today)));
		bad(api.post("officer", engage, api.json("systemId", system, "organisationId", assessor, "startsOn", today,
				"endsOn", AssessmentFixtures.today().minusDays(1).toString())));
		bad(api.post("officer", engage, api.json("systemId", system, "organisationId", assessor, "startsOn", today,
				"endsOn", AssessmentFixtures.today().plusYears(6).toString())));
		bad(api.post("officer", engage,
				api.json("systemId", system, "organisationId", assessor, "startsOn", "tomorrow", "endsOn", today)));
		assertThat(api.post("officer", engage,
				api.json("systemId", 999_999_999L, "organisationId", assessor, "startsOn", today, "endsOn", today)))
			.hasStatus(HttpStatus.NOT_FOUND);

		assertThat(written(unit.id())).as("rows and audit entries of the unit's assessments").isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id AND answer IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT status FROM assessment_action WHERE id = :id")
			.param("id", action)
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void pagesSayWhatIsWrongNextToNothingWritten() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		long id = f.draft(f.system(unit, 1).id()).id();
		long before = written(unit.id());
		var session = logins.session("officer");
		MvcTestResult answer = mvc.post()
			.uri("/assessments/" + id + "/answers")
			.with(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("requirementId", "nope")
			.param("answer", "met")
			.exchange();
		assertThat(answer).hasStatus(HttpStatus.FOUND);
		MvcTestResult shown = mvc.get()
			.uri(answer.getResponse().getRedirectedUrl().replaceFirst("#.*", ""))
			.with(session)
			.flashAttrs(answer.getMvcResult().getFlashMap())
			.exchange();
		assertThat(api.body(shown)).contains("id=\"assessment-error\"").contains("nope");
		MvcTestResult file = mvc.post()
			.uri("/assessments/" + id + "/evidence")
			.with(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.multipart()
			.file(AssessmentCalls.file("virus.exe", "application/octet-stream", new byte[] { 'M', 'Z' }))
			.param("expiresOn", AssessmentFixtures.today().plusDays(3).toString())
			.exchange();
		assertThat(file).hasStatus(HttpStatus.FOUND);
		assertThat(file.getMvcResult().getFlashMap().get("error")).asString().contains("pdf");
		assertThat(written(unit.id())).isEqualTo(before);
	}

	private static void bad(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
	}

	/**
	 * Everything the unit's assessments wrote: assessments, answers given, evidence and
	 * the files kept for it, actions, engagements, and the audit entries of all of them.
	 */
	private long written(long agencyId) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM assessment WHERE agency_id = :a)
				  + (SELECT COUNT(*) FROM assessment_answer x JOIN assessment a ON a.id = x.assessment_id
				     WHERE a.agency_id = :a AND x.answer IS NOT NULL)
				  + (SELECT COUNT(*) FROM assessment_evidence x JOIN assessment a ON a.id = x.assessment_id
				     WHERE a.agency_id = :a)
				  + (SELECT COUNT(*) FROM stored_file WHERE agency_id = :a)
				  + (SELECT COUNT(*) FROM assessment_action WHERE agency_id = :a AND status = 'OPEN')
				  + (SELECT COUNT(*) FROM assessment_engagement WHERE agency_id = :a)
				  + (SELECT COUNT(*) FROM audit_entry WHERE entity_type LIKE 'assessment%')""")
			.param("a", agencyId)
			.query(Long.class)
			.single();
	}

}
