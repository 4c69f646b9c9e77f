package vn.khien.monitoring.sharing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.monitoring.Alert;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.AlertStatus;
import vn.khien.monitoring.Alerts;
import vn.khien.platform.AuditLog;
import vn.khien.platform.stix.Tlp;

/**
 * Alerts as they are shared: each alert's TLP (an analyst's to change, audited), one
 * alert as a MISP event for whoever may read it, and the province's alerts in the order
 * they were published for the TAXII server.
 */
@Component
public class AlertSharing {

	/**
	 * When an alert's objects were last published: its last step or its last TLP change,
	 * whichever came later (both server time, so a client polling with added_after misses
	 * nothing).
	 */
	static final String ADDED = "CASE WHEN a.tlp_at IS NOT NULL AND a.tlp_at > a.status_at THEN a.tlp_at ELSE a.status_at END";

	private static final String COLUMNS = """
			a.id, a.rule_uid, a.rule_title, a.rule_author, a.severity, a.tags, a.status, a.first_seen_at,
			a.last_seen_at, a.event_count, a.tlp, """ + ADDED + " AS added_at";

	private final JdbcClient jdbc;

	private final Alerts alerts;

	private final AuditLog audit;

	private final JsonMapper json;

	private final SharingSettings settings;

	AlertSharing(JdbcClient jdbc, Alerts alerts, AuditLog audit, JsonMapper json, SharingSettings settings) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.audit = audit;
		this.json = json;
		this.settings = settings;
	}

	/** An alert's TLP and when its objects were last published. */
	public record Marking(long alertId, String tlp, Instant publishedAt) {
	}

	/**
	 * Where a reading of the collection stands: an alert's publication, and an object of
	 * it.
	 */
	record Position(Instant addedAt, long alertId, int index) {
	}

	/** The alert's TLP; 404 outside the caller's scope. */
	public Marking marking(long alertId) {
		alerts.get(alertId);
		return jdbc.sql("SELECT a.id, a.tlp, " + ADDED + " FROM alert a WHERE a.id = :id")
			.param("id", alertId)
			.query((rs, n) -> new Marking(rs.getLong(1), Tlp.of(rs.getString(2)).code(),
					rs.getTimestamp(3).toInstant()))
			.single();
	}

	/**
	 * Sets the alert's TLP 2.0 label; its objects are published again, under the new
	 * marking. 404 outside the caller's scope.
	 */
	@Transactional
	public Marking changeTlp(long alertId, @Nullable String label) {
		Alert alert = alerts.get(alertId);
		Tlp to = TaxiiClients.label(label, "tlp");
		Marking before = marking(alert.id());
		if (Tlp.of(before.tlp()) == to) {
			return before;
		}
		jdbc.sql("UPDATE alert SET tlp = :tlp, tlp_at = :at WHERE id = :id")
			.param("tlp", to.name())
			.param("at", Timestamp.from(Instant.now()))
			.param("id", alert.id())
			.update();
		audit.record("ALERT_TLP_CHANGED", "alert", alert.id(), Map.of("tlp", before.tlp()), Map.of("tlp", to.code()));
		return marking(alert.id());
	}

	/** The alert as a MISP event; 404 outside the caller's scope. */
	public String misp(long alertId) {
		alerts.get(alertId);
		List<SharedAlert> found = load("a.id = :id", Map.of("id", alertId), 1);
		return new AlertMisp(json, settings.producerName()).misp(found.get(0));
	}

	/**
	 * Alerts at one of these labels published after {@code addedAfter}, from a position
	 * on (that alert included), in the order they were published.
	 */
	List<SharedAlert> published(Set<Tlp> labels, @Nullable Instant addedAfter, @Nullable Position from, int limit) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add("a.tlp IN (:labels)");
		params.put("labels", labels.stream().map(Tlp::name).toList());
		if (addedAfter != null) {
			where.add(ADDED + " > :after");
			params.put("after", Timestamp.from(addedAfter));
		}
		if (from != null) {
			where.add("(" + ADDED + " > :fromAt OR (" + ADDED + " = :fromAt AND a.id >= :fromId))");
			params.put("fromAt", Timestamp.from(from.addedAt()));
			params.put("fromId", from.alertId());
		}
		return load(String.join(" AND ", where), params, limit);
	}

	private List<SharedAlert> load(String where, Map<String, Object> params, int limit) {
		record Row(long id, String ruleUid, String ruleTitle, @Nullable String ruleAuthor, AlertSeverity severity,
				List<String> tags, AlertStatus status, Instant firstSeenAt, Instant lastSeenAt, long eventCount,
				Tlp tlp, Instant addedAt) {
		}
		List<Row> rows = jdbc
			.sql("SELECT " + COLUMNS + " FROM alert a WHERE " + where + " ORDER BY " + ADDED + ", a.id LIMIT " + limit)
			.params(params)
			.query((rs, n) -> {
				String tags = rs.getString("tags");
				return new Row(rs.getLong("id"), rs.getString("rule_uid"), rs.getString("rule_title"),
						rs.getString("rule_author"), AlertSeverity.valueOf(rs.getString("severity")),
						tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" ")),
						AlertStatus.valueOf(rs.getString("status")), rs.getTimestamp("first_seen_at").toInstant(),
						rs.getTimestamp("last_seen_at").toInstant(), rs.getLong("event_count"),
						Tlp.of(rs.getString("tlp")), rs.getTimestamp("added_at").toInstant());
			})
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> ecs = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT ae.alert_id, e.ecs FROM alert_event ae JOIN monitored_event e ON e.id = ae.event_id
				WHERE ae.alert_id IN (:ids) ORDER BY ae.alert_id, e.event_at, e.id""")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs, n) -> ecs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<Long, List<SharedAlert.Observable>> observables = new HashMap<>();
		List<String> bare = new ArrayList<>();
		for (Row row : rows) {
			List<SharedAlert.Observable> found = AlertObservables.of(json, ecs.getOrDefault(row.id(), List.of()));
			observables.put(row.id(), found);
			if (found.isEmpty()) {
				bare.add(row.ruleUid());
			}
		}
		Map<String, String> yaml = new HashMap<>();
		if (!bare.isEmpty()) {
			jdbc.sql("SELECT rule_uid, yaml FROM detection_rule WHERE rule_uid IN (:uids)")
				.param("uids", bare.stream().distinct().toList())
				.query((rs, n) -> yaml.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return rows.stream()
			.map(r -> new SharedAlert(r.id(), r.ruleUid(), r.ruleTitle(), r.ruleAuthor(), r.severity(), r.tags(),
					r.status(), r.firstSeenAt(), r.lastSeenAt(), r.eventCount(), r.tlp(), r.addedAt(),
					observables.get(r.id()), yaml.get(r.ruleUid())))
			.toList();
	}

}
