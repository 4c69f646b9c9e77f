package vn.khien.oversight;

import java.time.LocalDate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.Formats;
import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;

/** Every night each agency's score is kept, after the modules' own snapshots. */
@Configuration
class ScorecardSnapshots {

	static final SystemPrincipal SNAPSHOT = SystemPrincipal.of("scorecard-snapshot",
			SystemPrincipal.Permission.READ_PROVINCE);

	// NB: at 01:15, after the coverage (00:30) and findings (00:45) snapshots
	@Bean
	ScheduledWork nightlyScorecardSnapshot(Scorecards scorecards) {
		return new ScheduledWork("scorecard-snapshot", "0 15 1 * * *", SNAPSHOT,
				() -> scorecards.snapshot(LocalDate.now(Formats.ZONE)));
	}

}
