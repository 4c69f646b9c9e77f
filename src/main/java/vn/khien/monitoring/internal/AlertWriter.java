package vn.khien.monitoring.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.monitoring.AlertRaised;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.AlertStatus;
import vn.khien.platform.Sha256;

/**
 * Writes what detection found: a new alert per rule, agency and group within the
 * deduplication window, or one more event on the alert already there. Idempotent by its
 * key, so that an event delivered twice (Kafka delivers at least once) never makes a
 * second alert.
 */
@Component
class AlertWriter {

	/** Events kept per alert as its evidence; the count goes on. */
	static final int EVENTS_PER_ALERT = 20;

	/** The province's days. */
	static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate nested;

	private final MonitoringSettings settings;

	AlertWriter(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			MonitoringSettings settings) {
		this.jdbc = jdbc;
		this.events = events;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.settings = settings;
	}

	/**
	 * What a rule matched in one event (or a correlation in its last one).
	 *
	 * @param groupKey what the alert is about within the rule: the correlation's group,
	 * else the host
	 */
	record Hit(long ruleId, String ruleUid, String title, @Nullable String author, AlertSeverity severity,
			List<String> tags, @Nullable Long agencyId, @Nullable Long systemId, @Nullable Long assetId,
			@Nullable String hostName, @Nullable String groupKey, long eventId, Instant eventAt) {
	}

	/** The alert the hit went to, and whether it was new. */
	record Written(long alertId, boolean raised) {
	}

	/** In the caller's transaction. */
	Written write(Hit hit) {
		Duration window = settings.dedupWindow();
		long slot = Math.floorDiv(hit.eventAt().toEpochMilli(), window.toMillis());
		String key = Sha256
			.hex(hit.ruleUid() + "\u0000" + hit.agencyId() + "\u0000" + hit.groupKey() + "\u0000" + slot);
		Optional<Long> existing = more(key, hit);
		if (existing.isPresent()) {
			return new Written(existing.get(), false);
		}
		try {
			// NB: in a savepoint, so that PostgreSQL keeps the transaction usable when
			// another worker raised it first
			long id = nested.execute(status -> insert(key, hit));
			keep(id, hit.eventId());
			countDay(hit);
			events.publishEvent(new AlertRaised(id, hit.agencyId(), hit.ruleUid(), hit.severity(), hit.title()));
			return new Written(id, true);
		}
		catch (DuplicateKeyException ex) {
			return new Written(more(key, hit).orElseThrow(() -> ex), false);
		}
	}

	private Optional<Long> more(String key, Hit hit) {
		Optional<Long> id = jdbc.sql("SELECT id FROM alert WHERE dedup_key = :k")
			.param("k", key)
			.query(Long.class)
			.optional();
		id.ifPresent(alert -> {
			int added = keep(alert, hit.eventId());
			if (added > 0) {
				jdbc.sql(
						"""
								UPDATE alert SET event_count = event_count + 1,
								  last_seen_at = CASE WHEN last_seen_at < :at THEN :at ELSE last_seen_at END,
								  first_seen_at = CASE WHEN first_seen_at > :at THEN :at ELSE first_seen_at END WHERE id = :id""")
					.param("at", Timestamp.from(hit.eventAt()))
					.param("id", alert)
					.update();
			}
		});
		return id;
	}

	/**
	 * Links the event to the alert while it holds fewer than its share; 0 when it was
	 * linked already.
	 */
	private int keep(long alertId, long eventId) {
		Integer linked = jdbc.sql("SELECT COUNT(*) FROM alert_event WHERE alert_id = :a AND event_id = :e")
			.param("a", alertId)
			.param("e", eventId)
			.query(Integer.class)
			.single();
		if (linked > 0) {
			return 0;
		}
		Integer held = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM alert_event WHERE alert_id = :a LIMIT " + EVENTS_PER_ALERT
					+ ") c")
			.param("a", alertId)
			.query(Integer.class)
			.single();
		if (held < EVENTS_PER_ALERT) {
			jdbc.sql("INSERT INTO alert_event (alert_id, event_id) VALUES (:a, :e)")
				.param("a", alertId)
				.param("e", eventId)
				.update();
		}
		return 1;
	}

	/** The alert in the day's counts, once for all and once per technique. */
	private void countDay(Hit hit) {
		java.sql.Date day = java.sql.Date.valueOf(hit.eventAt().atZone(ZONE).toLocalDate());
		long agency = hit.agencyId() == null ? 0 : hit.agencyId();
		List<String> techniques = new java.util.ArrayList<>();
		techniques.add("");
		techniques.addAll(vn.khien.monitoring.AlertDays.techniques(hit.tags()));
		for (String technique : techniques) {
			int updated = jdbc
				.sql("UPDATE alert_day SET alerts = alerts + 1 WHERE agency_id = :a AND on_day = :d AND technique = :t")
				.param("a", agency)
				.param("d", day)
				.param("t", technique)
				.update();
			if (updated == 0) {
				try {
					nested.executeWithoutResult(status -> jdbc
						.sql("INSERT INTO alert_day (agency_id, on_day, technique, alerts) VALUES (:a, :d, :t, 1)")
						.param("a", agency)
						.param("d", day)
						.param("t", technique)
						.update());
				}
				catch (DuplicateKeyException ex) {
					jdbc.sql(
							"UPDATE alert_day SET alerts = alerts + 1 WHERE agency_id = :a AND on_day = :d AND technique = :t")
						.param("a", agency)
						.param("d", day)
						.param("t", technique)
						.update();
				}
			}
		}
	}

	private long insert(String key, Hit hit) {
		var keys = new GeneratedKeyHolder();
		Timestamp at = Timestamp.from(hit.eventAt());
		jdbc.sql(
				"""
						INSERT INTO alert (dedup_key, agency_id, system_id, asset_id, rule_id, rule_uid, rule_title, rule_author,
						  severity, severity_rank, tags, host_name, group_key, status, first_seen_at, last_seen_at, event_count,
						  first_event_id, status_at)
						VALUES (:key, :agency, :system, :asset, :rule, :uid, :title, :author, :severity, :rank, :tags, :host,
						  :group, :status, :at, :at, 1, :event, :now)""")
			.param("key", key)
			.param("agency", hit.agencyId())
			.param("system", hit.systemId())
			.param("asset", hit.assetId())
			.param("rule", hit.ruleId())
			.param("uid", hit.ruleUid())
			.param("title", clip(hit.title(), 500))
			.param("author", hit.author() == null ? null : clip(hit.author(), 1000))
			.param("severity", hit.severity().name())
			.param("rank", hit.severity().ordinal())
			.param("tags", clip(String.join(" ", hit.tags()), 2000))
			.param("host", hit.hostName() == null ? null : clip(hit.hostName(), 255))
			.param("group", hit.groupKey() == null ? null : clip(hit.groupKey(), 500))
			.param("status", AlertStatus.NEW.name())
			.param("at", at)
			.param("event", hit.eventId())
			.param("now", Timestamp.from(Instant.now()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
