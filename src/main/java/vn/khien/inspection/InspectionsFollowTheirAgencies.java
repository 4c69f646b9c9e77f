package vn.khien.inspection;

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
 * When agencies merge, the successor answers for what was found at them and for fixing
 * it: their targets, rounds, findings and corrective actions move to it in the merge's
 * transaction, and its coverage of each year counts theirs. A merged inspecting body's
 * plans move too, so that its successor verifies their actions. One
 * {@code INSPECTIONS_MOVED} entry per source agency.
 */
@Component
class InspectionsFollowTheirAgencies {

	/** Rows that are simply their agency's and carry no version. */
	private static final List<String> HELD = List.of("inspection_action_event", "inspection_finding_link",
			"inspection_finding");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	InspectionsFollowTheirAgencies(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		long successor = event.successorId();
		for (long source : event.sourceIds().stream().filter(id -> id != successor).distinct().toList()) {
			List<Long> targetOf = ids("SELECT plan_id FROM inspection_target WHERE agency_id = :src ORDER BY plan_id",
					source);
			List<Long> inspectorOf = ids("SELECT id FROM inspection_plan WHERE inspecting_agency_id = :src ORDER BY id",
					source);
			if (targetOf.isEmpty() && inspectorOf.isEmpty()) {
				continue;
			}
			List<Long> shared = jdbc.sql("""
					SELECT s.plan_id FROM inspection_target s JOIN inspection_target t
					  ON t.plan_id = s.plan_id AND t.agency_id = :succ
					WHERE s.agency_id = :src ORDER BY s.plan_id""")
				.param("src", source)
				.param("succ", successor)
				.query(Long.class)
				.list();
			List<Long> rounds = ids("SELECT id FROM inspection_round WHERE agency_id = :src ORDER BY id", source);
			List<Long> actions = ids("SELECT id FROM inspection_action WHERE agency_id = :src ORDER BY id", source);
			moveTargets(source, successor);
			for (String table : HELD) {
				move(table, source, successor, false);
			}
			// NB: a writer holding a round or action read before the merge gets a
			// conflict
			// instead of writing the old agency again
			move("inspection_round", source, successor, true);
			move("inspection_action", source, successor, true);
			jdbc.sql("DELETE FROM inspection_target WHERE agency_id = :src").param("src", source).update();
			mergeCoverage(source, successor);
			jdbc.sql("UPDATE inspection_plan SET inspecting_agency_id = :succ WHERE inspecting_agency_id = :src")
				.param("succ", successor)
				.param("src", source)
				.update();
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("agencyId", successor);
			after.put("effective", event.effective().toString());
			after.put("targetOfPlanIds", targetOf);
			after.put("sharedPlanIds", shared);
			after.put("roundIds", rounds);
			after.put("actionIds", actions);
			after.put("inspectorOfPlanIds", inspectorOf);
			audit.record("INSPECTIONS_MOVED", "agency", source, Map.of("agencyId", source), after);
		}
	}

	/**
	 * The successor becomes a target of the source's plans before the rounds, whose key
	 * refers to the target, move to it. Where both were targets of one plan, the
	 * successor's row stays and spans the dates planned for either.
	 */
	private void moveTargets(long source, long successor) {
		jdbc.sql("""
				UPDATE inspection_target t SET
				  planned_from = (SELECT MIN(x.planned_from) FROM inspection_target x
				    WHERE x.plan_id = t.plan_id AND x.agency_id IN (:src, :succ)),
				  planned_to = (SELECT MAX(x.planned_to) FROM inspection_target x
				    WHERE x.plan_id = t.plan_id AND x.agency_id IN (:src, :succ))
				WHERE t.agency_id = :succ
				  AND EXISTS (SELECT 1 FROM inspection_target s WHERE s.plan_id = t.plan_id AND s.agency_id = :src)""")
			.param("src", source)
			.param("succ", successor)
			.update();
		jdbc.sql(
				"""
						INSERT INTO inspection_target (plan_id, agency_id, planned_from, planned_to)
						SELECT s.plan_id, :succ, s.planned_from, s.planned_to FROM inspection_target s
						WHERE s.agency_id = :src
						  AND NOT EXISTS (SELECT 1 FROM inspection_target t WHERE t.plan_id = s.plan_id AND t.agency_id = :succ)""")
			.param("src", source)
			.param("succ", successor)
			.update();
	}

	/**
	 * Folds the source's years into the successor's, counted again from the moved rows: a
	 * plan that targeted both counts once, and the successor is inspected in a year if
	 * either was.
	 */
	private void mergeCoverage(long source, long successor) {
		jdbc.sql("""
				INSERT INTO inspection_agency_year (agency_id, plan_year, targets, completed_rounds)
				SELECT :succ, y.plan_year, 0, 0 FROM inspection_agency_year y
				WHERE y.agency_id = :src AND NOT EXISTS (SELECT 1 FROM inspection_agency_year s
				  WHERE s.agency_id = :succ AND s.plan_year = y.plan_year)""")
			.param("src", source)
			.param("succ", successor)
			.update();
		jdbc.sql("""
				UPDATE inspection_agency_year y SET
				  targets = (SELECT COUNT(*) FROM inspection_target t JOIN inspection_plan p ON p.id = t.plan_id
				    WHERE t.agency_id = y.agency_id AND p.plan_year = y.plan_year),
				  completed_rounds = (SELECT COUNT(*) FROM inspection_round r
				    WHERE r.agency_id = y.agency_id AND r.plan_year = y.plan_year AND r.status = :completed)
				WHERE y.agency_id = :succ
				  AND y.plan_year IN (SELECT s.plan_year FROM inspection_agency_year s WHERE s.agency_id = :src)""")
			.param("src", source)
			.param("succ", successor)
			.param("completed", RoundStatus.COMPLETED.name())
			.update();
		jdbc.sql("DELETE FROM inspection_agency_year WHERE agency_id = :src").param("src", source).update();
	}

	private void move(String table, long source, long successor, boolean versioned) {
		jdbc.sql("UPDATE " + table + " SET agency_id = :succ" + (versioned ? ", version = version + 1" : "")
				+ " WHERE agency_id = :src")
			.param("succ", successor)
			.param("src", source)
			.update();
	}

	private List<Long> ids(String sql, long source) {
		return jdbc.sql(sql).param("src", source).query(Long.class).list();
	}

}
