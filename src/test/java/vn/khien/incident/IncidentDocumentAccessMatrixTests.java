package vn.khien.incident;

import static vn.khien.AccessMatrix.reads;

import java.time.OffsetDateTime;
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
 * The incident documents' and figures' handlers, on a case of a unit of the health
 * department (in {@code officer}'s scope, out of {@code officer2}'s): a case's forms read
 * by its readers, its STIX and MISP exports by the response team, the periodic report by
 * the team, the police and the leadership, the figures by every reader of incidents (each
 * counting what they may read). One row per handler.
 */
@KhienTest
class IncidentDocumentAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] TEAM = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.RESPONDER };

	static final Role[] PERIODIC = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.RESPONDER, Role.POLICE, Role.LEADERSHIP };

	@Autowired
	ApplicationContext context;

	@Test
	void everyIncidentDocumentHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		Incidents incidents = FixturePrincipal.wrap(context.getBean(Incidents.class));
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		Supplier<Long> incident = AccessMatrix
			.once(() -> incidents.report(new Incidents.AgencyReport("Cổng thông tin bị thay đổi giao diện",
					"Trang chủ hiển thị nội dung lạ", OffsetDateTime.parse("2026-10-01T08:00:00+07:00"), unit.get(),
					null, DetectedBy.NOTIFIED, null, null, null, null, false, false, InitialReport.empty()))
				.id());

		m.api("GET", "/api/v1/incidents/{id}/report")
			.with("id", incident)
			.query("form", "03")
			.query("format", "pdf")
			.permit(READERS)
			.scope(reads(unit));
		m.api("GET", "/api/v1/incidents/{id}/stix").with("id", incident).permit(TEAM);
		m.api("GET", "/api/v1/incidents/{id}/misp").with("id", incident).permit(TEAM);
		m.api("GET", "/api/v1/incident-reports/periodic")
			.query("from", "2026-01-01")
			.query("to", "2026-06-30")
			.permit(PERIODIC);
		// NB: a line's key is the agency's id: an officer's lines are their agencies'
		m.api("GET", "/api/v1/incidents/statistics")
			.given(incident)
			.query("by", "agency")
			.permit(READERS)
			.listOf(AccessMatrix.jsonOwnedBy("$.lines[*].key",
					"SELECT id FROM agency WHERE CAST(id AS VARCHAR(20)) = CAST(:v AS VARCHAR(20))"));

		m.page("GET", "/incidents/statistics").query("by", "type").permit(READERS);
	}

}
