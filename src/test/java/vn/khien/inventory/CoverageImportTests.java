package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.KhienTest;
import vn.khien.inventory.importing.ImportProblem;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

@KhienTest
class CoverageImportTests {

	@Autowired
	CoverageImport imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	CoverageFixtures fixtures;

	Agency agency;

	@BeforeEach
	void freshAgency() {
		fixtures = new CoverageFixtures(jdbc, management, agencies);
		agency = fixtures.agency("TCI", "SKHCN");
	}

	static InputStream sample(String path) {
		return CoverageImportTests.class.getResourceAsStream("/samples/" + path);
	}

	static InputStream text(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	long hosts() {
		return fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ?", agency.id());
	}

	long statuses() {
		return fixtures.count("SELECT COUNT(*) FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
				+ " WHERE a.agency_id = ?", agency.id());
	}

	@Test
	void genericCsvCreatesUnknownHostsAsWorkstationsAndMatchesThemNextTime() {
		ProtectionUpdates.Counts first = imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(first).isEqualTo(new ProtectionUpdates.Counts(3, 0, 3, 0));
		assertThat(fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ? AND kind = 'WORKSTATION'"
				+ " AND source = 'coverage-csv'", agency.id())).isEqualTo(3);
		assertThat(fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ? AND identity_key = 'ip:192.168.10.40'",
				agency.id())).isEqualTo(1);
		ProtectionUpdates.Counts again = imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(again).isEqualTo(new ProtectionUpdates.Counts(3, 3, 0, 3));
		assertThat(hosts()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT ps.product FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
				+ " WHERE a.agency_id = :a AND a.hostname = 'kt-pc07'").param("a", agency.id()).query(String.class)
			.single()).isEqualTo("Bkav Pro");
	}

	@Test
	void knownHostIsMatchedByHostnameOrElseByAddress() {
		long byName = fixtures.host(agency.id(), "SERVER", "web01.sotttt.example.vn");
		long byAddress = jdbc.sql("""
				INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
				VALUES (:a, 'SERVER', 'ip:192.168.10.40', NULL, '192.168.10.40', 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("a", agency.id())
			.update();
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "json", text("""
				[{"hostname": "WEB01.sotttt.example.vn", "product": "Kaspersky", "running": true, "signature_date": "2026-11-20"},
				 {"address": "192.168.10.40", "product": "ESET", "running": "yes"}]"""));
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(2, 2, 0, 0));
		assertThat(byAddress).isEqualTo(1);
		assertThat(hosts()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT signature_date FROM protection_status WHERE asset_id = :id").param("id", byName)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void sameHostInAnotherAgencyIsAnotherHost() {
		Agency other = fixtures.agency("TCJ", "SKHCN");
		fixtures.host(other.id(), "SERVER", "kt-pc07");
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(counts.created()).isEqualTo(3);
		assertThat(fixtures.count("SELECT COUNT(*) FROM protection_status WHERE asset_id IN"
				+ " (SELECT id FROM asset WHERE agency_id = ?)", other.id())).isZero();
	}

	@Test
	void genericJsonWazuhAndDefenderAreRead() {
		assertThat(imports.run(agency.id(), "json", sample("coverage/coverage.json")).parsed()).isEqualTo(2);
		assertThat(imports.run(agency.id(), "wazuh", sample("wazuh/agents.json")).parsed()).isEqualTo(4);
		assertThat(imports.run(agency.id(), "defender", sample("defender/many.json")).parsed()).isEqualTo(3);
		ProtectionUpdates.Counts single = imports.run(agency.id(), "DEFENDER", text("""
				{"PSComputerName": "KT-PC99", "AMProductVersion": "4.18.24090.11", "AMServiceEnabled": true,
				 "AntivirusEnabled": true, "RealTimeProtectionEnabled": true,
				 "AntivirusSignatureLastUpdated": "2026-11-23T08:00:00+07:00"}"""));
		assertThat(single.created()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT ps.running FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
				+ " WHERE a.agency_id = :a AND a.hostname = 'kt-pc99'").param("a", agency.id()).query(Boolean.class)
			.single()).isTrue();
		assertThat(statuses()).isEqualTo(hosts());
	}

	@Test
	void importTakesTodaysSnapshot() {
		imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(jdbc.sql("SELECT in_scope FROM coverage_snapshot WHERE agency_id = :a AND snapshot_date = :d")
			.param("a", agency.id()).param("d", Coverage.today()).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void garbageIsRefusedWithItsLocationAndNothingIsWritten() {
		assertProblem("json", "[{\"hostname\": \"a\", \"product\": \"x\"}, {\"hostname\": ", "import.json.malformed");
		assertProblem("json", "{\"hostname\": \"a\"}", "import.json.shape");
		assertProblem("wazuh", sampleText("wazuh/other-shape.json"), "import.wazuh.shape");
		assertProblem("defender", "[{\"PSComputerName\": \"a\", \"AMProductVersion\": \"1\"}, 42]", "import.defender.shape");
		ImportProblem badDate = assertProblem("csv",
				"hostname,product,signature_date\nok-1,Bkav,2026-11-01\nbad-1,Bkav,01/11/2026\n", "import.row.invalidDate");
		assertThat(badDate.location()).isEqualTo("line:3");
		ImportProblem badElement = assertProblem("json",
				"[{\"hostname\": \"ok-2\", \"product\": \"x\"}, {\"hostname\": \"b\", \"product\": \"x\", \"running\": \"maybe\"}]",
				"import.row.invalidBoolean");
		assertThat(badElement.location()).isEqualTo("element:item[2]");
		assertProblem("xml", "<x/>", "coverage.import.unknownFormat");
		assertThatThrownBy(() -> imports.run(987654321L, "csv", sample("coverage/coverage.csv")))
			.isInstanceOf(vn.khien.platform.NotFoundException.class);
		assertThat(hosts()).isZero();
		assertThat(statuses()).isZero();
	}

	String sampleText(String path) {
		try (InputStream in = sample(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	ImportProblem assertProblem(String format, String content, String key) {
		long before = hosts();
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> imports.run(agency.id(), format, text(content)));
		assertThat(thrown).isInstanceOf(ImportProblem.class);
		ImportProblem problem = (ImportProblem) thrown;
		assertThat(problem.messageKey()).isEqualTo(key);
		assertThat(hosts()).isEqualTo(before);
		return problem;
	}

	@Test
	void manyHostsAreWrittenInBatches() {
		StringBuilder csv = new StringBuilder("hostname,address,product,running,signature_date\n");
		for (int i = 0; i < 2500; i++) {
			csv.append("pc-").append(i).append(",10.9.").append(i / 250).append('.').append(i % 250)
				.append(",Bkav,yes,").append(Coverage.today()).append('\n');
		}
		assertThat(imports.run(agency.id(), "csv", text(csv.toString()))).isEqualTo(new ProtectionUpdates.Counts(2500, 0, 2500, 0));
		assertThat(statuses()).isEqualTo(2500);
		assertThatThrownBy(() -> imports.run(agency.id(), "csv", text(csv + "pc-x,10.999.1.1,Bkav,yes,\n")))
			.isInstanceOf(ImportProblem.class);
		assertThat(hosts()).as("the failed re-import left nothing behind").isEqualTo(2500);
	}
}
