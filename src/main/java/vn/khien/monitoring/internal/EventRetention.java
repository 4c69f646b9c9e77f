package vn.khien.monitoring.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;

/**
 * Every night, the raw events older than the retention period go, a batch at a time (so
 * that no statement holds the table long), with the links alerts held to them; the
 * alerts, their counts and the day figures stay.
 */
@Configuration
public class EventRetention {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	static final SystemPrincipal RETENTION = SystemPrincipal.of("monitoring-retention",
			SystemPrincipal.Permission.READ_PROVINCE, SystemPrincipal.Permission.WRITE_PROVINCE);

	static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final MonitoringSettings settings;

	EventRetention(JdbcClient jdbc, MonitoringSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Bean
	ScheduledWork monitoredEventRetention() {
		return new ScheduledWork("monitoring-retention", "0 30 2 * * *", RETENTION, this::purge);
	}

	/** Removes what is past the retention period; the number of events removed. */
	public long purge() {
		Timestamp before = Timestamp.from(Instant.now().minus(Duration.ofDays(settings.keepDays())));
		long removed = 0;
		while (true) {
			var ids = jdbc
				.sql("SELECT id FROM monitored_event WHERE event_at < :before ORDER BY event_at LIMIT " + BATCH)
				.param("before", before)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			jdbc.sql("DELETE FROM alert_event WHERE event_id IN (:ids)").param("ids", ids).update();
			removed += jdbc.sql("DELETE FROM monitored_event WHERE id IN (:ids)").param("ids", ids).update();
		}
		if (removed > 0) {
			log.info("Removed {} events kept more than {} days", removed, settings.keepDays());
		}
		return removed;
	}

}
