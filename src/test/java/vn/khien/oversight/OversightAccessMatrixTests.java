package vn.khien.oversight;

import static vn.khien.AccessMatrix.reads;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;

/**
 * The dashboard's and scorecards' handlers: read by the province's roles and by agency
 * officers within their scope (a unit of the health department: in {@code officer}'s
 * scope, out of {@code officer2}'s), written by nobody. One row per handler.
 */
@KhienTest
class OversightAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER };

	@Autowired
	ApplicationContext context;

	@Test
	void everyOversightHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();

		m.api("GET", "/api/v1/dashboard")
			.query("agency", () -> String.valueOf(unit.get()))
			.permit(READERS)
			.scope(reads(unit));
		m.api("GET", "/api/v1/scorecards").query("kind", "department").permit(READERS);
		m.api("GET", "/api/v1/scorecards/{agencyId}").with("agencyId", unit).permit(READERS).scope(reads(unit));
		m.page("GET", "/dashboard").permit(READERS);
		m.page("GET", "/scorecards").query("kind", "commune").permit(READERS);
		m.page("GET", "/scorecards/{agencyId}").with("agencyId", unit).permit(READERS).scope(reads(unit));

		// --- periodic reports: each made for the caller's own scope, read within it
		String body = "{\"period\": \"six-monthly\", \"from\": \"2026-01-01\", \"to\": \"2026-06-30\", "
				+ "\"scope\": %d, \"format\": \"xlsx\"}";
		Supplier<String> made = AccessMatrix.once(() -> made(unit.get()));
		Supplier<Long> schedule = () -> FixturePrincipal.wrap(context.getBean(ReportSchedules.class))
			.add("annual", unit.get().toString(), "pdf", "matrix@syt.example.vn")
			.id();
		m.api("POST", "/api/v1/reports/periodic")
			.permit(READERS)
			.json(() -> body.formatted(unit.get()))
			.ok(202)
			.scope(reads(unit));
		m.api("GET", "/api/v1/reports/periodic").permit(READERS);
		m.api("GET", "/api/v1/reports/periodic/{jobId}/file").with("jobId", made).permit(READERS).scope(reads(unit));
		m.api("GET", "/api/v1/reports/schedules").permit(SCHEDULERS);
		m.api("POST", "/api/v1/reports/schedules")
			.permit(SCHEDULERS)
			.json(() -> "{\"period\": \"annual\", \"scope\": %d, \"format\": \"pdf\", \"recipients\": \"a@syt.example.vn\"}"
				.formatted(unit.get()))
			.ok(201)
			.scope(reads(unit));
		m.api("DELETE", "/api/v1/reports/schedules/{id}")
			.fresh("id", schedule)
			.permit(SCHEDULERS)
			.ok(204)
			.scope(reads(unit));
		m.page("GET", "/reports").permit(READERS);
		m.page("POST", "/reports")
			.permit(READERS)
			.form(() -> AccessFixtures.form("period", "six-monthly", "from", "2026-01-01", "to", "2026-06-30", "agency",
					unit.get().toString(), "format", "xlsx"))
			.ok(302)
			.scope(reads(unit));
		m.page("GET", "/reports/periodic/{jobId}/file").with("jobId", made).permit(READERS).scope(reads(unit));
		m.page("POST", "/reports/schedules")
			.permit(SCHEDULERS)
			.form(() -> AccessFixtures.form("period", "annual", "agency", unit.get().toString(), "format", "pdf",
					"recipients", "b@syt.example.vn"))
			.ok(302)
			.scope(reads(unit));
		m.page("POST", "/reports/schedules/{id}/remove")
			.fresh("id", schedule)
			.permit(SCHEDULERS)
			.ok(302)
			.scope(reads(unit));
	}

	static final Role[] SCHEDULERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER };

	/**
	 * A report of the unit, made by the operator through the API, once its job is done.
	 */
	private String made(long unit) {
		var mvc = context.getBean(org.springframework.test.web.servlet.assertj.MockMvcTester.class);
		var logins = context.getBean(vn.khien.TestLogins.class);
		var json = context.getBean(tools.jackson.databind.json.JsonMapper.class);
		var accepted = mvc.post()
			.uri("/api/v1/reports/periodic")
			.header("Authorization", logins.bearer("operator"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"period\": \"annual\", \"from\": \"2026-01-01\", \"to\": \"2026-06-30\", \"scope\": " + unit
					+ ", \"format\": \"xlsx\"}")
			.exchange();
		try {
			String statusUrl = json.readTree(accepted.getResponse().getContentAsString()).get("statusUrl").asString();
			var status = new vn.khien.ImportClient(mvc, logins, json).await("operator", statusUrl);
			return status.get("jobId").asString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
