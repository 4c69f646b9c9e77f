package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.ImportClient;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.inventory.AssetManagement.AssetDetails;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgenciesMerged;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

/**
 * The coverage read model against a full recount from the hosts, through every kind of
 * write and the calendar.
 */
@KhienTest
class CoverageReadModelTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverage;

	@Autowired
	CoverageByAgency readModel;

	@Autowired
	CoverageImport coverageImport;

	@Autowired
	AssetManagement assets;

	@Autowired
	Assets hosts;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	static final LocalDate TODAY = Coverage.today();

	static String csv(String... rows) {
		return "hostname,address,product,version,running,signature_date,last_check_in\n" + String.join("\n", rows)
				+ "\n";
	}

	static String state(String host, boolean running, LocalDate signatures) {
		return host + ",,Bkav Pro,5.1," + (running ? "yes" : "no") + "," + signatures + ",";
	}

	ProtectionUpdates.Counts importCoverage(Agency agency, String csv) {
		return coverageImport.run(agency.id(), "csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	void importAssets(Agency agency, String csv) {
		JsonNode job = new ImportClient(mvc, logins, json).run("operator", "assets.csv", csv, agency.code());
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
	}

	long hostId(Agency agency, String hostname) {
		return jdbc.sql("SELECT id FROM asset WHERE agency_id = :a AND hostname = :h")
			.param("a", agency.id())
			.param("h", hostname)
			.query(Long.class)
			.single();
	}

	void edit(long id, long agencyId, AssetKind kind) {
		Asset a = hosts.get(id);
		assets.update(id, new AssetDetails(agencyId, null, kind, a.hostname(), String.join(" ", a.addresses()), null,
				null, null));
	}

	@Test
	void readModelEqualsAFullRecountAfterImportsEditsDeletesAndAMerge() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		Agency parent = fixtures.agency("TRP", "SNV");
		Agency a = fixtures.agency("TRA", parent.id());
		Agency b = fixtures.agency("TRB", parent.id());
		Agency successor = fixtures.agency("TRS", parent.id());
		String p = a.code().toLowerCase();
		String q = b.code().toLowerCase();
		importAssets(a,
				AssetImportTests.HEADER + "server," + p + "-srv1,,,,,\n" + "workstation," + p + "-pc1,,,,,\n"
						+ "workstation," + p + "-pc2,,,,,\n" + "workstation," + p + "-pc3,,,,,\n" + "workstation," + p
						+ "-pc4,,,,,\n" + "laptop," + p + "-lap1,,,,,\n" + "thiết bị mạng," + p + "-sw1,,,,,\n"
						+ "web portal,,,,,https://" + p + ".example.vn/,\n");
		importCoverage(a,
				csv(state(p + "-srv1", true, TODAY), state(p + "-pc1", true, TODAY.minusDays(7)),
						state(p + "-pc2", true, TODAY.minusDays(8)), state(p + "-pc3", false, TODAY),
						state(p + "-lap1", true, TODAY), state(p + "-pc9", true, TODAY.minusDays(1))));
		importCoverage(b,
				csv(state(q + "-pc1", true, TODAY), state(q + "-pc2", true, TODAY), state(q + "-pc3", false, TODAY)));
		// the successor already knows one of the hosts: it stays behind with its agency
		// when they merge
		importCoverage(successor,
				csv(state(successor.code().toLowerCase() + "-pc1", true, TODAY), state(p + "-pc4", true, TODAY)));
		Set<Long> all = Set.of(parent.id(), a.id(), b.id(), successor.id());
		assertThat(readModel.figures(all, TODAY)).isEqualTo(fixtures.countedFromHosts(all, TODAY));

		edit(hostId(a, p + "-lap1"), a.id(), AssetKind.NETWORK_DEVICE); // a protected
																		// host leaves the
																		// rule
		edit(hostId(a, p + "-sw1"), a.id(), AssetKind.SERVER); // an unprotected one
																// enters it
		edit(hostId(b, q + "-pc1"), a.id(), AssetKind.WORKSTATION); // a protected host
																	// moves to another
																	// agency
		assets.delete(hostId(a, p + "-srv1"));
		assets.create(new AssetDetails(b.id(), null, AssetKind.LAPTOP, q + "-lap7", null, null, null, null));
		// an asset import that changes a kind, and a coverage import that ages a host's
		// signatures
		importAssets(b, AssetImportTests.HEADER + "thiết bị mạng," + q + "-pc2,,,,,\n");
		importCoverage(a, csv(state(p + "-pc9", true, TODAY.minusDays(30))));
		assertThat(readModel.figures(all, TODAY)).isEqualTo(fixtures.countedFromHosts(all, TODAY));

		transactions.executeWithoutResult(
				s -> events.publishEvent(new AgenciesMerged(List.of(a.id(), b.id()), successor.id(), TODAY)));
		Map<Long, CoverageByAgency.Figures> recount = fixtures.countedFromHosts(all, TODAY);
		assertThat(readModel.figures(all, TODAY)).isEqualTo(recount);
		assertThat(recount.get(a.id())).as("the host the successor already had stayed behind")
			.isEqualTo(new CoverageByAgency.Figures(1, 0));
		assertThat(recount).doesNotContainKey(b.id());

		// the overview rolls the rows up through the hierarchy
		Coverage.AgencyCoverage rolled = coverage.overview(parent.code(), false, PageQuery.of(0, 50, null)).agency();
		assertThat(rolled.inScope())
			.isEqualTo(recount.values().stream().mapToInt(CoverageByAgency.Figures::inScope).sum());
		assertThat(rolled.protectedHosts())
			.isEqualTo(recount.values().stream().mapToInt(CoverageByAgency.Figures::protectedHosts).sum());
	}

	@Test
	void signaturesAgeOutOfTheFiguresWithoutAnyWrite() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		Agency agency = fixtures.agency("TRT", "SNV");
		String p = agency.code().toLowerCase();
		importCoverage(agency, csv(state(p + "-pc1", true, TODAY), state(p + "-pc2", true, TODAY.minusDays(3)),
				state(p + "-pc3", true, TODAY.minusDays(7)), state(p + "-pc4", true, TODAY.minusDays(8))));
		List<Long> ids = List.of(agency.id());
		for (int days : new int[] { 0, 1, 4, 5, 7, 8, 30 }) {
			LocalDate day = TODAY.plusDays(days);
			assertThat(readModel.figures(ids, day)).as("in %d days", days)
				.isEqualTo(fixtures.countedFromHosts(ids, day));
		}
		assertThat(readModel.figures(ids, TODAY.plusDays(1)).get(agency.id()))
			.as("the host whose signatures are exactly the limit old counts today, not tomorrow")
			.isEqualTo(new CoverageByAgency.Figures(4, 2));
		assertThat(fixtures.count("SELECT COUNT(*) FROM coverage_by_agency_day WHERE agency_id = ?", agency.id()))
			.as("a day row per signature date that still counts")
			.isEqualTo(3);
	}

	@Test
	void aRowCountedWithAShorterMaximumAgeIsCountedFromTheHosts() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		Agency agency = fixtures.agency("TRU", "SNV");
		String p = agency.code().toLowerCase();
		importCoverage(agency, csv(state(p + "-pc1", true, TODAY), state(p + "-pc2", true, TODAY.minusDays(6))));
		// as if counted while the limit was 5 days: the row knows nothing of signatures
		// older than that
		jdbc.sql("UPDATE coverage_by_agency SET counted_from = :from, protected = 1 WHERE agency_id = :a")
			.param("from", TODAY.minusDays(5))
			.param("a", agency.id())
			.update();
		jdbc.sql("DELETE FROM coverage_by_agency_day WHERE agency_id = :a AND signature_date < :from")
			.param("from", TODAY.minusDays(5))
			.param("a", agency.id())
			.update();
		assertThat(readModel.figures(List.of(agency.id()), TODAY).get(agency.id()))
			.isEqualTo(new CoverageByAgency.Figures(2, 2));
	}

	@Test
	void recountPutsRightWhatWasWrittenPastTheApplicationAndNeedsAPrincipal() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		Agency agency = fixtures.agency("TRW", "SNV");
		fixtures.protectedHost(agency.id(), agency.code().toLowerCase() + "-pc1");
		jdbc.sql("""
				INSERT INTO asset (agency_id, kind, identity_key, hostname, source, first_seen_at, last_seen_at)
				VALUES (:a, 'SERVER', :key, :host, 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("a", agency.id())
			.param("key", "host:" + agency.code().toLowerCase() + "-srv1")
			.param("host", agency.code().toLowerCase() + "-srv1")
			.update();
		List<Long> ids = List.of(agency.id());
		assertThat(readModel.figures(ids, TODAY).get(agency.id())).isEqualTo(new CoverageByAgency.Figures(1, 1));

		Coverage unwrapped = context.getBean(Coverage.class);
		assertThatThrownBy(unwrapped::recount).as("nobody signed in").isInstanceOf(IllegalStateException.class);
		assertThat(coverage.recount()).isPositive();
		assertThat(readModel.figures(ids, TODAY)).isEqualTo(fixtures.countedFromHosts(ids, TODAY));
		assertThat(coverage.recount()).as("nothing left to put right").isZero();
		assertThat(coverage.unprotectedCount()).as("the home page's figure, from the rows")
			.isEqualTo(coverage.unprotected(null, null, PageQuery.of(0, 1, null)).total());
	}

}
