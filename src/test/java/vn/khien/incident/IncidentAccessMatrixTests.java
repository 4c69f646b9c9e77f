package vn.khien.incident;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.inventory.AssetManagement;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;

/**
 * The incidents’ handlers, on incidents of a unit of the health department (in
 * {@code officer}’s scope, out of {@code officer2}’s): read by all but assessors and
 * outside organisations; reported, and added to, by the agency’s officers and the
 * response team; worked (triage, moves, tasks, merges, deadlines) by the team alone;
 * reports from providers and tools by their accounts; the public report and its status
 * open to everyone. One row per handler.
 */
@KhienTest
class IncidentAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] REPORTERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] TEAM = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.RESPONDER };

	/**
	 * A public report no agency was found for yet belongs to none: the province reads it.
	 */
	static final String INCIDENT_AGENCY = "SELECT agency_id FROM incident WHERE id = CAST(:v AS BIGINT)"
			+ " AND agency_id IS NOT NULL";

	@Autowired
	ApplicationContext context;

	@Test
	void everyIncidentHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		Incidents incidents = FixturePrincipal.wrap(context.getBean(Incidents.class));
		IncidentResponse response = FixturePrincipal.wrap(context.getBean(IncidentResponse.class));
		AssetManagement assets = FixturePrincipal.wrap(context.getBean(AssetManagement.class));
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		// the agency’s officers add to its incidents; the team to any
		AccessMatrix.Scope contributes = (caller, matrix) -> matrix.writes(caller, unit.get())
				|| caller.has(Role.RESPONDER);
		Supplier<Long> newIncident = () -> incidents
			.report(new Incidents.AgencyReport("Cổng thông tin bị thay đổi giao diện", "Trang chủ hiển thị nội dung lạ",
					OffsetDateTime.parse("2026-10-01T08:00:00+07:00"), unit.get(), null, DetectedBy.NOTIFIED, null,
					null, null, null, false, false, InitialReport.empty()))
			.id();
		Supplier<Long> incident = AccessMatrix.once(newIncident);
		Supplier<Long> task = AccessMatrix.once(
				() -> response
					.addTask(incident.get(),
							new IncidentResponse.TaskInput(IncidentPhase.DETECTION, "Thu thập nhật ký", null, null,
									null))
					.tasks()
					.get(0)
					.id());
		Supplier<Long> evidence = AccessMatrix.once(
				() -> response
					.attach(incident.get(), new ByteArrayInputStream("GET /admin 200".getBytes(StandardCharsets.UTF_8)),
							"access.log", "text/plain", -1)
					.evidence()
					.get(0)
					.id());
		Supplier<Long> asset = AccessMatrix.once(
				() -> assets
					.create(new AssetManagement.AssetDetails(unit.get(), null, AssetKind.SERVER,
							AccessFixtures.unique("web").toLowerCase(), null, null, null, null))
					.id());
		Supplier<String> code = AccessMatrix
			.once(() -> incidents.reportFromPublic(new Incidents.PublicReport("Tin nhắn giả mạo ngân hàng", null, null,
					"lua-dao.example", null, null, null, false, "{}", List.of())));
		Supplier<Long> account = AccessMatrix
			.once(() -> f.jdbc().sql("SELECT id FROM app_user WHERE username = 'operator'").query(Long.class).single());
		String report = """
				{"title": "Trang bị thay đổi giao diện", "description": "Nội dung lạ", "discoveredAt": "2026-10-01T08:00:00+07:00",
				 "agencyId": %d, "detectedBy": "notified"}""";

		m.api("GET", "/api/v1/incidents")
			.given(incident)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/incidents")
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.json(() -> report.formatted(unit.get()))
			.ok(201);
		m.api("GET", "/api/v1/incidents/{id}").with("id", incident).permit(READERS).scope(reads(unit));
		// what the sender sent is read by the case\u2019s participants: the team\u2019s
		// demo accounts are made ones
		Supplier<Long> withParticipants = AccessMatrix.once(() -> {
			long id = incident.get();
			for (String username : List.of("admin", "operator", "responder")) {
				long member = f.jdbc()
					.sql("SELECT id FROM app_user WHERE username = :u")
					.param("u", username)
					.query(Long.class)
					.single();
				response.addParticipant(id, member);
			}
			return id;
		});
		m.api("GET", "/api/v1/incidents/{id}/original").with("id", withParticipants).permit(TEAM);
		m.api("POST", "/api/v1/incidents/{id}/transitions")
			.fresh("id", newIncident)
			.permit(TEAM)
			.json(() -> "{\"to\": \"containment\"}");
		m.api("POST", "/api/v1/incidents/{id}/triage")
			.with("id", incident)
			.permit(TEAM)
			.json(() -> "{\"severity\": \"high\"}");
		m.api("POST", "/api/v1/incidents/{id}/merge")
			.fresh("id", newIncident)
			.permit(TEAM)
			.json(() -> "{\"into\": " + incident.get() + "}");
		m.api("POST", "/api/v1/incidents/{id}/tasks")
			.with("id", incident)
			.permit(TEAM)
			.json(() -> "{\"phase\": \"containment\", \"title\": \"Cô lập máy chủ\"}")
			.ok(201);
		m.api("POST", "/api/v1/incidents/{id}/tasks/{taskId}")
			.with("id", incident)
			.with("taskId", task)
			.permit(TEAM)
			.json(() -> "{\"status\": \"in_progress\", \"log\": \"Đang thu thập\"}");
		m.api("POST", "/api/v1/incidents/{id}/observables")
			.with("id", incident)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.json(() -> "{\"kind\": \"domain\", \"value\": \"evil.example\"}")
			.ok(201);
		m.api("POST", "/api/v1/incidents/{id}/notes")
			.with("id", incident)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.json(() -> "{\"text\": \"Đã liên hệ nhà cung cấp\"}")
			.ok(201);
		m.api("POST", "/api/v1/incidents/{id}/evidence")
			.with("id", incident)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.file("file", "nhat-ky.txt", call -> "GET /wp-admin 200")
			.ok(201);
		m.api("GET", "/api/v1/incidents/{id}/evidence/{evidenceId}")
			.with("id", incident)
			.with("evidenceId", evidence)
			.permit(READERS)
			.scope(reads(unit));
		m.api("POST", "/api/v1/incidents/{id}/deadlines/{kind}/met")
			.fresh("id", newIncident)
			.with("kind", () -> "report")
			.permit(TEAM)
			.json(() -> "{}");
		m.api("POST", "/api/v1/incidents/{id}/participants")
			.with("id", incident)
			.permit(TEAM)
			.json(() -> "{\"accountId\": " + account.get() + "}");
		Supplier<Long> plan = AccessMatrix.once(() -> {
			var systems = new vn.khien.inventory.SystemFixtures(
					FixturePrincipal.wrap(context.getBean(vn.khien.inventory.SystemManagement.class)),
					FixturePrincipal.wrap(context.getBean(vn.khien.inventory.Systems.class)),
					FixturePrincipal.wrap(context.getBean(vn.khien.registry.Agencies.class)));
			ResponsePlans plans = FixturePrincipal.wrap(context.getBean(ResponsePlans.class));
			long id = plans
				.create(systems.system(unitRecord.get().code(), false).id(), new ResponsePlans.Content("Phương án",
						null,
						List.of(new ResponseScenario("ddos", "Từ chối dịch vụ",
								List.of(new PlaybookTask(1, IncidentPhase.CONTAINMENT, "Bật lọc lưu lượng", null))))))
				.id();
			plans.approve(id);
			return id;
		});
		m.api("POST", "/api/v1/incidents/{id}/playbook")
			.with("id", incident)
			.permit(TEAM)
			.json(() -> "{\"planId\": " + plan.get() + ", \"scenario\": \"ddos\"}");
		m.api("GET", "/api/v1/incidents/{id}/suggestions").with("id", incident).permit(TEAM);
		m.api("POST", "/api/v1/incidents/{id}/assets")
			.with("id", incident)
			.permit(TEAM)
			.json(() -> "{\"assetIds\": [" + asset.get() + "]}");
		m.api("POST", "/api/v1/incident-reports")
			.permit(Role.ORGANISATION, Role.RESPONDER, Role.PROVINCE_OPERATOR, Role.ADMIN)
			.json(call -> """
					{"externalRef": "%s", "title": "Tên miền giả mạo", "description": "Trang lừa đảo",
					 "discoveredAt": "2026-10-01T07:30:00+07:00"}""".formatted(AccessFixtures.unique("ref")))
			.ok(201);
		m.api("POST", "/api/v1/public/incident-reports")
			.json(() -> "{\"description\": \"Trang web giả mạo\", \"domain\": \"gia-mao.example\"}")
			.anonymous(201)
			.ok(201);
		m.api("GET", "/api/v1/public/incident-reports/{code}").with("code", code).anonymous(200).ok(200);

		m.page("GET", "/incidents")
			.given(incident)
			.permit(READERS)
			.listOf(links("href=\"/incidents/(\\d+)\"", INCIDENT_AGENCY));
		m.page("GET", "/incidents/new").permit(REPORTERS);
		m.page("POST", "/incidents")
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.form(() -> form("title", "Trang bị thay đổi giao diện", "description", "Nội dung lạ", "discoveredAt",
					"2026-10-01T08:00:00+07:00", "agencyId", unit.get().toString(), "detectedBy", "notified"))
			.ok(302);
		m.page("GET", "/incidents/{id}").with("id", incident).permit(READERS).scope(reads(unit));
		m.page("POST", "/incidents/{id}/transitions")
			.fresh("id", newIncident)
			.permit(TEAM)
			.form(() -> form("to", "containment"))
			.ok(302);
		m.page("POST", "/incidents/{id}/triage")
			.with("id", incident)
			.permit(TEAM)
			.form(() -> form("severity", "high"))
			.ok(302);
		m.page("POST", "/incidents/{id}/merge")
			.fresh("id", newIncident)
			.permit(TEAM)
			.form(() -> form("into", incident.get().toString()))
			.ok(302);
		m.page("POST", "/incidents/{id}/tasks")
			.with("id", incident)
			.permit(TEAM)
			.form(() -> form("phase", "containment", "title", "Cô lập máy chủ"))
			.ok(302);
		m.page("POST", "/incidents/{id}/tasks/{taskId}")
			.with("id", incident)
			.with("taskId", task)
			.permit(TEAM)
			.form(() -> form("status", "in_progress"))
			.ok(302);
		m.page("POST", "/incidents/{id}/observables")
			.with("id", incident)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.form(() -> form("kind", "ip", "value", "203.0.113.9"))
			.ok(302);
		m.page("POST", "/incidents/{id}/notes")
			.with("id", incident)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.form(() -> form("text", "Ghi chú"))
			.ok(302);
		m.page("POST", "/incidents/{id}/evidence")
			.with("id", incident)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(contributes, 403)
			.file("file", "nhat-ky.txt", call -> "GET /wp-admin 200")
			.ok(302);
		m.page("POST", "/incidents/{id}/assets")
			.with("id", incident)
			.permit(TEAM)
			.form(() -> form("assetIds", asset.get().toString()))
			.ok(302);
		m.page("GET", "/incidents/{id}/evidence/{evidenceId}")
			.with("id", incident)
			.with("evidenceId", evidence)
			.permit(READERS)
			.scope(reads(unit));
		m.page("POST", "/incidents/{id}/deadlines/{kind}/met")
			.fresh("id", newIncident)
			.with("kind", () -> "report")
			.permit(TEAM)
			.ok(302);
		m.page("GET", "/incident-report").anonymous(200).ok(200);
		m.page("POST", "/incident-report")
			.form(() -> form("description", "Trang web giả mạo ngân hàng"))
			.anonymous(200)
			.ok(200);
		m.page("GET", "/incident-report/status").query("code", code).anonymous(200).ok(200);
	}

}
