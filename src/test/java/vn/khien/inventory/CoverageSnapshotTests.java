package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.KhienTest;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

@KhienTest
class CoverageSnapshotTests {

	@Autowired
	CoverageSnapshots snapshots;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Test
	void takingADayTwiceReplacesItInsteadOfAddingRows() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies);
		Agency agency = fixtures.agency("TCS", "SGDDT");
		fixtures.protectedHost(agency.id(), "snap-1");
		fixtures.host(agency.id(), "SERVER", "snap-2");
		LocalDate day = LocalDate.of(2020, 1, 15);
		int first = snapshots.take(day);
		long rows = fixtures.count("SELECT COUNT(*) FROM coverage_snapshot WHERE snapshot_date = ?", day);
		int second = snapshots.take(day);
		assertThat(second).isEqualTo(first).isPositive();
		assertThat(fixtures.count("SELECT COUNT(*) FROM coverage_snapshot WHERE snapshot_date = ?", day))
			.isEqualTo(rows)
			.isEqualTo(first);
		assertThat(fixtures.count("SELECT in_scope * 10 + protected FROM coverage_snapshot WHERE snapshot_date = ?"
				+ " AND agency_id = ?", day, agency.id())).as("2 in scope, 1 protected").isEqualTo(21);
	}
}
