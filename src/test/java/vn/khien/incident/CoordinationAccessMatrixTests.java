package vn.khien.incident;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.jsonKeys;
import static vn.khien.AccessMatrix.linkKeys;
import static vn.khien.AccessMatrix.only;
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
 * The coordination requests' handlers, on cases of a unit of the health department (in
 * {@code officer}'s scope, out of {@code officer2}'s), addressed to the demo provider:
 * read by the province-wide roles, the case's agency and the provider; made by the team;
 * acknowledged and completed by the provider alone (others who read it get 403). One row
 * per handler.
 */
@KhienTest
class CoordinationAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER, Role.ORGANISATION };

	static final Role[] TEAM = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.RESPONDER };

	static final Role[] RECIPIENTS = { Role.AGENCY_OFFICER, Role.ORGANISATION };

	@Autowired
	ApplicationContext context;

	@Test
	void everyCoordinationHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var c = new CoordinationFixtures(context);
		Supplier<Long> unit = AccessMatrix.once(() -> f.unit("SYT").id());
		Supplier<Long> incident = AccessMatrix.once(() -> c.incident(unit.get()));
		Supplier<Long> newRequest = () -> c.request(unit.get(), true);
		Supplier<Long> request = AccessMatrix.once(newRequest);
		Supplier<Long> acknowledged = () -> c.acknowledged(unit.get());
		// NB: a request to the provider about the unit's case: the provider and whoever
		// reads the unit see it
		AccessMatrix.Scope sees = reads(unit).or(only(AccessMatrix.PROVIDER));
		AccessMatrix.Scope answers = only(AccessMatrix.PROVIDER);
		String body = "{\"incidentId\": %d, \"organisationId\": %d, \"action\": \"Chặn tên miền\", \"due\": \"2026-12-31\"}";

		m.api("GET", "/api/v1/coordination-requests")
			.given(request)
			.given(() -> c.request(unit.get(), false))
			.permit(READERS)
			.query("size", 500)
			.listOf(jsonKeys("$.items[*].id"), (caller, item) -> c.seesRequest(m, caller, (Long) item.key()));
		m.api("POST", "/api/v1/coordination-requests")
			.permit(TEAM)
			.json(() -> body.formatted(incident.get(), c.providerOrganisation()))
			.ok(201);
		m.api("GET", "/api/v1/coordination-requests/{id}").with("id", request).permit(READERS).scope(sees);
		m.api("POST", "/api/v1/coordination-requests/{id}/acknowledge")
			.fresh("id", newRequest)
			.permit(RECIPIENTS)
			.scope(sees)
			.scope(answers, 403);
		m.api("POST", "/api/v1/coordination-requests/{id}/complete")
			.fresh("id", acknowledged)
			.permit(RECIPIENTS)
			.scope(sees)
			.scope(answers, 403)
			.json(() -> "{\"outcome\": \"Đã chặn\"}");

		m.page("GET", "/coordination-requests")
			.given(request)
			.given(() -> c.request(unit.get(), false))
			.permit(READERS)
			.listOf(linkKeys("id=\"coordination-(\\d+)\""),
					(caller, item) -> c.seesRequest(m, caller, (Long) item.key()));
		m.page("POST", "/coordination-requests")
			.permit(TEAM)
			.form(() -> form("incidentId", incident.get().toString(), "organisationId",
					String.valueOf(c.providerOrganisation()), "action", "Gỡ trang giả mạo", "due", "2026-12-31"))
			.ok(302);
		m.page("POST", "/coordination-requests/{id}/acknowledge")
			.fresh("id", newRequest)
			.permit(RECIPIENTS)
			.scope(sees)
			.scope(answers, 403)
			.ok(302);
		m.page("POST", "/coordination-requests/{id}/complete")
			.fresh("id", acknowledged)
			.permit(RECIPIENTS)
			.scope(sees)
			.scope(answers, 403)
			.form(() -> form("outcome", "Đã gỡ trang"))
			.ok(302);
	}

}
