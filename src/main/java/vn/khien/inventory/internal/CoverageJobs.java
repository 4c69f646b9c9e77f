package vn.khien.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.inventory.CoverageSnapshots;
import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;

/** Takes the coverage snapshot every night, so the trend has a point per day; once across all nodes. */
@Configuration
class CoverageJobs {

	private static final Logger log = LoggerFactory.getLogger(CoverageJobs.class);

	static final SystemPrincipal SNAPSHOT = SystemPrincipal.of("coverage-snapshot",
			SystemPrincipal.Permission.READ_PROVINCE);

	@Bean
	ScheduledWork dailyCoverageSnapshot(CoverageSnapshots snapshots) {
		return new ScheduledWork("coverage-snapshot", "0 30 0 * * *", SNAPSHOT, () -> {
			int rows = snapshots.take(snapshots.today());
			log.info("Coverage snapshot taken: {} agencies", rows);
		});
	}
}
