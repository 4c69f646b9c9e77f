package vn.khien.law;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.reads;

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
 * The rule packs' handlers (read by every signed-in user, adjusted by administrators) and
 * the compliance handlers built on them: the level wizard (on a system of a unit of the
 * health department, in {@code officer}'s scope and out of {@code officer2}'s) and the
 * overview. One row per handler.
 */
@KhienTest
class LawAccessMatrixTests implements AccessMatrix.Module {

	@Autowired
	ApplicationContext context;

	@Test
	void everyLawAndComplianceHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var systems = new SystemFixtures(FixturePrincipal.wrap(context.getBean(SystemManagement.class)),
				FixturePrincipal.wrap(context.getBean(Systems.class)),
				FixturePrincipal.wrap(context.getBean(Agencies.class)));
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		Supplier<Long> system = AccessMatrix.once(() -> systems.system(unitRecord.get().code(), false).id());
		Supplier<String> pack = () -> "vn-2016-nd85";
		// sets a value to what the file has, so that the rows change nothing
		String sameValue = "{\"target\":\"obligation:live-drill\",\"amount\":1,\"reason\":\"ma trận quyền\"}";

		// --- rule packs
		m.api("GET", "/api/v1/rule-packs");
		m.api("GET", "/api/v1/rule-packs/in-force").query("date", "2026-10-01");
		m.api("GET", "/api/v1/rule-packs/refused").permit(Role.ADMIN);
		m.api("GET", "/api/v1/rule-packs/{id}").with("id", pack);
		m.api("POST", "/api/v1/rule-packs/{id}/adjustments")
			.with("id", pack)
			.permit(Role.ADMIN)
			.json(() -> sameValue)
			.ok(200);
		m.page("GET", "/rule-packs").query("date", "2026-03-01");
		m.page("GET", "/rule-packs/{id}").with("id", pack);
		m.page("POST", "/rule-packs/{id}/adjustments")
			.with("id", pack)
			.permit(Role.ADMIN)
			.form(() -> form("target", "obligation:live-drill", "amount", "1", "reason", "ma trận quyền"))
			.ok(302);

		// --- compliance
		m.api("POST", "/api/v1/level-proposals")
			.given(system)
			.scope(reads(unit))
			.json(() -> "{\"date\":\"2026-10-01\",\"systemId\":" + system.get() + "}")
			.ok(200);
		m.api("GET", "/api/v1/compliance/overview")
			.given(system)
			.permit(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER,
					Role.RESPONDER);
	}

}
