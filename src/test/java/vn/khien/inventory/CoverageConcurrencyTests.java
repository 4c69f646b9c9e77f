package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.KhienTest;
import vn.khien.platform.ScheduledWork;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

/**
 * Coverage imports into one agency and into another and the nightly snapshot, all at
 * once: they wait for each other per agency instead of colliding on the coverage rows or
 * the snapshot rows.
 */
@KhienTest
class CoverageConcurrencyTests {

	static final int HOSTS = 1000;

	@Autowired
	CoverageImport coverageImport;

	@Autowired
	CoverageByAgency readModel;

	@Autowired
	Coverage coverage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationContext context;

	/**
	 * Hosts {@code from} to {@code to} (excluded) of the agency; every
	 * {@code staleEvery}th has old signatures.
	 */
	static String report(Agency agency, int from, int to, int staleEvery) {
		LocalDate today = Coverage.today();
		StringBuilder csv = new StringBuilder(
				"hostname,address,product,version,running,signature_date,last_check_in\n");
		for (int i = from; i < to; i++) {
			LocalDate signatures = i % staleEvery == 0 ? today.minusDays(20) : today.minusDays(i % 5);
			csv.append(agency.code().toLowerCase())
				.append("-pc")
				.append(i)
				.append(",,Bkav Pro,5.1,yes,")
				.append(signatures)
				.append(",\n");
		}
		return csv.toString();
	}

	Callable<ProtectionUpdates.Counts> importing(Agency agency, String csv, CyclicBarrier start) {
		return () -> {
			start.await();
			return coverageImport.run(agency.id(), "csv",
					new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		};
	}

	@Test
	void twoImportsIntoOneAgencyOneIntoAnotherAndTheNightlySnapshotAllSucceedWithTheRightFigures() throws Exception {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		Agency a = fixtures.agency("TKA", "SNV");
		Agency b = fixtures.agency("TKB", "SNV");
		ScheduledWork nightly = context.getBean("dailyCoverageSnapshot", ScheduledWork.class);
		CyclicBarrier start = new CyclicBarrier(4);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> runs = new ArrayList<>();
		try {
			// the two files of agency a share half their hosts: whichever runs second
			// matches what the first created
			Future<ProtectionUpdates.Counts> first = pool.submit(importing(a, report(a, 0, HOSTS, 3), start));
			Future<ProtectionUpdates.Counts> second = pool
				.submit(importing(a, report(a, HOSTS / 2, HOSTS * 3 / 2, 4), start));
			Future<ProtectionUpdates.Counts> other = pool.submit(importing(b, report(b, 0, HOSTS, 2), start));
			runs.addAll(List.of(first, second, other));
			runs.add(pool.submit(() -> {
				start.await();
				nightly.principal().run(nightly.work());
				return null;
			}));
			for (Future<?> run : runs) {
				run.get(2, TimeUnit.MINUTES); // throws if the run failed
			}
			assertThat(first.get().created() + second.get().created()).as("each host created once")
				.isEqualTo(HOSTS * 3 / 2);
			assertThat(other.get().created()).isEqualTo(HOSTS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fixtures.count("SELECT COUNT(*) FROM asset WHERE agency_id = ?", a.id())).isEqualTo(HOSTS * 3 / 2);

		LocalDate today = Coverage.today();
		Set<Long> both = Set.of(a.id(), b.id());
		Map<Long, CoverageByAgency.Figures> recount = fixtures.countedFromHosts(both, today);
		assertThat(readModel.figures(both, today)).isEqualTo(recount);
		assertThat(recount.get(b.id())).isEqualTo(new CoverageByAgency.Figures(HOSTS, HOSTS / 2));
		for (long agency : both) {
			CoverageByAgency.Figures f = recount.get(agency);
			assertThat(fixtures.count(
					"SELECT in_scope FROM coverage_snapshot WHERE snapshot_date = ? AND agency_id = ?", today, agency))
				.as("today's snapshot of %d", agency)
				.isEqualTo(f.inScope());
			assertThat(fixtures.count(
					"SELECT protected FROM coverage_snapshot WHERE snapshot_date = ? AND agency_id = ?", today, agency))
				.as("today's snapshot of %d", agency)
				.isEqualTo(f.protectedHosts());
		}
	}

}
