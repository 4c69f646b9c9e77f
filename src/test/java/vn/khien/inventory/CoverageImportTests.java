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
import vn.khien.platform.importing.ImportProblem;
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
	Coverage coverage;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	CoverageFixtures fixtures;

	Agency agency;

	@BeforeEach
	void freshAgency() {
		fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
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
		assertThat(first).isEqualTo(new ProtectionUpdates.Counts(3, 0, 3, 0, 0, 0, 0));
		assertThat(fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ? AND kind = 'WORKSTATION'"
				+ " AND source = 'coverage-csv'", agency.id()))
			.isEqualTo(3);
		assertThat(fixtures
			.count("SELECT COUNT(*) FROM asset WHERE agency_id = ? AND identity_key = 'ip:192.168.10.40'", agency.id()))
			.isEqualTo(1);
		ProtectionUpdates.Counts again = imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(again).isEqualTo(new ProtectionUpdates.Counts(3, 3, 0, 3, 0, 0, 0));
		assertThat(hosts()).isEqualTo(3);
		assertThat(jdbc
			.sql("SELECT ps.product FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
					+ " WHERE a.agency_id = :a AND a.hostname = 'kt-pc07'")
			.param("a", agency.id())
			.query(String.class)
			.single()).isEqualTo("Bkav Pro");
	}

	@Test
	void knownHostIsMatchedByHostnameOrElseByAddress() {
		long byName = fixtures.host(agency.id(), "SERVER", "web01.sotttt.example.vn");
		long byAddress = jdbc
			.sql("""
					INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
					VALUES (:a, 'SERVER', 'ip:192.168.10.40', NULL, '192.168.10.40', 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("a", agency.id())
			.update();
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "json",
				text("""
						[{"hostname": "WEB01.sotttt.example.vn", "product": "Kaspersky", "running": true, "signature_date": "2026-11-20"},
						 {"address": "192.168.10.40", "product": "ESET", "running": "yes"}]"""));
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(2, 2, 0, 0, 0, 0, 0));
		assertThat(byAddress).isEqualTo(1);
		assertThat(hosts()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT signature_date FROM protection_status WHERE asset_id = :id")
			.param("id", byName)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void recordWithANewNameIsANewHostEvenOnAKnownAddress() {
		long named = fixtures.host(agency.id(), "SERVER", "web01", "10.20.2.5");
		fixtures.status(named, "Bkav Pro", true, Coverage.today());
		long nameless = fixtures.namelessHost(agency.id(), "10.20.2.9");
		fixtures.status(nameless, "Bkav Pro", true, Coverage.today());
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "json", text("""
				[{"hostname": "web02", "address": "10.20.2.5", "product": "ESET", "running": false},
				 {"hostname": "pc-9", "address": "10.20.2.9", "product": "ESET", "running": false}]"""));
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(2, 0, 2, 0, 2, 0, 0));
		assertThat(hosts()).isEqualTo(4);
		assertThat(product(named)).isEqualTo("Bkav Pro");
		assertThat(product(nameless)).as("a name never falls back to the address").isEqualTo("Bkav Pro");
		assertThat(productOf("web02")).isEqualTo("ESET");
		assertThat(productOf("pc-9")).isEqualTo("ESET");
	}

	@Test
	void addressOnlyRecordMatchesTheOneNamelessHostHoldingIt() {
		long named = fixtures.host(agency.id(), "SERVER", "web01", "10.20.0.5");
		long nameless = fixtures.namelessHost(agency.id(), "10.20.0.9", "10.20.0.5");
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "json", text("""
				[{"address": "10.20.0.5", "product": "ESET", "running": true}]"""));
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(1, 1, 0, 0, 0, 0, 0));
		assertThat(product(nameless)).isEqualTo("ESET");
		assertThat(fixtures.count("SELECT COUNT(*) FROM protection_status WHERE asset_id = ?", named))
			.as("a host with a name is never matched by an address")
			.isZero();
		assertThat(hosts()).isEqualTo(2);
	}

	@Test
	void addressOnlyRecordMatchesNothingWhenTwoNamelessHostsHoldIt() {
		fixtures.namelessHost(agency.id(), "10.20.1.5");
		fixtures.namelessHost(agency.id(), "10.20.1.6", "10.20.1.5");
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "csv", text("""
				address,product,running
				10.20.1.5,ESET,yes
				10.20.1.6,ESET,yes
				"""));
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(2, 1, 0, 0, 0, 1, 0));
		assertThat(statuses()).as("only the address one host holds was applied").isEqualTo(1);
		assertThat(hosts()).isEqualTo(2);
	}

	@Test
	void eachWazuhAgentIsItsOwnHostAndTheManagerIsNone() {
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "wazuh", sample("wazuh/agents-dhcp.json"));
		// 16 entries: the manager, 15 agents; three addresses are each held by two agents
		// (DHCP)
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(16, 0, 15, 0, 3, 0, 1));
		assertThat(hosts()).isEqualTo(15);
		assertThat(statuses()).isEqualTo(15);
		assertThat(jdbc.sql("SELECT hostname FROM asset WHERE agency_id = :a")
			.param("a", agency.id())
			.query(String.class)
			.list()).hasSize(15).doesNotHaveDuplicates().doesNotContain("soc-wazuh01");
		assertThat(fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ? AND addresses LIKE '%127.0.0.1%'",
				agency.id()))
			.as("the manager is no host")
			.isZero();
		// each agent on a shared address keeps its own state
		assertThat(running("kt-pc03")).isFalse();
		assertThat(running("vt-pc11")).isTrue();
		assertThat(running("tc-laptop02")).isFalse();
		assertThat(running("hc-pc05")).isTrue();
		assertThat(running("gd-pc07")).isFalse();
		assertThat(running("gd-laptop01")).isTrue();
		assertThat(fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ? AND addresses = '192.168.20.31'",
				agency.id()))
			.isEqualTo(2);
	}

	@Test
	void anAgentOnAnotherHostsAddressDoesNotOverwriteThatHost() {
		long accounting = fixtures.host(agency.id(), "WORKSTATION", "ketoan-pc", "192.168.20.31");
		fixtures.status(accounting, "Bkav Pro", true, Coverage.today());
		long camera = fixtures.namelessHost(agency.id(), "192.168.20.45");
		fixtures.status(camera, "Kaspersky", true, Coverage.today());
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "wazuh", sample("wazuh/agents-dhcp.json"));
		// both agents on .31 and both on .45 conflict with the host already there; on .77
		// only the second agent
		assertThat(counts).isEqualTo(new ProtectionUpdates.Counts(16, 0, 15, 0, 5, 0, 1));
		assertThat(product(accounting)).isEqualTo("Bkav Pro");
		assertThat(product(camera)).isEqualTo("Kaspersky");
		assertThat(productOf("vt-pc11")).isEqualTo("Wazuh agent");
		assertThat(productOf("hc-pc05")).isEqualTo("Wazuh agent");
		assertThat(hosts()).isEqualTo(17);
	}

	@Test
	void reimportOfTheSameWazuhFileCreatesNothingNew() {
		imports.run(agency.id(), "wazuh", sample("wazuh/agents-dhcp.json"));
		ProtectionUpdates.Counts again = imports.run(agency.id(), "wazuh", sample("wazuh/agents-dhcp.json"));
		assertThat(again).isEqualTo(new ProtectionUpdates.Counts(16, 15, 0, 15, 0, 0, 1));
		assertThat(hosts()).isEqualTo(15);
		assertThat(statuses()).isEqualTo(15);
	}

	String product(long assetId) {
		return jdbc.sql("SELECT product FROM protection_status WHERE asset_id = :id")
			.param("id", assetId)
			.query(String.class)
			.single();
	}

	String productOf(String hostname) {
		return jdbc
			.sql("SELECT ps.product FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
					+ " WHERE a.agency_id = :a AND a.hostname = :h")
			.param("a", agency.id())
			.param("h", hostname)
			.query(String.class)
			.single();
	}

	boolean running(String hostname) {
		return jdbc
			.sql("SELECT ps.running FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
					+ " WHERE a.agency_id = :a AND a.hostname = :h")
			.param("a", agency.id())
			.param("h", hostname)
			.query(Boolean.class)
			.single();
	}

	@Test
	void sameHostInAnotherAgencyIsAnotherHost() {
		Agency other = fixtures.agency("TCJ", "SKHCN");
		fixtures.host(other.id(), "SERVER", "kt-pc07");
		ProtectionUpdates.Counts counts = imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(counts.created()).isEqualTo(3);
		assertThat(fixtures.count("SELECT COUNT(*) FROM protection_status WHERE asset_id IN"
				+ " (SELECT id FROM asset WHERE agency_id = ?)", other.id()))
			.isZero();
	}

	@Test
	void genericJsonWazuhAndDefenderAreRead() {
		assertThat(imports.run(agency.id(), "json", sample("coverage/coverage.json")).parsed()).isEqualTo(2);
		ProtectionUpdates.Counts wazuh = imports.run(agency.id(), "wazuh", sample("wazuh/agents.json"));
		assertThat(wazuh.parsed()).isEqualTo(4);
		assertThat(wazuh.managerSkipped()).isEqualTo(1);
		assertThat(imports.run(agency.id(), "defender", sample("defender/many.json")).parsed()).isEqualTo(3);
		ProtectionUpdates.Counts single = imports.run(agency.id(), "DEFENDER", text("""
				{"PSComputerName": "KT-PC99", "AMProductVersion": "4.18.24090.11", "AMServiceEnabled": true,
				 "AntivirusEnabled": true, "RealTimeProtectionEnabled": true,
				 "AntivirusSignatureLastUpdated": "2026-11-23T08:00:00+07:00"}"""));
		assertThat(single.created()).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT ps.running FROM protection_status ps JOIN asset a ON a.id = ps.asset_id"
					+ " WHERE a.agency_id = :a AND a.hostname = 'kt-pc99'")
			.param("a", agency.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(statuses()).isEqualTo(hosts());
	}

	@Test
	void importTakesTodaysSnapshot() {
		imports.run(agency.id(), "csv", sample("coverage/coverage.csv"));
		assertThat(jdbc.sql("SELECT in_scope FROM coverage_snapshot WHERE agency_id = :a AND snapshot_date = :d")
			.param("a", agency.id())
			.param("d", Coverage.today())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void garbageIsRefusedWithItsLocationAndNothingIsWritten() {
		assertProblem("json", "[{\"hostname\": \"a\", \"product\": \"x\"}, {\"hostname\": ", "import.json.malformed");
		assertProblem("json", "{\"hostname\": \"a\"}", "import.json.shape");
		assertProblem("wazuh", sampleText("wazuh/other-shape.json"), "import.wazuh.shape");
		assertProblem("defender", "[{\"PSComputerName\": \"a\", \"AMProductVersion\": \"1\"}, 42]",
				"import.defender.shape");
		ImportProblem badDate = assertProblem("csv",
				"hostname,product,signature_date\nok-1,Bkav,2026-11-01\nbad-1,Bkav,01/11/2026\n",
				"import.row.invalidDate");
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
		Throwable thrown = org.assertj.core.api.Assertions
			.catchThrowable(() -> imports.run(agency.id(), format, text(content)));
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
			csv.append("pc-")
				.append(i)
				.append(",10.9.")
				.append(i / 250)
				.append('.')
				.append(i % 250)
				.append(",Bkav,yes,")
				.append(Coverage.today())
				.append('\n');
		}
		assertThat(imports.run(agency.id(), "csv", text(csv.toString())))
			.isEqualTo(new ProtectionUpdates.Counts(2500, 0, 2500, 0, 0, 0, 0));
		assertThat(statuses()).isEqualTo(2500);
		assertThatThrownBy(() -> imports.run(agency.id(), "csv", text(csv + "pc-x,10.999.1.1,Bkav,yes,\n")))
			.isInstanceOf(ImportProblem.class);
		assertThat(hosts()).as("the failed re-import left nothing behind").isEqualTo(2500);
	}

}
