package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.KhienTest;

@KhienTest
class ContactsMergeTests {

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Autowired
	FocalPoints focalPoints;

	@Autowired
	SecurityStaffing staffing;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mergedAgenciesFocalPointsAndStaffMoveToTheSuccessorWithTheirHistory() {
		var fixtures = new ContactsFixtures(management, agencies, focalPoints);
		Agency first = fixtures.agency("MRG-A", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		Agency second = fixtures.agency("MRG-B", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		Agency successor = fixtures.agency("MRG-S", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		FocalPoint kept = fixtures.focalPoint(successor.id(), FocalPointDuty.MONITORING, "Đầu mối đơn vị mới");
		FocalPoint moved = fixtures.focalPoint(first.id(), FocalPointDuty.MONITORING, "Đầu mối đơn vị cũ");
		FocalPoint responder = fixtures.focalPoint(second.id(), FocalPointDuty.INCIDENT_RESPONSE, "Ứng cứu cũ");
		staffing.setNeeded(second.id(), 2);
		staffing.setNeeded(successor.id(), 1);
		staffing.add(second.id(), new SecurityStaff.Details("Cán bộ chuyên trách", null, null, null, null, null));

		transactions.executeWithoutResult(s -> events.publishEvent(
				new AgenciesMerged(List.of(first.id(), second.id()), successor.id(), LocalDate.of(2026, 7, 1))));

		List<FocalPoint> now = focalPoints.ofAgency(successor.id());
		assertThat(now).extracting(FocalPoint::id).containsExactlyInAnyOrder(kept.id(), moved.id(), responder.id());
		assertThat(focalPoints.get(kept.id()).primary()).isTrue();
		assertThat(focalPoints.get(moved.id()).primary()).isFalse();
		// the only incident-response contact becomes primary for that duty
		assertThat(focalPoints.get(responder.id()).primary()).isTrue();
		assertThat(focalPoints.ofAgency(first.id())).isEmpty();
		List<FocalPointHistoryEntry> history = focalPoints.history(successor.id());
		assertThat(history).extracting(FocalPointHistoryEntry::action).contains("MERGE", "CREATE");
		assertThat(history).filteredOn(h -> h.action().equals("CREATE")).hasSize(3);
		assertThat(staffing.staff(successor.id())).extracting(SecurityStaff::name)
			.containsExactly("Cán bộ chuyên trách");
		assertThat(staffing.headcount(successor.id()).needed()).isEqualTo(3);
		assertThat(staffing.staff(second.id())).isEmpty();
	}

}
