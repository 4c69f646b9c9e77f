package vn.khien.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.SystemOwnerChanged;
import vn.khien.platform.AuditLog;
import vn.khien.registry.AgenciesMerged;

/**
 * Response plans belong to their system's owner agency: when agencies merge, the
 * successor owns their systems and so their plans, moved in the merge's transaction with
 * one {@code RESPONSE_PLANS_MOVED} entry per source agency; a system given to another
 * owner takes its plan along.
 */
@Component
class ResponsePlansFollowTheirAgencies {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ResponsePlansFollowTheirAgencies(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A system given to another owner takes its plan along (before its next save). */
	@EventListener
	@Transactional
	public void on(SystemOwnerChanged event) {
		List<Long> plans = jdbc.sql("SELECT id FROM response_plan WHERE system_id = :s")
			.param("s", event.systemId())
			.query(Long.class)
			.list();
		if (plans.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE response_plan SET agency_id = :to WHERE id IN (:plans)")
			.param("to", event.toAgencyId())
			.param("plans", plans)
			.update();
		for (String table : List.of("response_plan_task", "response_scenario", "response_plan_version")) {
			jdbc.sql("UPDATE " + table + " SET agency_id = :to WHERE plan_id IN (:plans)")
				.param("to", event.toAgencyId())
				.param("plans", plans)
				.update();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("agencyId", event.toAgencyId());
		after.put("systemId", event.systemId());
		after.put("responsePlanIds", plans);
		audit.record("RESPONSE_PLANS_MOVED", "agency", event.fromAgencyId(), Map.of("agencyId", event.fromAgencyId()),
				after);
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		long successor = event.successorId();
		for (long source : event.sourceIds().stream().filter(id -> id != successor).distinct().toList()) {
			List<Long> plans = jdbc.sql("SELECT id FROM response_plan WHERE agency_id = :src ORDER BY id")
				.param("src", source)
				.query(Long.class)
				.list();
			if (plans.isEmpty()) {
				continue;
			}
			for (String table : List.of("response_plan_task", "response_scenario", "response_plan_version",
					"response_plan")) {
				jdbc.sql("UPDATE " + table + " SET agency_id = :succ WHERE agency_id = :src")
					.param("succ", successor)
					.param("src", source)
					.update();
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("agencyId", successor);
			after.put("effective", event.effective().toString());
			after.put("responsePlanIds", plans);
			audit.record("RESPONSE_PLANS_MOVED", "agency", source, Map.of("agencyId", source), after);
		}
	}

}
