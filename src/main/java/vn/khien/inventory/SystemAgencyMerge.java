package vn.khien.inventory;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.registry.AgenciesMerged;

/**
 * Moves systems owned, operated or used by merged agencies, and their hosts, to the successor, in
 * the merge's own transaction so a merge never leaves records behind half-moved.
 */
@Component
class SystemAgencyMerge {

	private static final Logger log = LoggerFactory.getLogger(SystemAgencyMerge.class);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SystemAgencyMerge(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		var sources = event.sourceIds().stream().filter(id -> id != event.successorId()).toList();
		if (sources.isEmpty()) {
			return;
		}
		long succ = event.successorId();
		int owned = jdbc.sql("UPDATE information_system SET owner_agency_id = :succ WHERE owner_agency_id IN (:src)")
			.param("succ", succ).param("src", sources).update();
		int operated = jdbc.sql("UPDATE information_system SET operator_agency_id = :succ WHERE operator_agency_id IN (:src)")
			.param("succ", succ).param("src", sources).update();
		int used = jdbc.sql("""
				INSERT INTO system_user_agency (system_id, agency_id)
				SELECT DISTINCT u.system_id, :succ FROM system_user_agency u JOIN information_system s ON s.id = u.system_id
				WHERE u.agency_id IN (:src) AND s.owner_agency_id <> :succ
				  AND NOT EXISTS (SELECT 1 FROM system_user_agency x WHERE x.system_id = u.system_id AND x.agency_id = :succ)""")
			.param("succ", succ).param("src", sources).update();
		jdbc.sql("DELETE FROM system_user_agency WHERE agency_id IN (:src)").param("src", sources).update();
		// NB: the successor may now own a system it used: an owner is not its own user agency
		jdbc.sql("""
				DELETE FROM system_user_agency WHERE agency_id = :succ
				  AND system_id IN (SELECT id FROM information_system WHERE owner_agency_id = :succ)""")
			.param("succ", succ).update();
		jdbc.sql("""
				UPDATE information_system SET shared = CASE WHEN EXISTS
				  (SELECT 1 FROM system_user_agency u WHERE u.system_id = information_system.id) THEN TRUE ELSE FALSE END
				WHERE owner_agency_id = :succ OR id IN (SELECT system_id FROM system_user_agency WHERE agency_id = :succ)""")
			.param("succ", succ).update();
		int assets = 0;
		// NB: one source at a time, so a host known to two merged agencies moves once and never breaks asset_identity
		for (Long source : sources) {
			assets += jdbc.sql("""
					UPDATE asset SET agency_id = :succ WHERE agency_id = :src AND NOT EXISTS
					  (SELECT 1 FROM asset b WHERE b.agency_id = :succ AND b.identity_key = asset.identity_key)""")
				.param("succ", succ).param("src", source).update();
		}
		long left = jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id IN (:src)").param("src", sources)
			.query(Long.class).single();
		if (left > 0) {
			log.warn("{} hosts of merged agencies {} already exist at successor {} and were left in place", left, sources, succ);
		}
		audit.record("AGENCIES_MERGED", "information_system", null, Map.of("sourceIds", sources),
				Map.of("successorId", succ, "owned", owned, "operated", operated, "usedAdded", used, "assets", assets,
						"assetsLeft", left));
	}
}
