package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.FigureLinksTests;
import vn.khien.KhienTest;
import vn.khien.SignedIn;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * The assessment page as an officer works it: the requirements grouped as the pack groups
 * them, an answer and an evidence file sent through its forms, the expired evidence
 * marked, the score; the list links to it and the menu to the list.
 */
@KhienTest
class AssessmentPageTests {

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
	void anOfficerAnswersAndUploadsEvidenceThroughTheAssessmentPage() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		long system = f.system(unit, 3).id();
		SignedIn session = logins.session("officer");

		MvcTestResult started = mvc.post()
			.uri("/assessments")
			.with(session)
			.with(csrf())
			.param("systemId", String.valueOf(system))
			.param("kind", "self")
			.exchange();
		assertThat(started).hasStatus(HttpStatus.FOUND);
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).matches("/assessments/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		List<Assessment.Requirement> requirements = f.requirements(id);
		String first = requirements.get(0).requirementId();

		MvcTestResult answered = mvc.post()
			.uri("/assessments/" + id + "/answers")
			.with(session)
			.with(csrf())
			.param("requirementId", first)
			.param("answer", "partly_met")
			.param("note", "Đã có dự thảo")
			.param("owner", "Phòng CNTT")
			.param("due", AssessmentFixtures.today().plusDays(45).toString())
			.exchange();
		assertThat(answered).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT answer FROM assessment_answer WHERE assessment_id = :id AND requirement_id = :r")
			.param("id", id)
			.param("r", first)
			.query(String.class)
			.single()).isEqualTo("PARTLY_MET");
		MvcTestResult uploaded = mvc.post()
			.uri("/assessments/" + id + "/evidence")
			.with(session)
			.with(csrf())
			.multipart()
			.file(AssessmentCalls.pdf("bien-ban.pdf", "Biên bản kiểm tra"))
			.param("requirementId", first)
			.param("title", "Biên bản kiểm tra 2025")
			.param("effectiveOn", AssessmentFixtures.today().minusYears(1).toString())
			.param("expiresOn", AssessmentFixtures.today().minusDays(2).toString())
			.exchange();
		assertThat(uploaded).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE assessment_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		Document page = Jsoup.parse(api.body(mvc.get().uri("/assessments/" + id).with(session).exchange()));
		List<String> groups = page.select("h2[id^=group-]").eachAttr("id");
		assertThat(groups)
			.containsExactlyElementsOf(requirements.stream().map(r -> "group-" + r.groupId()).distinct().toList());
		assertThat(page.select("tr[data-requirement-id]").eachAttr("data-requirement-id"))
			.containsExactlyElementsOf(requirements.stream().map(Assessment.Requirement::requirementId).toList());
		var row = page.selectFirst("tr#req-" + first);
		assertThat(row.select(".answer-partly_met")).hasSize(1);
		assertThat(row.select(".evidence-expired")).as("the expired evidence is shown as such").hasSize(1);
		assertThat(row.select("a[href$=/download]").attr("href")).startsWith("/assessments/" + id + "/evidence/");
		assertThat(page.select("#assessment-score [data-plain]").first().text()).as("one requirement partly met")
			.isEqualTo("50%");
		assertThat(page.select("form.answer-form")).hasSize(requirements.size());
		assertThat(page.select("#assessment-complete")).hasSize(1);
		assertThat(FigureLinksTests.unlinked(page)).isEmpty();

		Document list = Jsoup.parse(api.body(mvc.get().uri("/assessments?system=" + system).with(session).exchange()));
		assertThat(list.select("#assessment-table a[href=/assessments/" + id + "]")).isNotEmpty();
		assertThat(FigureLinksTests.unlinked(list)).isEmpty();
		String csv = api.body(mvc.get().uri("/assessments/export.csv?system=" + system).with(session).exchange());
		assertThat(csv).startsWith("\uFEFF").contains("Ngày đánh giá").contains(String.valueOf(id));
		assertThat(mvc.get().uri("/assessments/export.csv?status=bogus").with(session))
			.as("an edited address is refused before the download")
			.hasStatus(HttpStatus.BAD_REQUEST);
		Document home = Jsoup.parse(api.body(mvc.get().uri("/").with(session).exchange()));
		assertThat(home.select("a[href=/assessments]")).as("the compliance menu").isNotEmpty();

		Document leader = Jsoup
			.parse(api.body(mvc.get().uri("/assessments/" + id).with(logins.session("leader")).exchange()));
		assertThat(leader.select("form.answer-form")).as("read-only for leadership").isEmpty();
		assertThat(leader.select("#assessment-evidence-form")).isEmpty();
	}

}
