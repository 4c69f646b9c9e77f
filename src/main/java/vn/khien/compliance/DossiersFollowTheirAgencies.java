package vn.khien.compliance;

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
 * Dossiers belong to their system’s owner agency: when agencies merge, the successor owns
 * their systems and so their dossiers and steps, moved in the merge’s transaction with
 * one {@code DOSSIERS_MOVED} entry per source agency.
 */
@Component
class DossiersFollowTheirAgencies {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	DossiersFollowTheirAgencies(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		long successor = event.successorId();
		for (long source : event.sourceIds().stream().filter(id -> id != successor).distinct().toList()) {
			List<Long> dossiers = jdbc.sql("SELECT id FROM dossier WHERE agency_id = :src ORDER BY id")
				.param("src", source)
				.query(Long.class)
				.list();
			if (dossiers.isEmpty()) {
				continue;
			}
			for (String table : List.of("dossier_step", "dossier")) {
				jdbc.sql("UPDATE " + table + " SET agency_id = :succ WHERE agency_id = :src")
					.param("succ", successor)
					.param("src", source)
					.update();
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("agencyId", successor);
			after.put("effective", event.effective().toString());
			after.put("dossierIds", dossiers);
			audit.record("DOSSIERS_MOVED", "agency", source, Map.of("agencyId", source), after);
		}
	}

}
