package vn.khien.inventory;

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
 * Moves systems owned, operated or used by merged agencies to the successor, in the
 * merge's own transaction so a merge never leaves records behind half-moved; one
 * {@code SYSTEMS_MOVED} entry per source agency says which. Their hosts move with the
 * assets ({@link AssetsOfMergedAgencies}).
 */
@Component
class SystemAgencyMerge {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SystemLevels levels;

	SystemAgencyMerge(JdbcClient jdbc, AuditLog audit, SystemLevels levels) {
		this.jdbc = jdbc;
		this.levels = levels;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		var sources = event.sourceIds().stream().filter(id -> id != event.successorId()).distinct().toList();
		if (sources.isEmpty()) {
			return;
		}
		long succ = event.successorId();
		for (long source : sources) {
			List<Long> owned = move("owner_agency_id", source, succ);
			List<Long> operated = move("operator_agency_id", source, succ);
			List<Long> used = jdbc
				.sql("SELECT system_id FROM system_user_agency WHERE agency_id = :src ORDER BY system_id")
				.param("src", source)
				.query(Long.class)
				.list();
			int usesAdded = jdbc
				.sql("""
						INSERT INTO system_user_agency (system_id, agency_id)
						SELECT u.system_id, :succ FROM system_user_agency u JOIN information_system s ON s.id = u.system_id
						WHERE u.agency_id = :src AND s.owner_agency_id <> :succ
						  AND NOT EXISTS (SELECT 1 FROM system_user_agency x WHERE x.system_id = u.system_id AND x.agency_id = :succ)""")
				.param("succ", succ)
				.param("src", source)
				.update();
			jdbc.sql("DELETE FROM system_user_agency WHERE agency_id = :src").param("src", source).update();
			if (!owned.isEmpty() || !operated.isEmpty() || !used.isEmpty()) {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("agencyId", succ);
				after.put("effective", event.effective().toString());
				after.put("ownedSystemIds", owned);
				after.put("operatedSystemIds", operated);
				after.put("usedSystemIds", used);
				after.put("usesAdded", usesAdded);
				audit.record("SYSTEMS_MOVED", "agency", source, Map.of("agencyId", source), after);
			}
		}
		// NB: the successor may now own a system it used: an owner is not its own user
		// agency
		jdbc.sql("""
				DELETE FROM system_user_agency WHERE agency_id = :succ
				  AND system_id IN (SELECT id FROM information_system WHERE owner_agency_id = :succ)""")
			.param("succ", succ)
			.update();
		jdbc.sql(
				"""
						UPDATE information_system SET shared = CASE WHEN EXISTS
						  (SELECT 1 FROM system_user_agency u WHERE u.system_id = information_system.id) THEN TRUE ELSE FALSE END
						WHERE owner_agency_id = :succ OR id IN (SELECT system_id FROM system_user_agency WHERE agency_id = :succ)""")
			.param("succ", succ)
			.update();
		List<Long> involved = new java.util.ArrayList<>(sources);
		involved.add(succ);
		levels.recount(involved);
	}

	/** Hands the source's systems in this role to the successor; answers which. */
	private List<Long> move(String column, long source, long succ) {
		List<Long> ids = jdbc
			.sql("SELECT id FROM information_system WHERE " + column + " = :src ORDER BY id FOR UPDATE")
			.param("src", source)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			jdbc.sql(
					"UPDATE information_system SET " + column + " = :succ WHERE " + column + " = :src AND id IN (:ids)")
				.param("succ", succ)
				.param("src", source)
				.param("ids", ids)
				.update();
		}
		return ids;
	}

}
