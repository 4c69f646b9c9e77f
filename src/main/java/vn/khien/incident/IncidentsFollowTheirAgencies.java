package vn.khien.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.registry.AgenciesMerged;

/**
 * Incidents belong to the agency they concern: when agencies merge, the successor’s
 * officers take over their incidents, and what those hold, in the merge’s transaction,
 * with one {@code INCIDENTS_MOVED} entry per source agency. Requests to an agency move
 * with it.
 */
@Component
class IncidentsFollowTheirAgencies {

	private static final List<String> HELD = List.of("incident_event", "incident_deadline", "incident_task",
			"incident_observable", "incident_evidence", "incident_asset");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	IncidentsFollowTheirAgencies(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		long successor = event.successorId();
		for (long source : event.sourceIds().stream().filter(id -> id != successor).distinct().toList()) {
			List<Long> incidents = jdbc.sql("SELECT id FROM incident WHERE agency_id = :src ORDER BY id")
				.param("src", source)
				.query(Long.class)
				.list();
			for (String table : HELD) {
				move(table, "agency_id", source, successor);
			}
			move("incident", "agency_id", source, successor);
			move("coordination_request", "incident_agency_id", source, successor);
			move("coordination_request", "agency_id", source, successor);
			move("advisory_recipient", "agency_id", source, successor);
			move("responder", "agency_id", source, successor);
			if (incidents.isEmpty()) {
				continue;
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("agencyId", successor);
			after.put("effective", event.effective().toString());
			after.put("incidentIds", incidents);
			audit.record("INCIDENTS_MOVED", "agency", source, Map.of("agencyId", source), after);
		}
	}

	private void move(String table, String column, long source, long successor) {
		jdbc.sql("UPDATE " + table + " SET " + column + " = :succ WHERE " + column + " = :src")
			.param("succ", successor)
			.param("src", source)
			.update();
	}

}
