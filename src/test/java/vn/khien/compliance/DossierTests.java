package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
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
import vn.khien.inventory.DataClassification;
import vn.khien.inventory.Hosting;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.PublicServiceLevel;
import vn.khien.inventory.StateSecretGrade;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.SystemManagement;
import vn.khien.registry.Agency;

/**
 * A security-level dossier from draft to approval: the owner's officer drafts it at the
 * level the current pack proposes for a portal handling administrative procedures, writes
 * and attaches its parts and submits it; the operators (the province's dedicated unit)
 * take it up and appraise it; the leadership (the owner) approves it, and the system
 * shows the approved level. Steps by the wrong role or out of order are refused with
 * nothing changed.
 */
@KhienTest
class DossierTests {

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

	Agency unit;

	InformationSystem portal;

	@BeforeEach
	void setUp() {
		unit = new AccessFixtures(context).unit("SYT");
		SystemManagement management = FixturePrincipal.wrap(context.getBean(SystemManagement.class));
		portal = management
			.create(new SystemManagement.SystemDetails(AccessFixtures.unique("DVC"), "Cổng dịch vụ công thử", unit.id(),
					null, "Giải quyết thủ tục hành chính", 5000, SystemLifecycle.OPERATING, Hosting.OWN_PREMISES, null,
					true, PublicServiceLevel.PARTIAL, DataClassification.INTERNAL, true, 5000, null,
					StateSecretGrade.NONE, false, true, MonitoringKind.NONE, null));
	}

	@Test
	void aDossierGoesFromDraftToApprovedAndTheSystemShowsItsLevel() throws Exception {
		JsonNode draft = call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + "}"), 201);
		long id = draft.get("id").asLong();
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.get("level").asInt()).isEqualTo(3);
		assertThat(draft.get("pack").asString()).isEqualTo("vn-2026-nd331");
		assertThat(draft.get("criterionCitation").asString()).isEqualTo("Điều 13 khoản 2 điểm b, 331/2026/NĐ-CP");
		assertThat(draft.get("parts").findValuesAsString("id")).containsExactly("overview", "design", "justification",
				"protection_plan");
		// a second open dossier for the same system
		call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + "}"), 409);
		// submitting with parts missing names them
		MvcTestResult missing = exchange("officer", transition(id, "{\"to\":\"submitted\"}"));
		assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(missing)).contains("Tài liệu mô tả tổng quan");
		for (String part : new String[] { "overview", "justification", "protection_plan" }) {
			call("officer", put("/api/v1/dossiers/" + id + "/parts/" + part, "{\"content\":\"Nội dung " + part + "\"}"),
					200);
		}
		JsonNode attached = call("officer",
				mvc.post()
					.uri("/api/v1/dossiers/" + id + "/files")
					.multipart()
					.file(new MockMultipartFile("file", "thiet-ke.pdf", "application/pdf",
							"%PDF-1.4 thiết kế".getBytes(StandardCharsets.UTF_8)))
					.param("part", "design"),
				200);
		long designFile = attached.get("parts").get(1).get("fileId").asLong();
		assertThat(jdbc.sql("SELECT kept FROM stored_file WHERE id = :id")
			.param("id", designFile)
			.query(Boolean.class)
			.single()).isTrue();
		// the leadership may not take up an appraisal (the pack names the dedicated unit)
		call("officer", transition(id, "{\"to\":\"submitted\"}"), 200);
		call("leader", transition(id, "{\"to\":\"under_appraisal\"}"), 403);
		call("operator", transition(id, "{\"to\":\"approved\"}"), 409);
		JsonNode taken = call("operator", transition(id, "{\"to\":\"under_appraisal\"}"), 200);
		// 15 working days for level 3 (Nghị định 331/2026/NĐ-CP Điều 23)
		assertThat(taken.get("appraisalDue").asString()).isNotBlank();
		call("operator", transition(id, "{\"to\":\"appraised\",\"note\":\"Đạt yêu cầu\"}"), 200);
		// the operators do not approve a level-3 dossier: the owner does
		call("operator", transition(id, "{\"to\":\"approved\",\"decisionNumber\":\"1/QĐ\",\"decisionDate\":\""
				+ java.time.LocalDate.now() + "\",\"decisionSigner\":\"X\"}"), 403);
		call("leader", transition(id, "{\"to\":\"approved\",\"decisionNumber\":\"\",\"decisionDate\":\"2026-11-30\"}"),
				400);
		assertThat(jdbc.sql("SELECT status FROM dossier WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("APPRAISED");
		JsonNode approved = call("leader",
				transition(id,
						"{\"to\":\"approved\",\"decisionNumber\":\"123/QĐ-UBND\",\"decisionDate\":\""
								+ java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
								+ "\",\"decisionSigner\":\"Chủ tịch UBND tỉnh\"}"),
				200);
		assertThat(approved.get("status").asString()).isEqualTo("approved");
		assertThat(approved.get("steps").findValuesAsString("to")).containsExactly("draft", "submitted",
				"under_appraisal", "appraised", "approved");
		JsonNode system = call("officer", mvc.get().uri("/api/v1/systems/" + portal.id()), 200);
		assertThat(system.get("securityLevelApproved").asInt()).isEqualTo(3);
		// the overview counts it from the read model kept with the system
		JsonNode overview = call("officer", mvc.get().uri("/api/v1/compliance/overview"), 200);
		JsonNode mine = null;
		for (JsonNode a : overview.get("agencies")) {
			if (a.get("agencyId").asLong() == unit.id()) {
				mine = a;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.at("/levels/systems").asLong()).isEqualTo(1);
		assertThat(mine.at("/levels/approved").asLong()).isEqualTo(1);
		assertThat(overview.at("/target/percent").asInt()).isEqualTo(100);
		// the signed decision, attached by the approver
		call("leader",
				mvc.post()
					.uri("/api/v1/dossiers/" + id + "/files")
					.multipart()
					.file(new MockMultipartFile("file", "quyet-dinh.pdf", "application/pdf",
							"%PDF-1.4 QĐ".getBytes(StandardCharsets.UTF_8)))
					.param("part", "decision"),
				200);
		// an approved dossier is not edited
		call("officer", put("/api/v1/dossiers/" + id + "/parts/overview", "{\"content\":\"sửa\"}"), 409);
		// the page shows it
		String page = body(mvc.get().uri("/dossiers/" + id).with(logins.session("officer")).exchange());
		assertThat(page).contains("123/QĐ-UBND").contains("id=\"dossier-history\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'dossier' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(8);
	}

	@Test
	void aDossierIsReturnedWithCommentsAndListedWhenOverdue() throws Exception {
		long id = call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + ",\"level\":2}"), 201)
			.get("id")
			.asLong();
		for (String part : new String[] { "overview", "design", "justification", "protection_plan" }) {
			call("officer", put("/api/v1/dossiers/" + id + "/parts/" + part, "{\"content\":\"x\"}"), 200);
		}
		call("officer", transition(id, "{\"to\":\"submitted\"}"), 200);
		call("operator", transition(id, "{\"to\":\"returned\"}"), 400);
		JsonNode returned = call("operator",
				transition(id, "{\"to\":\"returned\",\"note\":\"Thiếu thuyết minh cấp độ 3\"}"), 200);
		assertThat(returned.get("lastComment").asString()).isEqualTo("Thiếu thuyết minh cấp độ 3");
		call("officer", transition(id, "{\"to\":\"submitted\"}"), 200);
		call("operator", transition(id, "{\"to\":\"under_appraisal\"}"), 200);
		jdbc.sql("UPDATE dossier SET appraisal_due = :d WHERE id = :id")
			.param("d", java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(3)))
			.param("id", id)
			.update();
		JsonNode overdue = call("operator", mvc.get().uri("/api/v1/dossiers?overdue=true&agency=" + unit.id()), 200);
		assertThat(overdue.get("items").findValuesAsString("id")).contains(String.valueOf(id));
		JsonNode notOverdue = call("operator", mvc.get().uri("/api/v1/dossiers?status=draft&agency=" + unit.id()), 200);
		assertThat(notOverdue.get("items").findValuesAsString("id")).doesNotContain(String.valueOf(id));
		String page = body(mvc.get().uri("/compliance").with(logins.session("operator")).exchange());
		assertThat(page).contains("/dossiers/" + id);
	}

	@Test
	void theDatabaseHoldsOneOpenDossierPerSystemAgainstTwoDraftsAtOnce() throws Exception {
		// as if another draft had committed between this one's check and its insert
		jdbc.sql("INSERT INTO dossier_open (system_id, dossier_id) VALUES (:s, -1)").param("s", portal.id()).update();
		call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + "}"), 409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier WHERE system_id = :s")
			.param("s", portal.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherAgencysOfficerSeesNothingAndGarbageIsRefused() throws Exception {
		long id = call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + "}"), 201).get("id")
			.asLong();
		call("officer2", mvc.get().uri("/api/v1/dossiers/" + id), 404);
		call("officer2", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + "}"), 404);
		JsonNode list = call("officer2", mvc.get().uri("/api/v1/dossiers?size=500"), 200);
		assertThat(list.get("items").findValuesAsString("id")).doesNotContain(String.valueOf(id));
		call("assessor", mvc.get().uri("/api/v1/dossiers"), 403);
		call("officer", post("/api/v1/dossiers", "{not json"), 400);
		call("officer", post("/api/v1/dossiers", "{}"), 400);
		call("officer", post("/api/v1/dossiers", "{\"systemId\":\"x\"}"), 400);
		call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + ",\"level\":9}"), 400);
		call("officer", put("/api/v1/dossiers/" + id + "/parts/nope", "{\"content\":\"x\"}"), 400);
		call("officer",
				put("/api/v1/dossiers/" + id + "/parts/overview", "{\"content\":\"" + "x".repeat(20_001) + "\"}"), 400);
		call("officer", transition(id, "{\"to\":\"flying\"}"), 400);
		call("officer", transition(id, "{}"), 400);
		call("officer", transition(id, "{\"to\":\"approved\",\"decisionDate\":\"soon\"}"), 400);
		call("officer", mvc.get().uri("/api/v1/dossiers?status=flying"), 400);
		call("officer",
				mvc.post()
					.uri("/api/v1/dossiers/" + id + "/files")
					.multipart()
					.file(new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[] { 1, 2 }))
					.param("part", "design"),
				400);
		call("officer",
				mvc.post()
					.uri("/api/v1/dossiers/" + id + "/files")
					.multipart()
					.file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
					.param("part", "design"),
				400);
		call("officer", mvc.post().uri("/api/v1/dossiers/" + id + "/files").multipart().param("part", "design"), 400);
		JsonNode after = call("officer", mvc.get().uri("/api/v1/dossiers/" + id), 200);
		assertThat(after.get("status").asString()).isEqualTo("draft");
		assertThat(after.get("parts").findValues("fileId").stream().filter(n -> !n.isNull()).count()).isZero();
		// the page's form answers a garbage step with the message, nothing changed
		assertThat(mvc.post()
			.uri("/dossiers/" + id + "/transitions")
			.with(logins.session("officer"))
			.with(csrf())
			.param("to", "approved")).hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT status FROM dossier WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("DRAFT");
	}

	@Test
	void aDossierFollowsItsAgencyIntoAMerger() throws Exception {
		long id = call("officer", post("/api/v1/dossiers", "{\"systemId\":" + portal.id() + "}"), 201).get("id")
			.asLong();
		Agency successor = new AccessFixtures(context).unit("SYT");
		call("operator",
				post("/api/v1/reorganisations/merge",
						"{\"sourceIds\": [%d], \"successorId\": %d, \"effectiveDate\": \"%s\"}".formatted(unit.id(),
								successor.id(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))),
				201);
		assertThat(call("officer", mvc.get().uri("/api/v1/dossiers/" + id), 200).get("agencyId").asLong())
			.isEqualTo(successor.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier_step WHERE dossier_id = :id AND agency_id <> :a")
			.param("id", id)
			.param("a", successor.id())
			.query(Long.class)
			.single()).isZero();
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder post(String uri,
			String body) {
		return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder put(String uri,
			String body) {
		return mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder transition(long id,
			String body) {
		return post("/api/v1/dossiers/" + id + "/transitions", body);
	}

	private MvcTestResult exchange(String user,
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) {
		request.header("Authorization", logins.bearer(user));
		return mvc.perform(request);
	}

	private JsonNode call(String user,
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, int status)
			throws Exception {
		MvcTestResult result = exchange(user, request);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		byte[] bytes = result.getResponse().getContentAsByteArray();
		return bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
