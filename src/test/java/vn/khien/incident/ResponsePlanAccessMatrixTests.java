package vn.khien.incident;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.having;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;
import static vn.khien.AccessMatrix.writes;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.inventory.SystemFixtures;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.Systems;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * The response plans' handlers, on systems of a unit of the health department (in
 * {@code officer}'s scope, out of {@code officer2}'s): read by all but assessors and
 * outside organisations, written and approved by the owner's officers, the operators and
 * the responders. One row per handler.
 */
@KhienTest
class ResponsePlanAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] EDITORS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.RESPONDER, Role.AGENCY_OFFICER };

	static final String PLAN_AGENCY = "SELECT agency_id FROM response_plan WHERE id = CAST(:v AS BIGINT)";

	@Autowired
	ApplicationContext context;

	@Test
	void everyResponsePlanHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	static ResponsePlans.Content content(String title) {
		return new ResponsePlans.Content(title, null,
				List.of(new ResponseScenario("defacement", "Thay đổi giao diện",
						List.of(new PlaybookTask(1, IncidentPhase.DETECTION, "Xác nhận", null),
								new PlaybookTask(2, IncidentPhase.CONTAINMENT, "Khôi phục", "Từ bản sao lưu")))));
	}

	static Map<String, String> formContent(String... more) {
		Map<String, String> fields = new java.util.HashMap<>(form("title", "Phương án", "scenarios[0].id", "ddos",
				"scenarios[0].title", "Từ chối dịch vụ", "scenarios[0].tasks[0].phase", "detection",
				"scenarios[0].tasks[0].title", "Xác nhận lưu lượng"));
		fields.putAll(form(more));
		return fields;
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var systems = new SystemFixtures(FixturePrincipal.wrap(context.getBean(SystemManagement.class)),
				FixturePrincipal.wrap(context.getBean(Systems.class)),
				FixturePrincipal.wrap(context.getBean(Agencies.class)));
		ResponsePlans plans = FixturePrincipal.wrap(context.getBean(ResponsePlans.class));
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		// NB: the responders write every agency's plans, beside those who write the
		// agency's
		// records
		AccessMatrix.Scope edits = writes(unit).or(having(Role.RESPONDER));
		Supplier<Long> newSystem = () -> systems.system(unitRecord.get().code(), false).id();
		Supplier<Long> newPlan = () -> plans.create(newSystem.get(), content("Phương án thử")).id();
		Supplier<Long> plan = AccessMatrix.once(newPlan);
		Supplier<Long> approved = AccessMatrix.once(() -> plans.approve(newPlan.get()).id());
		String body = """
				{"title":"Phương án","scenarios":[{"id":"ddos","title":"Từ chối dịch vụ","tasks":[
				 {"phase":"detection","title":"Xác nhận lưu lượng"}]}]}""";

		m.api("GET", "/api/v1/response-plans")
			.given(plan)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/response-plans")
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403)
			.json(() -> "{\"systemId\":" + newSystem.get() + "," + body.substring(1))
			.ok(201);
		m.api("GET", "/api/v1/response-plans/{id}").with("id", plan).permit(READERS).scope(reads(unit));
		m.api("PUT", "/api/v1/response-plans/{id}")
			.fresh("id", newPlan)
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403)
			.json(() -> body)
			.ok(200);
		m.api("POST", "/api/v1/response-plans/{id}/approve")
			.fresh("id", newPlan)
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403)
			.ok(200);
		m.api("GET", "/api/v1/response-plans/{id}/versions/{version}")
			.with("id", approved)
			.with("version", () -> 1)
			.permit(READERS)
			.scope(reads(unit));
		m.api("GET", "/api/v1/response-plans/{id}/playbook")
			.with("id", approved)
			.query("scenario", "defacement")
			.permit(READERS)
			.scope(reads(unit));

		m.page("GET", "/response-plans")
			.given(plan)
			.permit(READERS)
			.listOf(links("href=\"/response-plans/(\\d+)\"", PLAN_AGENCY));
		m.page("GET", "/response-plans/new").permit(EDITORS);
		m.page("POST", "/response-plans")
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403)
			.form(() -> formContent("systemId", newSystem.get().toString()))
			.ok(302);
		m.page("GET", "/response-plans/{id}").with("id", plan).permit(READERS).scope(reads(unit));
		m.page("GET", "/response-plans/{id}/versions/{version}")
			.with("id", approved)
			.with("version", () -> 1)
			.permit(READERS)
			.scope(reads(unit));
		m.page("GET", "/response-plans/{id}/edit")
			.with("id", plan)
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403);
		m.page("POST", "/response-plans/{id}")
			.fresh("id", newPlan)
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403)
			.form(() -> formContent())
			.ok(302);
		m.page("POST", "/response-plans/{id}/approve")
			.fresh("id", newPlan)
			.permit(EDITORS)
			.scope(reads(unit))
			.scope(edits, 403)
			.ok(302);
	}

}
