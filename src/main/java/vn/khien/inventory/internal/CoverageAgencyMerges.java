package vn.khien.inventory.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.registry.AgenciesMerged;

/**
 * Moves the coverage history and campaign participation of merged agencies to their successor, so
 * the successor's trend keeps the merged agencies' past. Hosts move with the assets.
 */
@Component
class CoverageAgencyMerges {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CoverageAgencyMerges(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	@EventListener
	@Transactional
	public void on(AgenciesMerged event) {
		Set<Long> sources = new HashSet<>(event.sourceIds());
		sources.remove(event.successorId());
		if (sources.isEmpty()) {
			return;
		}
		Set<Long> all = new HashSet<>(sources);
		all.add(event.successorId());
		List<Object[]> sums = new ArrayList<>();
		jdbc.sql("SELECT snapshot_date, SUM(in_scope) AS in_scope, SUM(protected) AS protected_hosts"
				+ " FROM coverage_snapshot WHERE agency_id IN (:ids) GROUP BY snapshot_date")
			.param("ids", all)
			.query(rs -> {
				sums.add(new Object[] { rs.getDate("snapshot_date"), event.successorId(), rs.getInt("in_scope"),
						rs.getInt("protected_hosts") });
			});
		jdbc.sql("DELETE FROM coverage_snapshot WHERE agency_id IN (:ids)").param("ids", all).update();
		template.batchUpdate(
				"INSERT INTO coverage_snapshot (snapshot_date, agency_id, in_scope, protected) VALUES (?, ?, ?, ?)", sums);
		List<Long> campaigns = jdbc.sql("SELECT DISTINCT campaign_id FROM malware_campaign_agency WHERE agency_id IN (:ids)")
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
	}

}
