package vn.khien.incident;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;

/** Every five minutes, the reporting deadlines that come near or pass are told. */
@Configuration
class IncidentClocks {

	static final SystemPrincipal CLOCKS = SystemPrincipal.of("incident-deadlines",
			SystemPrincipal.Permission.READ_PROVINCE, SystemPrincipal.Permission.WRITE_PROVINCE);

	@Bean
	ScheduledWork incidentDeadlineSweep(IncidentNotices notices) {
		return new ScheduledWork("incident-deadlines", "0 */5 * * * *", CLOCKS, notices::sweep);
	}

}
