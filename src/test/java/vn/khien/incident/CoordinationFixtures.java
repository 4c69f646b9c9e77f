package vn.khien.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.AccessMatrix;
import vn.khien.AccessMatrix.Caller;
import vn.khien.FixturePrincipal;
import vn.khien.platform.Role;

/**
 * Cases, coordination requests, advisories and roster members for the access matrices,
 * made as the test-fixtures principal, and who may see each.
 */
final class CoordinationFixtures {

	private final Incidents incidents;

	private final CoordinationRequests requests;

	private final Advisories advisories;

	private final Responders responders;

	private final JdbcClient jdbc;

	CoordinationFixtures(ApplicationContext context) {
		this.incidents = FixturePrincipal.wrap(context.getBean(Incidents.class));
		this.requests = FixturePrincipal.wrap(context.getBean(CoordinationRequests.class));
		this.advisories = FixturePrincipal.wrap(context.getBean(Advisories.class));
		this.responders = FixturePrincipal.wrap(context.getBean(Responders.class));
		this.jdbc = context.getBean(JdbcClient.class);
	}

	long providerOrganisation() {
		return CoordinationTests.providerOrganisation(jdbc);
	}

	/** A case of the agency, as its officers report it. */
	long incident(long agencyId) {
		InitialReport form = new InitialReport(null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
		return incidents
			.report(new Incidents.AgencyReport("Sự cố thử của ma trận", "Trang chủ hiển thị nội dung lạ",
					OffsetDateTime.parse("2026-10-01T08:00:00+07:00"), agencyId, null, null, null, null, null, null,
					false, false, form))
			.id();
	}

	/**
	 * A request on a case of the agency, to the demo provider or to the agency itself;
	 * due long ago, so that it heads the open requests of every list.
	 */
	long request(long agencyId, boolean toProvider) {
		return requests.request(new CoordinationRequests.NewRequest(incident(agencyId), toProvider ? null : agencyId,
				toProvider ? providerOrganisation() : null, "Chặn tên miền thử của ma trận", LocalDate.of(2026, 1, 1)))
			.id();
	}

	/** A request its recipient has acknowledged (as the recipient would). */
	long acknowledged(long agencyId) {
		long id = request(agencyId, true);
		jdbc.sql("UPDATE coordination_request SET status = 'ACKNOWLEDGED', acknowledged_by = 'provider',"
				+ " acknowledged_at = CURRENT_TIMESTAMP WHERE id = :id")
			.param("id", id)
			.update();
		return id;
	}

	long advisory(long agencyId) {
		return advisories
			.issue(new Advisories.NewAdvisory("Cảnh báo thử của ma trận", "Nội dung cảnh báo", Tlp.AMBER, null,
					List.of(agencyId), List.of(providerOrganisation())))
			.id();
	}

	long responder(long agencyId) {
		return responders
			.create(new Responder.Details(agencyId, null, "Thành viên ma trận", null, null, null, null, true))
			.id();
	}

	/** Whether the caller reads the request, by what the database holds of it. */
	boolean seesRequest(AccessMatrix m, Caller caller, long id) {
		Map<String, Object> r = jdbc
			.sql("SELECT agency_id, incident_agency_id, organisation_id FROM coordination_request WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
		return caller.readsWholeProvince() || ownProvider(caller, r.get("organisation_id"))
				|| officerOver(m, caller, r.get("agency_id")) || officerOver(m, caller, r.get("incident_agency_id"));
	}

	/**
	 * Whether the caller is a recipient of the advisory (an officer over one of its
	 * agencies, the provider's user), by what the database holds of it.
	 */
	boolean receivedAdvisory(AccessMatrix m, Caller caller, long id) {
		List<Map<String, Object>> rows = jdbc
			.sql("SELECT agency_id, organisation_id FROM advisory_recipient WHERE advisory_id = :id")
			.param("id", id)
			.query()
			.listOfRows();
		return rows.stream()
			.anyMatch(r -> ownProvider(caller, r.get("organisation_id")) || officerOver(m, caller, r.get("agency_id")));
	}

	/** The demo provider's user, for its own organisation. */
	private boolean ownProvider(Caller caller, Object organisation) {
		return caller == AccessMatrix.PROVIDER && organisation != null
				&& ((Number) organisation).longValue() == providerOrganisation();
	}

	static boolean officerOver(AccessMatrix m, Caller caller, Object agency) {
		return agency != null && caller.has(Role.AGENCY_OFFICER) && caller.agencyCode() != null
				&& m.within(((Number) agency).longValue(), m.agency(caller.agencyCode()));
	}

	static boolean team(Caller caller) {
		return caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_OPERATOR) || caller.has(Role.RESPONDER);
	}

}
