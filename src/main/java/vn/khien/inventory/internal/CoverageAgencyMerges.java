package vn.khien.inventory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.CoverageSnapshots;
import vn.khien.platform.AuditLog;
import vn.khien.registry.AgenciesMerged;

/**
 * Moves the coverage history and campaign participation of merged agencies to their
 * successor, so the successor's trend keeps the merged agencies' past; one
 * {@code COVERAGE_MOVED} entry per source agency says how many days of history and which
 * campaigns. Hosts move with the assets.
 */
@Component
class CoverageAgencyMerges {

	private final JdbcClient jdbc;

	private final CoverageSnapshots snapshots;

	private final AuditLog audit;

	CoverageAgencyMerges(JdbcClient jdbc, CoverageSnapshots snapshots, AuditLog audit) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		Set<Long> sources = new HashSet<>(event.sourceIds());
		sources.remove(event.successorId());
		if (sources.isEmpty()) {
			return;
		}
		Map<Long, Long> days = snapshots.moveHistory(sources, event.successorId());
		Map<Long, List<Long>> campaignsOf = new HashMap<>();
		jdbc.sql(
				"SELECT agency_id, campaign_id FROM malware_campaign_agency WHERE agency_id IN (:ids) ORDER BY campaign_id")
			.param("ids", sources)
			.query(rs -> {
				campaignsOf.computeIfAbsent(rs.getLong("agency_id"), a -> new ArrayList<>())
					.add(rs.getLong("campaign_id"));
			});
		List<Long> campaigns = jdbc
			.sql("SELECT DISTINCT campaign_id FROM malware_campaign_agency WHERE agency_id IN (:ids)")
			.param("ids", sources)
			.query(Long.class)
			.list();
		jdbc.sql("DELETE FROM malware_campaign_agency WHERE agency_id IN (:ids)").param("ids", sources).update();
		for (Long campaign : campaigns) {
			if (jdbc.sql("SELECT COUNT(*) FROM malware_campaign_agency WHERE campaign_id = :c AND agency_id = :a")
				.param("c", campaign)
				.param("a", event.successorId())
				.query(Long.class)
				.single() == 0) {
				jdbc.sql("INSERT INTO malware_campaign_agency (campaign_id, agency_id) VALUES (:c, :a)")
					.param("c", campaign)
					.param("a", event.successorId())
					.update();
			}
		}
		for (long source : event.sourceIds().stream().filter(sources::contains).distinct().toList()) {
			long snapshotDays = days.getOrDefault(source, 0L);
			List<Long> campaignIds = campaignsOf.getOrDefault(source, List.of());
			if (snapshotDays > 0 || !campaignIds.isEmpty()) {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("agencyId", event.successorId());
				after.put("effective", event.effective().toString());
				after.put("snapshotDays", snapshotDays);
				after.put("campaignIds", campaignIds);
				audit.record("COVERAGE_MOVED", "agency", source, Map.of("agencyId", source), after);
			}
		}
	}

}
