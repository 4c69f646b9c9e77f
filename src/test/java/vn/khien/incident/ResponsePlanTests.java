package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

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
 * A response plan's life: the owner's officer drafts the plan of a portal with its
 * scenarios, approves it, edits it into version 2 while version 1 stays readable and in
 * force; the plan turns stale when the portal changes after the review and is current
 * again after a new one; playbooks come in order from the approved version; another
 * agency's officer sees nothing; garbage is refused with nothing changed.
 */
@KhienTest
class ResponsePlanTests {

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

	SystemManagement management;

	InformationSystem portal;

	@BeforeEach
	void setUp() {
		unit = new AccessFixtures(context).unit("SYT");
		management = FixturePrincipal.wrap(context.getBean(SystemManagement.class));
		portal = management.create(details(AccessFixtures.unique("CTT"), "Cổng thông tin thử"));
	}

	private SystemManagement.SystemDetails details(String code, String name) {
		return new SystemManagement.SystemDetails(code, name, unit.id(), null, "Thông tin của Sở", 500,
				SystemLifecycle.OPERATING, Hosting.OWN_PREMISES, null, true, PublicServiceLevel.NONE,
				DataClassification.PUBLIC, false, null, null, StateSecretGrade.NONE, false, true, MonitoringKind.NONE,
				null);
	}

	static String plan(Long systemId, String title, String scenarios) {
		return "{" + (systemId == null ? "" : "\"systemId\":" + systemId + ",") + "\"title\":\"" + title
				+ "\",\"scenarios\":[" + scenarios + "]}";
	}

	static final String DEFACEMENT = """
			{"id":"defacement","title":"Thay đổi giao diện","tasks":[
			 {"phase":"detection","title":"Xác nhận trang bị thay đổi","description":"So với bản sao lưu"},
			 {"phase":"containment","title":"Tạm dừng trang"},
			 {"phase":"containment","title":"Khôi phục từ bản sao lưu"},
			 {"phase":"post_incident","title":"Báo cáo sự cố"}]}""";

	static final String DDOS = """
			{"id":"DDoS","title":"Từ chối dịch vụ","tasks":[
			 {"phase":"containment","title":"Đề nghị nhà mạng lọc lưu lượng"},
			 {"phase":"detection","title":"Xác nhận lưu lượng bất thường"},
			 {"phase":"post_incident","title":"Rút kinh nghiệm"}]}""";

	@Test
	void aPlanIsDraftedApprovedAndEditedIntoASecondVersionWhileTheFirstStaysReadable() throws Exception {
		JsonNode draft = call("officer", post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT)),
				201);
		long id = draft.get("id").asLong();
		assertThat(draft.get("version").asInt()).isEqualTo(1);
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.get("agencyId").asLong()).isEqualTo(unit.id());
		assertThat(draft.get("stale").asBoolean()).isFalse();
		assertThat(draft.at("/scenarios/0/tasks").findValuesAsString("title")).containsExactly(
				"Xác nhận trang bị thay đổi", "Tạm dừng trang", "Khôi phục từ bản sao lưu", "Báo cáo sự cố");
		// a second plan for the same system
		call("officer", post("/api/v1/response-plans", plan(portal.id(), "Khác", DEFACEMENT)), 409);
		// no case takes a playbook from a draft
		call("officer", mvc.get().uri("/api/v1/response-plans/" + id + "/playbook?scenario=defacement"), 409);
		// a draft is written over, still version 1
		JsonNode rewritten = call("officer",
				put("/api/v1/response-plans/" + id, plan(null, "Phương án ứng cứu CTT", DEFACEMENT + "," + DDOS)), 200);
		assertThat(rewritten.get("version").asInt()).isEqualTo(1);
		assertThat(rewritten.get("scenarios").findValuesAsString("id")).containsExactly("defacement", "ddos");
		JsonNode approved = call("officer", mvc.post().uri("/api/v1/response-plans/" + id + "/approve"), 200);
		assertThat(approved.get("status").asString()).isEqualTo("approved");
		assertThat(approved.get("approvedVersion").asInt()).isEqualTo(1);
		assertThat(approved.get("reviewedBy").asString()).isEqualTo("officer");
		// an edit after approval makes version 2, a draft; version 1 stays in force
		JsonNode second = call("officer", put("/api/v1/response-plans/" + id,
				"{\"version\":1,\"title\":\"Phương án CTT 2027\",\"scenarios\":[" + DDOS + "]}"), 200);
		assertThat(second.get("version").asInt()).isEqualTo(2);
		assertThat(second.get("status").asString()).isEqualTo("draft");
		assertThat(second.get("approvedVersion").asInt()).isEqualTo(1);
		assertThat(second.get("versions").findValuesAsString("version")).containsExactly("2", "1");
		// an edit from version 1 made elsewhere meanwhile
		call("officer",
				put("/api/v1/response-plans/" + id, "{\"version\":1,\"title\":\"X\",\"scenarios\":[" + DDOS + "]}"),
				409);
		JsonNode first = call("leader", mvc.get().uri("/api/v1/response-plans/" + id + "/versions/1"), 200);
		assertThat(first.get("title").asString()).isEqualTo("Phương án ứng cứu CTT");
		assertThat(first.get("status").asString()).isEqualTo("approved");
		assertThat(first.get("scenarios").findValuesAsString("id")).containsExactly("defacement", "ddos");
		List<String> inForce = call("responder",
				mvc.get().uri("/api/v1/response-plans/" + id + "/playbook?scenario=defacement"), 200)
			.findValuesAsString("title");
		assertThat(inForce).hasSize(4);
		JsonNode v2 = call("operator", mvc.post().uri("/api/v1/response-plans/" + id + "/approve"), 200);
		assertThat(v2.get("approvedVersion").asInt()).isEqualTo(2);
		// version 2 has no defacement scenario: the playbook follows the approved version
		call("officer", mvc.get().uri("/api/v1/response-plans/" + id + "/playbook?scenario=defacement"), 404);
		assertThat(call("officer", mvc.get().uri("/api/v1/response-plans/" + id + "/versions/1"), 200).get("title")
			.asString()).isEqualTo("Phương án ứng cứu CTT");
		// the pages show the plan, its older version and its versions
		String page = body(mvc.get().uri("/response-plans/" + id).with(logins.session("officer")).exchange());
		assertThat(page).contains("Phương án CTT 2027")
			.contains("id=\"plan-versions\"")
			.contains("/response-plans/" + id + "/versions/1");
		String older = body(
				mvc.get().uri("/response-plans/" + id + "/versions/1").with(logins.session("officer")).exchange());
		assertThat(older).contains("id=\"plan-older\"").contains("Khôi phục từ bản sao lưu");
		assertThat(jdbc
			.sql("SELECT action FROM audit_entry WHERE entity_type = 'response_plan' AND entity_id = :id ORDER BY seq")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("RESPONSE_PLAN_CREATED", "RESPONSE_PLAN_UPDATED", "RESPONSE_PLAN_APPROVED",
					"RESPONSE_PLAN_UPDATED", "RESPONSE_PLAN_APPROVED");
	}

	@Test
	void aPlanIsStaleWhenItsSystemChangesAfterTheReviewAndCurrentAfterANewOne() throws Exception {
		long id = call("officer", post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT)), 201)
			.get("id")
			.asLong();
		// a draft never reviewed is not stale, whatever the system does
		management.update(portal.id(), details(portal.code(), "Cổng thông tin thử (đổi tên)"));
		assertThat(call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200).get("stale").asBoolean())
			.isFalse();
		call("officer", mvc.post().uri("/api/v1/response-plans/" + id + "/approve"), 200);
		assertThat(call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200).get("stale").asBoolean())
			.isFalse();
		assertThat(staleIds("?stale=false&agency=" + unit.id())).contains(String.valueOf(id));
		Thread.sleep(5);
		management.update(portal.id(), details(portal.code(), "Cổng thông tin thử (chuyển lên đám mây)"));
		JsonNode stale = call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200);
		assertThat(stale.get("stale").asBoolean()).isTrue();
		assertThat(staleIds("?stale=true&agency=" + unit.id())).contains(String.valueOf(id));
		assertThat(staleIds("?stale=false&agency=" + unit.id())).doesNotContain(String.valueOf(id));
		String list = body(mvc.get().uri("/response-plans?stale=true").with(logins.session("officer")).exchange());
		assertThat(list).contains("/response-plans/" + id + "\"").contains("plan-stale");
		String page = body(mvc.get().uri("/response-plans/" + id).with(logins.session("officer")).exchange());
		assertThat(page).contains("id=\"plan-stale\"");
		// the review confirms the approved version: no new version, no longer stale
		JsonNode reviewed = call("officer", mvc.post().uri("/api/v1/response-plans/" + id + "/approve"), 200);
		assertThat(reviewed.get("stale").asBoolean()).isFalse();
		assertThat(reviewed.get("version").asInt()).isEqualTo(1);
		assertThat(reviewed.get("latestVersion").asInt()).isEqualTo(1);
		assertThat(staleIds("?stale=true&agency=" + unit.id())).doesNotContain(String.valueOf(id));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'response_plan' AND entity_id = :id"
					+ " AND action = 'RESPONSE_PLAN_REVIEWED'")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPlaybookGivesTheScenariosTasksInTheirOrder() throws Exception {
		long id = call("officer",
				post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT + "," + DDOS)), 201)
			.get("id")
			.asLong();
		call("officer", mvc.post().uri("/api/v1/response-plans/" + id + "/approve"), 200);
		JsonNode playbook = call("officer", mvc.get().uri("/api/v1/response-plans/" + id + "/playbook?scenario=ddos"),
				200);
		assertThat(playbook.findValuesAsString("position")).containsExactly("1", "2", "3");
		assertThat(playbook.findValuesAsString("title")).containsExactly("Đề nghị nhà mạng lọc lưu lượng",
				"Xác nhận lưu lượng bất thường", "Rút kinh nghiệm");
		assertThat(playbook.findValuesAsString("phase")).containsExactly("containment", "detection", "post_incident");
		// the core's entry point, with the caller's scope
		List<PlaybookTask> tasks = FixturePrincipal.wrap(context.getBean(ResponsePlans.class))
			.playbook(id, "defacement");
		assertThat(tasks).extracting(PlaybookTask::phase)
			.containsExactly(IncidentPhase.DETECTION, IncidentPhase.CONTAINMENT, IncidentPhase.CONTAINMENT,
					IncidentPhase.POST_INCIDENT);
		call("officer", mvc.get().uri("/api/v1/response-plans/" + id + "/playbook?scenario=phishing"), 404);
		call("officer", mvc.get().uri("/api/v1/response-plans/" + id + "/playbook"), 400);
	}

	@Test
	void anotherAgencysOfficerNeitherReadsNorWritesThePlan() throws Exception {
		long id = call("officer", post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT)), 201)
			.get("id")
			.asLong();
		call("officer2", mvc.get().uri("/api/v1/response-plans/" + id), 404);
		call("officer2", mvc.get().uri("/api/v1/response-plans/" + id + "/versions/1"), 404);
		call("officer2", mvc.get().uri("/api/v1/response-plans/" + id + "/playbook?scenario=defacement"), 404);
		call("officer2", put("/api/v1/response-plans/" + id, plan(null, "Của tôi", DDOS)), 404);
		call("officer2", mvc.post().uri("/api/v1/response-plans/" + id + "/approve"), 404);
		call("officer2", post("/api/v1/response-plans", plan(portal.id(), "Của tôi", DDOS)), 404);
		assertThat(call("officer2", mvc.get().uri("/api/v1/response-plans?size=500"), 200).get("items")
			.findValuesAsString("id")).doesNotContain(String.valueOf(id));
		assertThat(mvc.get().uri("/response-plans/" + id).with(logins.session("officer2"))).hasStatus(404);
		assertThat(mvc.get().uri("/response-plans/" + id + "/edit").with(logins.session("officer2"))).hasStatus(404);
		// the police read it, may not write it; the responders may
		call("police", mvc.get().uri("/api/v1/response-plans/" + id), 200);
		call("police", put("/api/v1/response-plans/" + id, plan(null, "X", DDOS)), 403);
		call("assessor", mvc.get().uri("/api/v1/response-plans/" + id), 403);
		call("responder", put("/api/v1/response-plans/" + id, plan(null, "Phương án của đội ứng cứu", DDOS)), 200);
		assertThat(call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200).get("title").asString())
			.isEqualTo("Phương án của đội ứng cứu");
	}

	@Test
	void garbageIsRefusedAndChangesNothing() throws Exception {
		long id = call("officer", post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT)), 201)
			.get("id")
			.asLong();
		String task = "{\"phase\":\"detection\",\"title\":\"Việc\"}";
		String uri = "/api/v1/response-plans/" + id;
		for (String body : new String[] { "{not json", "{}", "{\"title\":\"X\",\"scenarios\":[]}",
				"{\"title\":\"X\",\"scenarios\":[null]}",
				plan(null, "X", "{\"id\":\"a\",\"title\":\"A\",\"tasks\":[{\"phase\":\"flying\",\"title\":\"T\"}]}"),
				plan(null, "X", "{\"id\":\"a\",\"title\":\"A\",\"tasks\":[{\"title\":\"T\"}]}"),
				plan(null, "X", "{\"id\":\"a\",\"title\":\"A\",\"tasks\":[]}"),
				plan(null, "X", "{\"id\":\"a\",\"title\":\"A\"}"),
				plan(null, "X", "{\"id\":\"\",\"title\":\"A\",\"tasks\":[" + task + "]}"),
				plan(null, "X", "{\"id\":\"mã độc\",\"title\":\"A\",\"tasks\":[" + task + "]}"),
				plan(null, "X", "{\"id\":\"a\",\"title\":\"\",\"tasks\":[" + task + "]}"),
				plan(null, "X", "{\"id\":\"a\",\"title\":\"A\",\"tasks\":[{\"phase\":\"detection\",\"title\":\"\"}]}"),
				plan(null, "X",
						"{\"id\":\"a\",\"title\":\"A\",\"tasks\":[" + task
								+ "]},{\"id\":\"A\",\"title\":\"B\",\"tasks\":[" + task + "]}"),
				plan(null, "x".repeat(301), "{\"id\":\"a\",\"title\":\"A\",\"tasks\":[" + task + "]}"),
				plan(null, "X",
						"{\"id\":\"a\",\"title\":\"A\",\"tasks\":[{\"phase\":\"detection\",\"title\":\"T\",\"description\":\""
								+ "x".repeat(4001) + "\"}]}"),
				plan(null, "X", "{\"id\":\"" + "a".repeat(41) + "\",\"title\":\"A\",\"tasks\":[" + task + "]}"),
				"{\"title\":\"X\",\"scenarios\":[{\"id\":\"a\",\"title\":\"A\",\"tasks\":[" + (task + ",").repeat(100)
						+ task + "]}]}",
				"{\"title\":\"X\",\"scenarios\":\"none\"}", "{\"version\":\"two\",\"title\":\"X\"}" }) {
			call("officer", put(uri, body), 400);
		}
		call("officer", post("/api/v1/response-plans", plan(null, "X", DDOS)), 400);
		call("officer", post("/api/v1/response-plans", "{\"systemId\":\"x\"}"), 400);
		call("officer", post("/api/v1/response-plans", plan(999_999_999L, "X", DDOS)), 404);
		call("officer", mvc.get().uri("/api/v1/response-plans/abc"), 400);
		call("officer", mvc.get().uri("/api/v1/response-plans/999999999"), 404);
		call("officer", mvc.get().uri(uri + "/versions/0"), 404);
		call("officer", mvc.get().uri(uri + "/versions/7"), 404);
		call("officer", mvc.get().uri(uri + "/versions/x"), 400);
		call("officer", mvc.get().uri(uri + "/playbook?scenario=" + "z".repeat(500)), 409);
		call("officer", mvc.get().uri("/api/v1/response-plans?stale=maybe"), 400);
		call("officer", mvc.get().uri("/api/v1/response-plans?agency=x"), 400);
		call("officer", mvc.post().uri("/api/v1/response-plans/999999999/approve"), 404);
		JsonNode after = call("officer", mvc.get().uri(uri), 200);
		assertThat(after.get("title").asString()).isEqualTo("Phương án CTT");
		assertThat(after.get("scenarios").findValuesAsString("id")).containsExactly("defacement");
		// the page's form answers garbage with the message next to the rows, keeping what
		// was typed
		MvcTestResult refused = mvc.post()
			.uri("/response-plans/" + id)
			.with(logins.session("officer"))
			.with(csrf())
			.param("title", "Phương án sửa")
			.param("scenarios[0].id", "ransomware")
			.param("scenarios[0].title", "Mã độc tống tiền")
			.param("scenarios[0].tasks[0].phase", "flying")
			.param("scenarios[0].tasks[0].title", "Cô lập máy")
			.exchange();
		assertThat(refused).hasStatus(400);
		assertThat(body(refused)).contains("id=\"plan-form-error\"").contains("Cô lập máy").contains("flying");
		MvcTestResult badOrder = mvc.post()
			.uri("/response-plans/" + id)
			.with(logins.session("officer"))
			.with(csrf())
			.param("title", "Phương án sửa")
			.param("scenarios[0].id", "ransomware")
			.param("scenarios[0].title", "Mã độc tống tiền")
			.param("scenarios[0].tasks[0].phase", "detection")
			.param("scenarios[0].tasks[0].title", "Cô lập máy")
			.param("scenarios[0].tasks[0].order", "first")
			.exchange();
		assertThat(badOrder).hasStatus(400);
		assertThat(call("officer", mvc.get().uri(uri), 200).get("title").asString()).isEqualTo("Phương án CTT");
	}

	@Test
	void thePageFormDraftsAPlanWithItsTasksInTheOrderTheirNumbersSay() throws Exception {
		assertThat(body(
				mvc.get().uri("/response-plans/new?system=" + portal.id()).with(logins.session("officer")).exchange()))
			.contains(portal.code())
			.contains("scenarios[0].tasks[4].title");
		MvcTestResult created = mvc.post()
			.uri("/response-plans")
			.with(logins.session("officer"))
			.with(csrf())
			.param("systemId", String.valueOf(portal.id()))
			.param("title", "Phương án từ biểu mẫu")
			.param("scenarios[0].id", "ransomware")
			.param("scenarios[0].title", "Mã độc tống tiền")
			.param("scenarios[0].tasks[0].phase", "containment")
			.param("scenarios[0].tasks[0].title", "Cô lập máy")
			.param("scenarios[0].tasks[0].order", "2")
			.param("scenarios[0].tasks[1].phase", "detection")
			.param("scenarios[0].tasks[1].title", "Xác định máy bị mã hoá")
			.param("scenarios[0].tasks[1].order", "1")
			.param("scenarios[0].tasks[2].phase", "")
			.param("scenarios[0].tasks[2].title", "")
			.param("scenarios[1].id", "")
			.param("scenarios[1].title", "")
			.param("scenarios[1].tasks[0].title", "")
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/response-plans/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		JsonNode plan = call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200);
		assertThat(plan.get("scenarios")).hasSize(1);
		assertThat(plan.at("/scenarios/0/tasks").findValuesAsString("title")).containsExactly("Xác định máy bị mã hoá",
				"Cô lập máy");
		// the edit form shows what is stored, and a plan already there opens instead of a
		// second
		assertThat(body(mvc.get().uri("/response-plans/" + id + "/edit").with(logins.session("officer")).exchange()))
			.contains("Xác định máy bị mã hoá");
		assertThat(mvc.get().uri("/response-plans/new?system=" + portal.id()).with(logins.session("officer")))
			.hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/response-plans/" + id + "/approve").with(logins.session("officer")).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200).get("status").asString())
			.isEqualTo("approved");
	}

	@Test
	void plansFollowTheirAgencyIntoAMerger() throws Exception {
		long id = call("officer", post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT)), 201)
			.get("id")
			.asLong();
		Agency successor = new AccessFixtures(context).unit("SYT");
		context.getBean(ResponsePlansFollowTheirAgencies.class)
			.on(new vn.khien.registry.AgenciesMerged(List.of(unit.id()), successor.id(), java.time.LocalDate.now()));
		assertThat(call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 200).get("agencyId").asLong())
			.isEqualTo(successor.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM response_plan_task WHERE plan_id = :id AND agency_id = :a")
			.param("id", id)
			.param("a", successor.id())
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void aPlanFollowsItsSystemToANewOwner() throws Exception {
		long id = call("officer", post("/api/v1/response-plans", plan(portal.id(), "Phương án CTT", DEFACEMENT)), 201)
			.get("id")
			.asLong();
		Agency education = new AccessFixtures(context).unit("SGDDT");
		var moved = details(portal.code(), portal.name());
		management.update(portal.id(),
				new SystemManagement.SystemDetails(moved.code(), moved.name(), education.id(), moved.operatorAgencyId(),
						moved.purpose(), moved.userCount(), moved.lifecycle(), moved.hosting(), moved.cloudProvider(),
						moved.internetFacing(), moved.publicServiceLevel(), moved.dataClassification(),
						moved.handlesPersonalData(), moved.personalSubjectsBasic(), moved.personalSubjectsSensitive(),
						moved.stateSecretGrade(), moved.critical(), moved.eGovernment(), moved.monitoringKind(),
						moved.monitoringOrganisationId()));
		// the old owner's officer no longer reads it; the new owner's does
		call("officer", mvc.get().uri("/api/v1/response-plans/" + id), 404);
		assertThat(call("officer2", mvc.get().uri("/api/v1/response-plans/" + id), 200).get("agencyId").asLong())
			.isEqualTo(education.id());
	}

	private List<String> staleIds(String query) throws Exception {
		return call("officer", mvc.get().uri("/api/v1/response-plans" + query + "&size=500"), 200).get("items")
			.findValuesAsString("id");
	}

	private MockMvcTester.MockMvcRequestBuilder post(String uri, String body) {
		return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockMvcTester.MockMvcRequestBuilder put(String uri, String body) {
		return mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private JsonNode call(String user, AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
		request.header("Authorization", logins.bearer(user));
		MvcTestResult result = mvc.perform(request);
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
