package vn.khien.monitoring;

import static vn.khien.AccessMatrix.reads;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.monitoring.sharing.TaxiiClients;
import vn.khien.platform.Role;
import vn.khien.platform.stix.Ids;

/**
 * Sharing the SOC's alerts: an alert's TLP set by the analysts and its MISP event read by
 * the readers, within their scope; TAXII clients made by the operators; the TAXII server
 * answering only TAXII clients' tokens (a person's token is not one). One row per
 * handler.
 */
@KhienTest
class SharingAccessMatrixTests implements AccessMatrix.Module {

	static final String COLLECTION = Ids.v5(Ids.KHIEN, "taxii-collection\nalerts").toString();

	@Autowired
	ApplicationContext context;

	@Test
	void everySharingHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var mon = new MonitoringFixtures(context);
		TaxiiClients clients = FixturePrincipal.wrap(context.getBean(TaxiiClients.class));
		Supplier<Long> unit = AccessMatrix.once(() -> f.unit("SYT").id());
		Supplier<Long> alert = AccessMatrix.once(() -> mon.alert(unit.get()));
		Supplier<Long> newAlert = () -> mon.alert(unit.get());
		Supplier<Long> client = () -> clients.create(AccessFixtures.unique("matrix-taxii"), "green").client().id();
		Role[] everyone = Role.values();

		m.api("POST", "/api/v1/alerts/{id}/tlp")
			.fresh("id", newAlert)
			.permit(MonitoringAccessMatrixTests.ANALYSTS)
			.scope(reads(unit))
			.json(() -> "{\"tlp\": \"green\"}");
		m.api("GET", "/api/v1/alerts/{id}/misp")
			.with("id", alert)
			.permit(MonitoringAccessMatrixTests.READERS)
			.scope(reads(unit));
		m.api("GET", "/api/v1/taxii-clients").given(client).permit(MonitoringAccessMatrixTests.OPERATORS);
		m.api("POST", "/api/v1/taxii-clients")
			.permit(MonitoringAccessMatrixTests.OPERATORS)
			.json(() -> "{\"name\": \"" + AccessFixtures.unique("matrix-taxii") + "\", \"maxTlp\": \"amber\"}")
			.ok(201);
		m.api("POST", "/api/v1/taxii-clients/{id}/disable")
			.fresh("id", client)
			.permit(MonitoringAccessMatrixTests.OPERATORS);

		m.api("GET", "/taxii2/").permit(everyone).ok(401).anonymous(401);
		m.api("GET", "/taxii2/api/").permit(everyone).ok(401).anonymous(401);
		m.api("GET", "/taxii2/api/collections/").permit(everyone).ok(401).anonymous(401);
		m.api("GET", "/taxii2/api/collections/{id}/")
			.with("id", () -> COLLECTION)
			.permit(everyone)
			.ok(401)
			.anonymous(401);
		m.api("GET", "/taxii2/api/collections/{id}/objects/")
			.with("id", () -> COLLECTION)
			.permit(everyone)
			.ok(401)
			.anonymous(401);
		m.api("POST", "/taxii2/api/collections/{id}/objects/")
			.with("id", () -> COLLECTION)
			.permit(everyone)
			.ok(401)
			.anonymous(401)
			.json(() -> "{\"objects\": []}");
	}

}
