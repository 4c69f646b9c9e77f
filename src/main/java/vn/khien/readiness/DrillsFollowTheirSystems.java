package vn.khien.readiness;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.SystemOwnerChanged;
import vn.khien.platform.AuditLog;
import vn.khien.registry.AgenciesMerged;

/**
 * Drill targets and the coverage read model carry their system's owner agency: when a
 * system changes hands or agencies merge, they follow in the same transaction.
 */
@Component
class DrillsFollowTheirSystems {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	DrillsFollowTheirSystems(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(SystemOwnerChanged event) {
		int targets = jdbc.sql("UPDATE drill_target SET agency_id = :to WHERE system_id = :s")
			.param("to", event.toAgencyId())
			.param("s", event.systemId())
			.update();
		int held = jdbc.sql("UPDATE drill_system_held SET agency_id = :to WHERE system_id = :s")
			.param("to", event.toAgencyId())
			.param("s", event.systemId())
			.update();
		if (targets + held > 0) {
			audit.record("DRILL_TARGETS_MOVED", "information_system", event.systemId(),
					Map.of("agencyId", event.fromAgencyId()), Map.of("agencyId", event.toAgencyId()));
		}
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		long successor = event.successorId();
		for (long source : event.sourceIds().stream().filter(id -> id != successor).distinct().toList()) {
			int targets = move("drill_target", source, successor);
			int held = move("drill_system_held", source, successor);
			if (targets + held > 0) {
				audit.record("DRILL_TARGETS_MOVED", "agency", source, Map.of("agencyId", source),
						Map.of("agencyId", successor, "targets", targets));
			}
		}
	}

	private int move(String table, long source, long successor) {
		return jdbc.sql("UPDATE " + table + " SET agency_id = :succ WHERE agency_id = :src")
			.param("succ", successor)
			.param("src", source)
			.update();
	}

}
