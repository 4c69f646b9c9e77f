package vn.khien.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

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
	 * approved yet), and how many of them are monitored (by the SOC or an organisation).
	 */
	public record Count(long agencyId, int approvedLevel, int systems, int monitored) {
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
			.bind(jdbc.sql("SELECT agency_id, approved_level, systems, monitored FROM system_level_by_agency c WHERE "
					+ scope.filter("c.agency_id") + " ORDER BY agency_id, approved_level"))
			.query((rs, n) -> new Count(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** How many systems a duty falls on and how many did it. */
	public record Tally(long required, long met) {
	}

	/**
	 * A duty of the systems in use in the caller's scope whose approved level
	 * {@code covered} accepts: how many there are (from the counts), and how many of the
	 * systems {@code done} names (a module's query of its records: the ids of the systems
	 * that did it in the period) still owe it, each checked against its level and owner
	 * now.
	 */
	public Tally tally(IntPredicate covered, JdbcClient.StatementSpec done) {
		long required = 0;
		for (Count c : inScope()) {
			if (covered.test(c.approvedLevel())) {
				required += c.systems();
			}
		}
		AgencyScope scope = currentUser.scope();
		long met = approvedInUse(done.query(Long.class).set()).values()
			.stream()
			.filter(c -> scope.includes(c.agencyId()) && covered.test(c.approvedLevel()))
			.count();
		return new Tally(required, met);
	}

	/**
	 * Of {@code systemIds}, those in use with an approved level, by id, with their owner
	 * agency and level: how a module checks the few systems its records name against what
	 * the counts count.
	 */
	public Map<Long, Count> approvedInUse(Collection<Long> systemIds) {
		Map<Long, Count> found = inUse(systemIds);
		found.values().removeIf(c -> c.approvedLevel() == 0);
		return found;
	}

	/**
	 * Of {@code systemIds}, those in use, by id, each as a count of one with its owner
	 * agency and approved level (0: none yet).
	 */
	public Map<Long, Count> inUse(Collection<Long> systemIds) {
		List<Long> ids = new ArrayList<>(new TreeSet<>(systemIds));
		Map<Long, Count> found = new HashMap<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			jdbc.sql("""
					SELECT id, owner_agency_id, COALESCE(security_level_approved, 0),
					  CASE WHEN monitoring_kind <> 'NONE' THEN 1 ELSE 0 END FROM information_system
					WHERE id IN (:ids) AND lifecycle <> 'RETIRED'""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.query(rs -> {
					found.put(rs.getLong(1), new Count(rs.getLong(2), rs.getInt(3), 1, rs.getInt(4)));
				});
		}
		return found;
	}

	@Transactional
	void recount(Collection<Long> agencyIds) {
		List<Long> ids = new ArrayList<>(new TreeSet<>(agencyIds));
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			jdbc.sql("DELETE FROM system_level_by_agency WHERE agency_id IN (:ids)").param("ids", chunk).update();
			jdbc.sql("""
					INSERT INTO system_level_by_agency (agency_id, approved_level, systems, monitored)
					SELECT owner_agency_id, COALESCE(security_level_approved, 0), COUNT(*),
					  SUM(CASE WHEN monitoring_kind <> 'NONE' THEN 1 ELSE 0 END) FROM information_system
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
