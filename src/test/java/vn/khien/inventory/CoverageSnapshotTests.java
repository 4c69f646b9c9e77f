package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
	CoverageImport imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverage;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Test
	void takingADayTwiceReplacesItInsteadOfAddingRows() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
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
				+ " AND agency_id = ?", day, agency.id()))
			.as("2 in scope, 1 protected")
			.isEqualTo(21);
	}

	@Test
	void aCoverageImportRewritesOnlyItsAgencysSnapshotRowOfToday() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		LocalDate today = Coverage.today();
		Agency mine = fixtures.agency("TCX", "SNV");
		Agency other = fixtures.agency("TCY", "SNV");
		fixtures.protectedHost(mine.id(), mine.code().toLowerCase() + "-pc1");
		fixtures.protectedHost(other.id(), other.code().toLowerCase() + "-pc1");
		snapshots.take(today);
		jdbc.sql("UPDATE coverage_snapshot SET in_scope = 99 WHERE snapshot_date = :d AND agency_id = :a")
			.param("d", today)
			.param("a", other.id())
			.update();
		String report = "hostname,address,product,version,running,signature_date,last_check_in\n"
				+ mine.code().toLowerCase() + "-pc2,,Bkav Pro,5.1,no," + today + ",\n";
		imports.run(mine.id(), "csv", new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
		assertThat(fixtures.count("SELECT in_scope * 10 + protected FROM coverage_snapshot WHERE snapshot_date = ?"
				+ " AND agency_id = ?", today, mine.id()))
			.isEqualTo(21);
		assertThat(fixtures.count("SELECT in_scope FROM coverage_snapshot WHERE snapshot_date = ? AND agency_id = ?",
				today, other.id()))
			.as("another agency's row is left alone")
			.isEqualTo(99);
	}

}
