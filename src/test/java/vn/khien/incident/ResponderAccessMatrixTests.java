package vn.khien.incident;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.KhienTest;
import vn.khien.platform.Role;

/**
 * The roster's handlers, on members seconded from a unit of the health department (in
 * {@code officer}'s scope, out of {@code officer2}'s): read by whoever reads incidents,
 * in scope; kept by the response team, who read the whole province. One row per handler.
 */
@KhienTest
class ResponderAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] TEAM = CoordinationAccessMatrixTests.TEAM;

	static final String RESPONDER_AGENCY = "SELECT agency_id FROM responder WHERE id = CAST(:v AS BIGINT)";

	@Autowired
	ApplicationContext context;

	@Test
	void everyRosterHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var c = new CoordinationFixtures(context);
		Supplier<Long> unit = AccessMatrix.once(() -> f.unit("SYT").id());
		Supplier<Long> member = AccessMatrix.once(() -> c.responder(unit.get()));
		String body = "{\"agencyId\": %d, \"name\": \"Thành viên ma trận\", \"availability\": \"busy\"}";

		m.api("GET", "/api/v1/responders")
			.given(member)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/responders").permit(TEAM).json(() -> body.formatted(unit.get())).ok(201);
		m.api("GET", "/api/v1/responders/{id}").with("id", member).permit(READERS).scope(reads(unit));
		// NB: the team reads every agency, so no caller it lets through is out of scope
		m.api("PUT", "/api/v1/responders/{id}")
			.with("id", member)
			.permit(TEAM)
			.scope(reads(unit))
			.json(() -> body.formatted(unit.get()));

		m.page("GET", "/responders")
			.given(member)
			.permit(READERS)
			.query("sort", "-name")
			.listOf(links("id=\"responder-(\\d+)\"", RESPONDER_AGENCY));
		m.page("GET", "/responders/new").permit(TEAM);
		m.page("POST", "/responders")
			.permit(TEAM)
			.form(() -> form("agencyId", unit.get().toString(), "name", "Thành viên ma trận", "availability",
					"available", "active", "true"))
			.ok(302);
		m.page("GET", "/responders/{id}/edit").with("id", member).permit(TEAM).scope(reads(unit));
		m.page("POST", "/responders/{id}")
			.with("id", member)
			.permit(TEAM)
			.scope(reads(unit))
			.form(() -> form("agencyId", unit.get().toString(), "name", "Thành viên ma trận", "availability", "busy",
					"active", "true"))
			.ok(302);
	}

}
