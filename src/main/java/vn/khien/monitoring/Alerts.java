package vn.khien.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageCursors;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The alert queue, always within the caller's scope (alerts nobody could place are the
 * operators'), and its steps: acknowledge, false positive, escalate to an incident,
 * reopen.
 */
@Component
public class Alerts {

	/** Counting stops here: the page says 10.000+. */
	public static final int COUNT_CAP = 10_000;

	static final String COLUMNS = """
			a.id, a.agency_id, a.system_id, a.asset_id, a.rule_uid, a.rule_title, a.rule_author, a.severity, a.tags,
			a.host_name, a.group_key, a.status, a.first_seen_at, a.last_seen_at, a.event_count, a.incident_id,
			a.status_at, a.status_by, a.note, a.version""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final PageCursors cursors;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Alerts(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, PageCursors cursors, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.cursors = cursors;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * @param agencyId that agency and those below it
	 * @param rule a rule's id (its Sigma id)
	 */
	public record Filter(@Nullable Long agencyId, @Nullable String rule, @Nullable AlertSeverity severity,
			@Nullable AlertStatus status, @Nullable Instant from, @Nullable Instant to) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}

	}

	/** An event behind an alert, as it was received and as it was read. */
	public record MatchedEvent(long id, Instant eventAt, @Nullable String hostName, String kind, String ecs,
			String original) {
	}

	/** A step in the queue; {@code escalate} answers the incident's id in the alert. */
	public enum Step {

		ACKNOWLEDGE, FALSE_POSITIVE, ESCALATE, REOPEN;

		public static Optional<Step> of(@Nullable String word) {
			return vn.khien.platform.EnumCodes.of(Step.class, word);
		}

	}

	public Alert get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("alert", id));
	}

	public Optional<Alert> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM alert a WHERE a.id = :id AND " + visible(scope))
				.param("id", id))
			.query(Alerts::map)
			.optional();
	}

	/** The first events behind an alert (its count says how many matched). */
	public List<MatchedEvent> events(long id) {
		get(id);
		return jdbc
			.sql("""
					SELECT e.id, e.event_at, e.host_name, e.kind, e.ecs, e.original FROM alert_event ae
					JOIN monitored_event e ON e.id = ae.event_id WHERE ae.alert_id = :id ORDER BY e.event_at, e.id LIMIT 50""")
			.param("id", id)
			.query((rs, n) -> new MatchedEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * A page of alerts, the latest first; the total is counted up to {@link #COUNT_CAP}.
	 */
	public PageResult<Alert> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		page.orderBy(Map.of("lastSeen", "a.last_seen_at"), "");
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, scope, params);
		String fingerprint = "alerts?" + filter;
		String keyset = "";
		if (page.after() != null) {
			PageCursors.Position after = cursors.decode(fingerprint, page.after(), page);
			try {
				keyset = " AND (a.last_seen_at, a.id) < (:k1, :k2)";
				params.put("k1", new Timestamp(Long.parseLong(after.values().get(0))));
				params.put("k2", Long.parseLong(after.values().get(1)));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("after", "page.cursor.invalid");
			}
		}
		List<Alert> items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM alert a WHERE " + where + keyset
					+ " ORDER BY a.last_seen_at DESC, a.id DESC LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.after() == null ? page.offset() : 0)
			.query(Alerts::map)
			.list();
		long counted = scope
			.bind(jdbc.sql(
					"SELECT COUNT(*) FROM (SELECT 1 FROM alert a WHERE " + where + " LIMIT " + (COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		String next = null;
		if (items.size() == page.size()) {
			Alert last = items.get(items.size() - 1);
			next = cursors.encode(fingerprint, new PageCursors.Position("lastSeen", true,
					List.of(Long.toString(last.lastSeenAt().toEpochMilli()), Long.toString(last.id()))));
		}
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP,
				next);
	}

	/**
	 * Takes a step; {@code version}, when given, must be the alert's (a stale form is
	 * 409). Steps out of order are 409 and change nothing.
	 */
	@Transactional
	public Alert take(long id, Step step, @Nullable String note, @Nullable Integer version) {
		Alert alert = get(id);
		jdbc.sql("SELECT id FROM alert WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		alert = get(id);
		if (version != null && version != alert.version()) {
			throw InvalidInputException.conflict("version", "monitoring.alert.stale");
		}
		if (note != null && note.length() > 2000) {
			throw new InvalidInputException("note", "monitoring.alert.noteTooLong", 2000);
		}
		AlertStatus to = switch (step) {
			case ACKNOWLEDGE -> requireFrom(alert, AlertStatus.ACKNOWLEDGED, AlertStatus.NEW);
			case FALSE_POSITIVE ->
				requireFrom(alert, AlertStatus.FALSE_POSITIVE, AlertStatus.NEW, AlertStatus.ACKNOWLEDGED);
			case ESCALATE -> requireFrom(alert, AlertStatus.ESCALATED, AlertStatus.NEW, AlertStatus.ACKNOWLEDGED);
			case REOPEN -> requireFrom(alert, AlertStatus.NEW, AlertStatus.FALSE_POSITIVE, AlertStatus.ACKNOWLEDGED);
		};
		switch (to) {
			case NEW -> move(alert, to, "ALERT_NEW", note, currentUser.name());
			case ACKNOWLEDGED -> move(alert, to, "ALERT_ACKNOWLEDGED", note, currentUser.name());
			case FALSE_POSITIVE -> move(alert, to, "ALERT_FALSE_POSITIVE", note, currentUser.name());
			case ESCALATED -> move(alert, to, "ALERT_ESCALATED", note, currentUser.name());
		}
		if (step == Step.ESCALATE) {
			escalate(alert, currentUser.name());
		}
		return get(id);
	}

	/**
	 * Escalates an alert without a signed-in analyst (the automatic rule above a level);
	 * does nothing to one already escalated or judged a false positive.
	 */
	@Transactional
	public void escalateAutomatically(long id, String by) {
		jdbc.sql("SELECT id FROM alert WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		Alert alert = jdbc.sql("SELECT " + COLUMNS + " FROM alert a WHERE a.id = :id")
			.param("id", id)
			.query(Alerts::map)
			.single();
		if (alert.status() != AlertStatus.NEW) {
			return;
		}
		move(alert, AlertStatus.ESCALATED, "ALERT_ESCALATED", null, by);
		escalate(alert, by);
	}

	/**
	 * The incident that an escalation opened: called by the incident module as it opens
	 * it.
	 */
	@Transactional
	public void linkIncident(long alertId, long incidentId) {
		jdbc.sql("UPDATE alert SET incident_id = :i WHERE id = :id AND incident_id IS NULL")
			.param("i", incidentId)
			.param("id", alertId)
			.update();
	}

	private void escalate(Alert alert, String by) {
		Set<String> addresses = new LinkedHashSet<>();
		if (alert.hostName() != null) {
			addresses.add(alert.hostName());
		}
		jdbc.sql("""
				SELECT e.source_ip, e.destination_ip FROM alert_event ae JOIN monitored_event e ON e.id = ae.event_id
				WHERE ae.alert_id = :id ORDER BY e.id LIMIT 50""").param("id", alert.id()).query((rs, n) -> {
			for (int i = 1; i <= 2; i++) {
				if (rs.getString(i) != null) {
					addresses.add(rs.getString(i));
				}
			}
			return n;
		}).list();
		String description = alert.ruleTitle() + "\n" + "Sigma: " + alert.ruleUid()
				+ (alert.ruleAuthor() == null ? "" : " (" + alert.ruleAuthor() + ")") + "\n"
				+ String.join(", ", alert.tags()) + "\n" + alert.eventCount() + " × " + alert.firstSeenAt() + " – "
				+ alert.lastSeenAt();
		events.publishEvent(new AlertEscalated(alert.id(), alert.agencyId(), alert.systemId(), alert.ruleTitle(),
				description, alert.severity(), alert.firstSeenAt(),
				List.copyOf(addresses).subList(0, Math.min(addresses.size(), 20)), by));
	}

	private void move(Alert alert, AlertStatus to, String action, @Nullable String note, String by) {
		int changed = jdbc.sql("""
				UPDATE alert SET status = :to, status_at = :at, status_by = :by, note = COALESCE(:note, note),
				  version = version + 1 WHERE id = :id AND version = :version""")
			.param("to", to.name())
			.param("at", Timestamp.from(Instant.now()))
			.param("by", by)
			.param("note", note)
			.param("id", alert.id())
			.param("version", alert.version())
			.update();
		if (changed == 0) {
			throw InvalidInputException.conflict("version", "monitoring.alert.stale");
		}
		audit.record(action, "alert", alert.id(), Map.of("status", alert.status().code()),
				note == null ? Map.of("status", to.code()) : Map.of("status", to.code(), "note", note));
	}

	private static AlertStatus requireFrom(Alert alert, AlertStatus to, AlertStatus... from) {
		if (!Arrays.asList(from).contains(alert.status())) {
			throw InvalidInputException.conflict("status", "monitoring.alert.step", alert.status().code(), to.code());
		}
		return to;
	}

	/** Alerts nobody could place are seen by those who see the whole province. */
	static String visible(AgencyScope scope) {
		return scope.unrestricted() ? "TRUE" : "a.agency_id IS NOT NULL AND " + scope.filter("a.agency_id");
	}

	private String where(Filter filter, AgencyScope scope, Map<String, Object> params) {
		List<String> sql = new ArrayList<>();
		sql.add(visible(scope));
		if (filter.agencyId() != null) {
			sql.add("a.agency_id IN (:within)");
			params.put("within", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.rule() != null) {
			sql.add("a.rule_uid = :rule");
			params.put("rule", filter.rule().strip());
		}
		if (filter.severity() != null) {
			sql.add("a.severity = :severity");
			params.put("severity", filter.severity().name());
		}
		if (filter.status() != null) {
			sql.add("a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.from() != null) {
			sql.add("a.last_seen_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.add("a.first_seen_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		return String.join(" AND ", sql);
	}

	static Alert map(ResultSet rs, int n) throws SQLException {
		String tags = rs.getString("tags");
		Timestamp statusAt = rs.getTimestamp("status_at");
		return new Alert(rs.getLong("id"), nullableLong(rs, "agency_id"), nullableLong(rs, "system_id"),
				nullableLong(rs, "asset_id"), rs.getString("rule_uid"), rs.getString("rule_title"),
				rs.getString("rule_author"), AlertSeverity.valueOf(rs.getString("severity")),
				tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" ")), rs.getString("host_name"),
				rs.getString("group_key"), AlertStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
				rs.getLong("event_count"), nullableLong(rs, "incident_id"), statusAt.toInstant(),
				rs.getString("status_by"), rs.getString("note"), rs.getInt("version"));
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

}
