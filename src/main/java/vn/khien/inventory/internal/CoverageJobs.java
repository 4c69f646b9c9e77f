package vn.khien.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.inventory.Coverage;
import vn.khien.inventory.CoverageSnapshots;
import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;

/**
 * Every night, once across all nodes: counts each agency's coverage again from its hosts,
 * which moves the read model past the signatures that aged out during the day (reads are
 * right meanwhile, see CoverageByAgency), then copies it into the day's snapshot, so the
 * trend has a point per day.
 */
@Configuration
class CoverageJobs {

	private static final Logger log = LoggerFactory.getLogger(CoverageJobs.class);

	static final SystemPrincipal SNAPSHOT = SystemPrincipal.of("coverage-snapshot",
			SystemPrincipal.Permission.READ_PROVINCE);

	@Bean
	ScheduledWork dailyCoverageSnapshot(Coverage coverage, CoverageSnapshots snapshots) {
		return new ScheduledWork("coverage-snapshot", "0 30 0 * * *", SNAPSHOT, () -> {
			int corrected = coverage.recount();
			int rows = snapshots.take(snapshots.today());
			log.info("Coverage counted again ({} agencies corrected) and snapshot taken: {} agencies", corrected, rows);
		});
	}

}
