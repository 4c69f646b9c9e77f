package vn.khien.readiness;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.jsonOwnedBy;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessMatrix;
import vn.khien.KhienTest;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;

/**
 * The drills' handlers: a live-fire drill on a system of a unit of the health department
 * (in {@code officer}'s scope, out of {@code officer2}'s), its runs and the actions its
 * weaknesses became, owned by that unit. The province's roles manage, the leadership
 * reads, officers read what involves their agency and report its actions done. One row
 * per handler.
 */
@KhienTest
class DrillAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER };

	static final Role[] MANAGERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE };

	static final Role[] REPORTERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.AGENCY_OFFICER };

	static final String DRILL_AGENCIES = """
			SELECT agency_id FROM drill_plan WHERE id = CAST(:v AS BIGINT)
			UNION SELECT agency_id FROM drill_target WHERE drill_id = CAST(:v AS BIGINT)
			UNION SELECT agency_id FROM drill_participant WHERE drill_id = CAST(:v AS BIGINT)""";

	static final String ACTION_AGENCY = "SELECT agency_id FROM drill_action WHERE id = CAST(:v AS BIGINT)";

	static final String SYSTEM_OWNER = "SELECT owner_agency_id FROM information_system WHERE id = CAST(:v AS BIGINT)";

	@Autowired
	ApplicationContext context;

	@Test
	void everyDrillHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var x = new DrillFixtures(context);
		String today = DrillFixtures.today().toString();
		String due = DrillFixtures.today().plusDays(30).toString();
		Supplier<Agency> unitAgency = AccessMatrix.once(() -> x.unit("SYT"));
		Supplier<Long> unit = () -> unitAgency.get().id();
		Supplier<Long> system = AccessMatrix.once(() -> x.system(unitAgency.get(), 3).id());
		Supplier<Long> overdue = AccessMatrix.once(() -> x.system(unitAgency.get(), 4).id());
		Supplier<Long> drill = AccessMatrix.once(() -> {
			long d = x.drill(unit.get(), DrillKind.LIVE_FIRE, system.get()).id();
			x.run(d, unit.get());
			overdue.get();
			return d;
		});
		Supplier<Long> planned = () -> x.drill(unit.get(), DrillKind.LIVE_FIRE, system.get()).id();
		Supplier<Long> action = AccessMatrix.once(() -> x.action(unit.get()));
		Supplier<Long> open = () -> x.action(unit.get());
		Supplier<Long> done = () -> x.done(unit.get());
		// the owner agency's officers report, and the province's roles (police included)
		AccessMatrix.Scope reporters = (caller, matrix) -> caller.has(Role.POLICE) || matrix.writes(caller, unit.get());

		// --- drills
		m.api("GET", "/api/v1/drills")
			.given(drill)
			.permit(READERS)
			.query("agency", unit)
			.query("size", 500)
			.listOf(jsonOwnedBy("$.items[*].id", DRILL_AGENCIES));
		m.api("POST", "/api/v1/drills")
			.permit(MANAGERS)
			.json(() -> x.access.json("agencyId", unit.get(), "kind", "live_fire", "title", "Diễn tập ma trận",
					"scheduledOn", today, "targets", List.of(Map.of("systemId", system.get()))))
			.ok(201);
		m.api("GET", "/api/v1/drills/{id}").with("id", drill).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/drills/{id}/runs")
			.with("id", drill)
			.permit(MANAGERS)
			.json(() -> x.access.json("heldOn", today, "prevented", false, "weaknesses",
					List.of(Map.of("category", "people", "severity", "low", "description", "Thiếu tập huấn",
							"ownerAgencyId", unit.get(), "ownerName", "Văn phòng", "dueOn", due))))
			.ok(201);
		m.api("POST", "/api/v1/drills/{id}/cancel").fresh("id", planned).permit(MANAGERS).ok(200);
		m.api("GET", "/api/v1/drills/coverage")
			.given(drill)
			.permit(READERS)
			.query("agency", unit)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));

		// --- actions
		m.api("GET", "/api/v1/drill-actions")
			.given(action)
			.permit(READERS)
			.query("agency", unit)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/drill-actions/{id}/done")
			.fresh("id", open)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(reporters, 403)
			.json(() -> "{\"note\":\"Đã khắc phục\"}")
			.ok(200);
		m.api("POST", "/api/v1/drill-actions/{id}/verify")
			.fresh("id", done)
			.permit(MANAGERS)
			.json(() -> "{\"note\":\"Đã kiểm tra\"}")
			.ok(200);

		// --- pages
		m.page("GET", "/drills")
			.given(drill)
			.permit(READERS)
			.query("agency", unit)
			.query("size", 500)
			.listOf(links("href=\"/drills/(\\d+)\"", DRILL_AGENCIES));
		m.page("GET", "/drills/new").permit(MANAGERS);
		m.page("POST", "/drills")
			.permit(MANAGERS)
			.form(() -> form("agencyId", unit.get().toString(), "kind", "tabletop", "title", "Diễn tập trên bàn",
					"scheduledOn", today))
			.ok(302);
		m.page("GET", "/drills/{id}").with("id", drill).permit(READERS).scope(reads(unit));
		m.page("POST", "/drills/{id}/runs")
			.with("id", drill)
			.permit(MANAGERS)
			.form(() -> form("heldOn", today, "prevented", "true", "description0", "Thiếu quy trình", "category0",
					"process", "severity0", "high", "ownerAgencyId0", unit.get().toString(), "ownerName0", "Văn phòng",
					"dueOn0", due))
			.ok(302);
		m.page("GET", "/drills/coverage")
			.given(drill)
			.permit(READERS)
			.query("agency", unit)
			.query("size", 500)
			.listOf(links("data-system-id=\"(\\d+)\"", SYSTEM_OWNER));
		m.page("GET", "/drill-actions")
			.given(action)
			.permit(READERS)
			.query("agency", unit)
			.query("size", 500)
			.listOf(links("data-drill-action-id=\"(\\d+)\"", ACTION_AGENCY));
		m.page("POST", "/drill-actions/{id}/done")
			.fresh("id", open)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(reporters, 403)
			.form(() -> form("note", "Đã khắc phục"))
			.ok(302);
		m.page("POST", "/drill-actions/{id}/verify")
			.fresh("id", done)
			.permit(MANAGERS)
			.form(() -> form("note", "Đã kiểm tra"))
			.ok(302);
	}

}
