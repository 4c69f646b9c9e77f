package vn.khien.monitoring;

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
 * The SOC's handlers, on alerts of a unit of the health department (in {@code officer}'s
 * scope, out of {@code officer2}'s) and of the education department: alerts and events
 * read by the province-wide roles and the agency's own; alerts worked by the analysts;
 * sources and the province's rules by the operators; the bulk endpoint by sources alone
 * (a person's token is not a source's). One row per handler.
 */
@KhienTest
class MonitoringAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] ANALYSTS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.AGENCY_OFFICER,
			Role.RESPONDER };

	static final Role[] OPERATORS = { Role.ADMIN, Role.PROVINCE_OPERATOR };

	static final Role[] EVERYONE = Role.values();

	@Autowired
	ApplicationContext context;

	@Test
	void everyMonitoringHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var mon = new MonitoringFixtures(context);
		Supplier<Long> unit = AccessMatrix.once(() -> f.unit("SYT").id());
		Supplier<Long> other = AccessMatrix.once(() -> f.unit("SGDDT").id());
		Supplier<Long> alert = AccessMatrix.once(() -> mon.alert(unit.get()));
		Supplier<Long> newAlert = () -> mon.alert(unit.get());
		Supplier<Long> rule = AccessMatrix.once(mon::rule);
		Supplier<Long> source = AccessMatrix.once(() -> mon.source(unit.get()));
		String range = "2026-11-29T00:00:00Z";

		m.api("GET", "/api/v1/alerts")
			.given(alert)
			.given(() -> mon.alert(other.get()))
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/alerts/{id}").with("id", alert).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/alerts/{id}/transitions")
			.fresh("id", newAlert)
			.permit(ANALYSTS)
			.scope(reads(unit))
			.json(() -> "{\"step\": \"acknowledge\"}");
		m.api("POST", "/api/v1/events").permit(EVERYONE).ok(401).anonymous(401).json(() -> "{\"EventID\": 1}");
		m.api("GET", "/api/v1/events/search")
			.given(alert)
			.given(() -> mon.alert(other.get()))
			.permit(READERS)
			.query("from", range)
			.query("to", "2026-12-01T00:00:00Z")
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/rules").given(rule).permit(READERS);
		m.api("POST", "/api/v1/rules")
			.permit(OPERATORS)
			.file("file", "bitsadmin.yml", call -> resource(MonitoringTests.BITSADMIN_RULE))
			.ok(200);
		m.api("GET", "/api/v1/rules/{id}").with("id", rule).permit(READERS);
		m.api("POST", "/api/v1/rules/{id}/enabled")
			.with("id", rule)
			.permit(OPERATORS)
			.json(() -> "{\"enabled\": true}");
		m.api("GET", "/api/v1/sources").given(source).permit(OPERATORS);
		m.api("POST", "/api/v1/sources")
			.permit(OPERATORS)
			.json(() -> "{\"name\": \"" + AccessFixtures.unique("matrix") + "\", \"agencyIds\": [" + unit.get() + "]}")
			.ok(201);
		m.api("POST", "/api/v1/sources/{id}/disable").fresh("id", () -> mon.source(unit.get())).permit(OPERATORS);
		m.api("GET", "/api/v1/events/unknown-hosts").given(() -> mon.unknownHost(unit.get())).permit(OPERATORS);
		m.api("POST", "/api/v1/events/unknown-hosts/assign")
			.permit(OPERATORS)
			.json(() -> "{\"key\": \"" + mon.unknownHost(unit.get()) + "\", \"agencyId\": " + unit.get()
					+ ", \"kind\": \"SERVER\"}");

		m.page("GET", "/alerts")
			.given(alert)
			.given(() -> mon.alert(other.get()))
			.permit(READERS)
			.query("size", 500)
			// NB: an alert nobody could place (the demo has some) owns no agency: only
			// those who read the whole province may see it, as in the API's row
			.listOf(links("href=\"/alerts/(\\d+)\"",
					"SELECT agency_id FROM alert WHERE id = :v AND agency_id IS NOT NULL"));
		m.page("GET", "/alerts/{id}").with("id", alert).permit(READERS).scope(reads(unit));
		m.page("POST", "/alerts/{id}/transitions")
			.fresh("id", newAlert)
			.permit(ANALYSTS)
			.scope(reads(unit))
			.form(() -> form("step", "acknowledge"))
			.ok(302);
		m.page("GET", "/alerts/attack").given(alert).permit(READERS);
		m.page("GET", "/detection-rules").given(rule).permit(READERS);
		m.page("POST", "/detection-rules")
			.permit(OPERATORS)
			.file("file", "bitsadmin.yml", call -> resource(MonitoringTests.BITSADMIN_RULE))
			.ok(302);
		m.page("GET", "/detection-rules/{id}").with("id", rule).permit(READERS);
		m.page("POST", "/detection-rules/{id}/enabled")
			.with("id", rule)
			.permit(OPERATORS)
			.form(() -> form("enabled", "true"))
			.ok(302);
		m.page("GET", "/event-sources").given(source).permit(OPERATORS);
		m.page("POST", "/event-sources")
			.permit(OPERATORS)
			.form(() -> form("name", AccessFixtures.unique("matrix"), "agencyIds", unit.get().toString()))
			.ok(302);
		m.page("POST", "/event-sources/{id}/disable")
			.fresh("id", () -> mon.source(unit.get()))
			.permit(OPERATORS)
			.ok(302);
		m.page("GET", "/event-sources/unknown-hosts").given(() -> mon.unknownHost(unit.get())).permit(OPERATORS);
		m.page("POST", "/event-sources/unknown-hosts/assign")
			.permit(OPERATORS)
			.form(() -> form("key", mon.unknownHost(unit.get()), "agencyId", unit.get().toString(), "kind", "SERVER"))
			.ok(302);
	}

	private static String resource(String path) {
		try {
			return new String(MonitoringCalls.resource(path), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
