package vn.khien.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import vn.khien.inventory.CoverageSnapshots;

/** Takes the coverage snapshot every night, so the trend has a point per day. */
@Configuration
@EnableScheduling
class CoverageJobs {

	private static final Logger log = LoggerFactory.getLogger(CoverageJobs.class);

	private final CoverageSnapshots snapshots;

	CoverageJobs(CoverageSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Scheduled(cron = "0 30 0 * * *", zone = "Asia/Ho_Chi_Minh")
	void dailySnapshot() {
		int rows = snapshots.take(snapshots.today());
		log.info("Coverage snapshot taken: {} agencies", rows);
	}
}
