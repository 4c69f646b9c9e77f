package vn.khien.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;

/**
 * How many systems in use each owner agency has at each approved security level: a read
 * model recounted, for the agencies a change touched, in the transaction of every write
 * to the systems.
 */
@Component
public class SystemLevels {

	private static final int CHUNK = 1000;

	/**
	 * One owner agency's systems in use (not retired) at one approved level (0: none
	 * approved yet).
	 */
	public record Count(long agencyId, int approvedLevel, int systems) {
	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	SystemLevels(JdbcClient jdbc, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
	}

	/** The counts of the agencies in the caller's scope. */
	public List<Count> inScope() {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT agency_id, approved_level, systems FROM system_level_by_agency c WHERE "
					+ scope.filter("c.agency_id") + " ORDER BY agency_id, approved_level"))
			.query((rs, n) -> new Count(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	@Transactional
	void recount(Collection<Long> agencyIds) {
		List<Long> ids = new ArrayList<>(new TreeSet<>(agencyIds));
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			jdbc.sql("DELETE FROM system_level_by_agency WHERE agency_id IN (:ids)").param("ids", chunk).update();
			jdbc.sql("""
					INSERT INTO system_level_by_agency (agency_id, approved_level, systems)
					SELECT owner_agency_id, COALESCE(security_level_approved, 0), COUNT(*) FROM information_system
					WHERE owner_agency_id IN (:ids) AND lifecycle <> 'RETIRED'
					GROUP BY owner_agency_id, COALESCE(security_level_approved, 0)""").param("ids", chunk).update();
		}
	}

	void recount(long... agencyIds) {
		Set<Long> ids = new TreeSet<>();
		for (long id : agencyIds) {
			ids.add(id);
		}
		recount(ids);
	}

}
