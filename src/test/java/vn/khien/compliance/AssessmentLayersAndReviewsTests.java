package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.FigureLinksTests;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.inventory.InformationSystem;
import vn.khien.registry.Agency;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;

/**
 * The four-layer view of a system follows the facts Khiên holds (staff of the owner
 * agency, the system's monitoring, independent assessments and engagements, the recorded
 * national connection), and critical systems are reviewed at each stage of their life
 * (R3.3) with their documents; out of scope both are 404.
 */
@KhienTest
class AssessmentLayersAndReviewsTests {

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
	void theFourLayersOfASystemFollowTheFacts() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		InformationSystem system = f.system(unit, 3);
		InformationSystem other = f.system(unit, 1);
		String uri = "/api/v1/protection-layers/" + system.id();
		// the roll-up: the unit's two systems, none with a layer yet
		assertThat(rollup(api, "officer", unit.id())).isEqualTo(List.of(2L, 0L, 0L, 0L, 0L, 0L));
		assertThat(rollup(api, "officer2", unit.id())).as("another department's officer").isNull();

		JsonNode bare = api.read(api.get("officer", uri));
		assertThat(bare.at("/onSite/state").asString()).isEqualTo("not_met");
		assertThat(bare.at("/monitoring/state").asString()).isEqualTo("not_met");
		assertThat(bare.at("/independentAssessment/state").asString()).isEqualTo("not_met");
		assertThat(bare.at("/nationalConnection/state").asString()).isEqualTo("not_recorded");
		assertThat(bare.get("met").asInt()).isZero();

		FixturePrincipal.wrap(context.getBean(SecurityStaffing.class))
			.add(unit.id(), new SecurityStaff.Details("Nguyễn Văn An", "Chuyên viên", null, null, null, null));
		Organisation provider = f.organisation(OrganisationKind.SECURITY_PROVIDER);
		f.monitoredBy(system, provider.id());
		Organisation assessorOrg = f.organisation(OrganisationKind.ASSESSOR);
		String assessor = f.assessorOf(assessorOrg);
		f.engagement(system.id(), assessorOrg.id());
		JsonNode engaged = api.read(api.get("officer", uri));
		assertThat(engaged.at("/onSite/state").asString()).isEqualTo("met");
		assertThat(engaged.at("/onSite/securityStaff").asInt()).isEqualTo(1);
		assertThat(engaged.at("/monitoring/state").asString()).isEqualTo("met");
		assertThat(engaged.at("/monitoring/organisation").asString()).isEqualTo(provider.name());
		assertThat(engaged.at("/independentAssessment/state").asString()).as("engaged, not yet assessed")
			.isEqualTo("engaged");
		// the staff stand for both systems of the unit, the monitoring and engagement for
		// one
		assertThat(rollup(api, "police", unit.id())).isEqualTo(List.of(2L, 2L, 1L, 0L, 1L, 0L));

		JsonNode draft = api.read(api.post(assessor, "/api/v1/assessments", api.json("systemId", system.id())));
		long id = draft.at("/assessment/id").asLong();
		draft.get("groups")
			.forEach(g -> g.get("requirements")
				.forEach(r -> api.put(assessor, "/api/v1/assessments/" + id + "/answers/" + r.get("id").asString(),
						"{\"answer\":\"met\"}")));
		assertThat(api.post(assessor, "/api/v1/assessments/" + id + "/complete", "{}")).hasStatusOk();

		bad(api.put("officer", uri + "/national-connection", "{}"));
		bad(api.put("officer", uri + "/national-connection", "{\"connected\":\"maybe\"}"));
		bad(api.put("officer", uri + "/national-connection", "{\"connected\":"));
		assertThat(api.put("police", uri + "/national-connection", "{\"connected\":true}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult recorded = api.put("officer", uri + "/national-connection",
				"{\"connected\":true,\"note\":\"Kết nối từ 01/10/2026\"}");
		assertThat(recorded).hasStatusOk();
		JsonNode all = api.read(recorded);
		assertThat(rollup(api, "leader", unit.id())).isEqualTo(List.of(2L, 2L, 1L, 1L, 0L, 1L));
		JsonNode summary = api.read(api.get("police", "/api/v1/protection-layers/summary"));
		assertThat(summary.at("/province/systems").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(summary.at("/province/national").asLong()).isPositive();
		Document rollupPage = Jsoup
			.parse(api.body(mvc.get().uri("/protection").with(logins.session("officer")).exchange()));
		assertThat(rollupPage.select("#protection-rollup tr[data-agency-id=" + unit.id() + "] td").eachText())
			.containsExactly("2", "2 (100%)", "1 (50%)", "1 (50%)", "1 (50%)");
		assertThat(all.at("/independentAssessment/state").asString()).isEqualTo("met");
		assertThat(all.at("/independentAssessment/assessmentId").asLong()).isEqualTo(id);
		assertThat(all.at("/independentAssessment/organisation").asString()).isEqualTo(assessorOrg.name());
		assertThat(all.at("/nationalConnection/state").asString()).isEqualTo("met");
		assertThat(all.at("/nationalConnection/recordedBy").asString()).isEqualTo("officer");
		assertThat(all.get("met").asInt()).isEqualTo(4);
		assertThat(api.read(api.put("operator", uri + "/national-connection", "{\"connected\":false}"))
			.at("/nationalConnection/state")
			.asString()).isEqualTo("not_met");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NATIONAL_CONNECTION_RECORDED'"
					+ " AND entity_id = :id")
			.param("id", String.valueOf(system.id()))
			.query(Long.class)
			.single()).isEqualTo(2);

		assertThat(api.get("officer2", uri)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.put("officer2", uri + "/national-connection", "{\"connected\":true}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		JsonNode list = api.read(api.get("officer", "/api/v1/protection-layers?size=500&agency=" + unit.id()));
		assertThat(list.get("items").findValuesAsString("systemCode")).containsExactly(system.code(), other.code());

		Document page = Jsoup.parse(api
			.body(mvc.get().uri("/protection/systems/" + system.id()).with(logins.session("officer")).exchange()));
		assertThat(page.select("#protection-layers .layer-met")).hasSize(3);
		assertThat(page.select("#layer-national .layer-not_met")).hasSize(1);
		assertThat(page.select("#national-form")).hasSize(1);
		assertThat(page.select("#reviews")).as("not a critical system").isEmpty();
		assertThat(FigureLinksTests.unlinked(page)).isEmpty();
		Document listPage = Jsoup.parse(
				api.body(mvc.get().uri("/protection?agency=" + unit.id()).with(logins.session("officer")).exchange()));
		assertThat(listPage.select("#protection-table tr[data-system-id]").eachAttr("data-system-id"))
			.containsExactlyInAnyOrder(String.valueOf(system.id()), String.valueOf(other.id()));
		assertThat(FigureLinksTests.unlinked(listPage)).isEmpty();
	}

	@Test
	void aCriticalSystemIsReviewedAtEachStageOfItsLifeWithItsDocuments() {
		var f = new AssessmentFixtures(context);
		var api = new AssessmentCalls(mvc, logins, json);
		Agency unit = f.unit("SYT");
		InformationSystem ordinary = f.system(unit, 2);
		InformationSystem critical = f.critical(unit, 3);
		String yesterday = AssessmentFixtures.today().minusDays(1).toString();

		MvcTestResult notCritical = api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", ordinary.id(), "stage", "design", "result", "passed", "reviewer", "Hội đồng"));
		bad(notCritical);
		assertThat(api.read(notCritical).get("code").asString()).isEqualTo("review.notCritical");
		bad(api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "testing", "result", "passed", "reviewer", "Hội đồng")));
		bad(api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "design", "result", "ok", "reviewer", "Hội đồng")));
		bad(api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "design", "result", "passed")));
		bad(api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "design", "result", "passed", "reviewer", "Hội đồng",
						"reviewedOn", AssessmentFixtures.today().plusDays(1).toString())));
		bad(api.post("officer", "/api/v1/lifecycle-reviews", "{\"systemId\":"));
		assertThat(reviews(critical.id())).isZero();

		MvcTestResult design = api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "design", "result", "passed_with_conditions", "reviewer",
						"Hội đồng thẩm định thiết kế", "reviewedOn", yesterday, "findings", "Bổ sung phân vùng DMZ"));
		assertThat(design).hasStatus(HttpStatus.CREATED);
		assertThat(api.post("operator", "/api/v1/lifecycle-reviews", api.json("systemId", critical.id(), "stage",
				"build", "result", "failed", "reviewer", "Sở KH&CN", "reviewedOn", yesterday)))
			.hasStatus(HttpStatus.CREATED);
		MvcTestResult rebuilt = api.post("officer", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "build", "result", "passed", "reviewer", "Sở KH&CN"));
		assertThat(rebuilt).hasStatus(HttpStatus.CREATED);
		long review = api.read(rebuilt).get("id").asLong();
		assertThat(api.post("leader", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "operation", "result", "passed", "reviewer", "x")))
			.hasStatus(HttpStatus.FORBIDDEN);

		String upload = "/api/v1/lifecycle-reviews/" + review + "/documents";
		MvcTestResult kept = mvc.post()
			.uri(upload)
			.header("Authorization", logins.bearer("officer"))
			.multipart()
			.file(AssessmentCalls.pdf("bien-ban.pdf", "Biên bản nghiệm thu"))
			.exchange();
		assertThat(kept).hasStatus(HttpStatus.CREATED);
		String url = api.read(kept).get("url").asString();
		assertThat(api.body(api.get("police", url))).isEqualTo("%PDF-1.7\nBiên bản nghiệm thu");
		long documents = documents(review);
		for (MockMultipartFile garbage : List.of(AssessmentCalls.file("empty.pdf", "application/pdf", new byte[0]),
				AssessmentCalls.file("tool.exe", "application/x-msdownload", "MZ".getBytes(StandardCharsets.US_ASCII)),
				AssessmentCalls.file("fake.docx", "application/octet-stream",
						"not a zip".getBytes(StandardCharsets.US_ASCII)))) {
			bad(mvc.post()
				.uri(upload)
				.header("Authorization", logins.bearer("officer"))
				.multipart()
				.file(garbage)
				.exchange());
		}
		assertThat(documents(review)).isEqualTo(documents);

		JsonNode list = api.read(api.get("officer", "/api/v1/lifecycle-reviews?system=" + critical.id()));
		assertThat(list.get("items").findValuesAsString("stage")).containsExactly("build", "build", "design");
		assertThat(list.get("items").get(0).get("result").asString()).isEqualTo("passed");
		assertThat(api.read(api.get("officer", "/api/v1/lifecycle-reviews?stage=design&system=" + critical.id()))
			.get("items")).hasSize(1);
		bad(api.get("officer", "/api/v1/lifecycle-reviews?stage=testing"));

		Document page = Jsoup.parse(api
			.body(mvc.get().uri("/protection/systems/" + critical.id()).with(logins.session("officer")).exchange()));
		assertThat(page.select("tr[data-stage=build] .review-passed")).as("the latest review of a stage").hasSize(1);
		assertThat(page.select("tr[data-stage=design] .review-passed_with_conditions")).hasSize(1);
		assertThat(page.select("tr[data-stage=contractor_selection] .review-result")).isEmpty();
		assertThat(page.select("li[data-review-id=" + review + "] a[href$=/download]")).hasSize(1);
		assertThat(page.select("#review-form")).hasSize(1);
		assertThat(FigureLinksTests.unlinked(page)).isEmpty();

		assertThat(api.read(api.get("officer2", "/api/v1/lifecycle-reviews?size=500"))
			.get("items")
			.findValuesAsString("systemCode")).doesNotContain(critical.code());
		assertThat(api.get("officer2", url)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri(upload)
			.header("Authorization", logins.bearer("officer2"))
			.multipart()
			.file(AssessmentCalls.pdf("x.pdf", "x"))
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("officer2", "/api/v1/lifecycle-reviews",
				api.json("systemId", critical.id(), "stage", "operation", "result", "passed", "reviewer", "x")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(reviews(critical.id())).isEqualTo(3);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'lifecycle_review_document'"
					+ " AND entity_id = :id")
			.param("id", api.read(kept).get("id").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long reviews(long systemId) {
		return jdbc.sql("SELECT COUNT(*) FROM lifecycle_review WHERE system_id = :s")
			.param("s", systemId)
			.query(Long.class)
			.single();
	}

	private long documents(long reviewId) {
		return jdbc.sql("SELECT COUNT(*) FROM lifecycle_review_document WHERE review_id = :r")
			.param("r", reviewId)
			.query(Long.class)
			.single();
	}

	/**
	 * The agency's line of the four layers' roll-up as the user reads it: systems,
	 * on-site, monitoring, independent, engaged, national; null when the user does not
	 * see it.
	 */
	private static List<Long> rollup(AssessmentCalls api, String user, long agencyId) {
		JsonNode summary = api.read(api.get(user, "/api/v1/protection-layers/summary"));
		for (JsonNode a : summary.get("agencies")) {
			if (a.get("agencyId").asLong() == agencyId) {
				JsonNode l = a.get("layers");
				return List.of(l.get("systems").asLong(), l.get("onSite").asLong(), l.get("monitoring").asLong(),
						l.get("independent").asLong(), l.get("engaged").asLong(), l.get("national").asLong());
			}
		}
		return null;
	}

	private static void bad(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
	}

}
