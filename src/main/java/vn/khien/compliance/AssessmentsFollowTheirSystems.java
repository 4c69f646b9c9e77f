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
 * Assessments, engagements, remediation actions, lifecycle reviews and national
 * connections belong to their system's owner agency: when agencies merge, the successor
 * owns their systems and so their assessments, moved in the merge's transaction with one
 * {@code ASSESSMENTS_MOVED} entry per source agency.
 */
@Component
class AssessmentsFollowTheirSystems {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AssessmentsFollowTheirSystems(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		long successor = event.successorId();
		for (long source : event.sourceIds().stream().filter(id -> id != successor).distinct().toList()) {
			List<Long> assessments = jdbc.sql("SELECT id FROM assessment WHERE agency_id = :src ORDER BY id")
				.param("src", source)
				.query(Long.class)
				.list();
			int engagements = move("assessment_engagement", source, successor);
			int actions = move("assessment_action", source, successor);
			move("assessment", source, successor);
			int reviews = move("lifecycle_review", source, successor);
			move("national_monitoring_link", source, successor);
			if (!assessments.isEmpty() || engagements > 0 || reviews > 0) {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("agencyId", successor);
				after.put("effective", event.effective().toString());
				after.put("assessmentIds", assessments);
				after.put("engagements", engagements);
				after.put("actions", actions);
				after.put("lifecycleReviews", reviews);
				audit.record("ASSESSMENTS_MOVED", "agency", source, Map.of("agencyId", source), after);
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
