package vn.khien.inventory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.RecordRows;
import vn.khien.registry.AgenciesMerged;
import vn.khien.registry.RecordsLeftBehind;

/**
 * Moves the assets of merged agencies to the successor, in the merge's transaction. An
 * asset the successor already has (same identity) stays with its old agency, so nothing
 * is lost or silently combined; it is kept in {@code asset_left_behind}, so the
 * reorganisation says how many stayed and the asset's page says why. Per source agency
 * one {@code ASSETS_MOVED} entry lists the assets moved, one {@code ASSETS_LEFT_BEHIND}
 * those that stayed. The coverage of the agencies involved is counted again in the same
 * transaction.
 */
@Component
class AssetsOfMergedAgencies implements RecordsLeftBehind {

	private static final Logger log = LoggerFactory.getLogger(AssetsOfMergedAgencies.class);

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CoverageByAgency coverage;

	AssetsOfMergedAgencies(JdbcClient jdbc, AuditLog audit, CoverageByAgency coverage) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.coverage = coverage;
	}

	record Staying(long id, String identityKey, long successorAssetId) {
	}

	// NB: first among the listeners: the findings of hosts follow the hosts (MergeOrder)
	@EventListener
	@org.springframework.core.annotation.Order(MergeOrder.HOSTS)
	@Transactional
	void on(AgenciesMerged merged) {
		long successor = merged.successorId();
		Set<Long> involved = new LinkedHashSet<>(merged.sourceIds());
		involved.add(successor);
		// NB: before the hosts are read, so imports into these agencies wait for the
		// merge, or the merge for them
		coverage.lock(involved);
		for (long source : new LinkedHashSet<>(merged.sourceIds())) {
			if (source == successor) {
				continue;
			}
			// One source at a time, so two sources holding the same host cannot both move
			List<Long> all = jdbc.sql("SELECT id FROM asset WHERE agency_id = :source ORDER BY id FOR UPDATE")
				.param("source", source)
				.query(Long.class)
				.list();
			if (all.isEmpty()) {
				continue;
			}
			List<Staying> staying = jdbc.sql("""
					SELECT a.id, a.identity_key, s.id AS successor_asset_id FROM asset a
					JOIN asset s ON s.identity_key = a.identity_key AND s.agency_id = :successor
					WHERE a.agency_id = :source ORDER BY a.id""")
				.param("successor", successor)
				.param("source", source)
				.query(RecordRows.of(Staying.class))
				.list();
			Set<Long> stays = new HashSet<>();
			staying.forEach(s -> stays.add(s.id()));
			List<Long> moving = all.stream().filter(id -> !stays.contains(id)).toList();
			for (int i = 0; i < moving.size(); i += CHUNK) {
				jdbc.sql("UPDATE asset SET agency_id = :successor WHERE agency_id = :source AND id IN (:ids)")
					.param("successor", successor)
					.param("source", source)
					.param("ids", moving.subList(i, Math.min(moving.size(), i + CHUNK)))
					.update();
			}
			Timestamp now = Timestamp.from(Instant.now());
			for (Staying s : staying) {
				jdbc.sql("DELETE FROM asset_left_behind WHERE asset_id = :id").param("id", s.id()).update();
				jdbc.sql(
						"""
								INSERT INTO asset_left_behind (asset_id, source_agency_id, successor_agency_id, successor_asset_id,
								  identity_key, effective_date, recorded_at)
								VALUES (:id, :source, :successor, :successorAsset, :key, :effective, :now)""")
					.param("id", s.id())
					.param("source", source)
					.param("successor", successor)
					.param("successorAsset", s.successorAssetId())
					.param("key", s.identityKey())
					.param("effective", Date.valueOf(merged.effective()))
					.param("now", now)
					.update();
			}
			if (!moving.isEmpty()) {
				audit.record("ASSETS_MOVED", "agency", source, Map.of("agencyId", source),
						detail(successor, merged, moving.size(), "assetIds", moving));
			}
			if (!staying.isEmpty()) {
				audit.record("ASSETS_LEFT_BEHIND", "agency", source, Map.of("agencyId", source),
						detail(successor, merged, staying.size(), "assets",
								staying.stream()
									.map(s -> Map.of("id", s.id(), "identityKey", s.identityKey(), "successorAssetId",
											s.successorAssetId()))
									.toList()));
				log.warn("{} assets of merged agency {} stayed with it: successor {} already has the same identities",
						staying.size(), source, successor);
			}
			log.info("moved {} assets of merged agency {} to {}", moving.size(), source, successor);
		}
		coverage.recount(involved);
	}

	private static Map<String, Object> detail(long successor, AgenciesMerged merged, int count, String listName,
			List<?> list) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("agencyId", successor);
		detail.put("effective", merged.effective().toString());
		detail.put("count", count);
		detail.put(listName, list);
		return detail;
	}

	@Override
	public String kind() {
		return "assets";
	}

	/**
	 * Assets still with the merged agency they stayed with; one deleted or moved on since
	 * no longer counts.
	 */
	@Override
	public long count(Collection<Long> sourceAgencyIds) {
		return jdbc
			.sql("""
					SELECT COUNT(*) FROM asset_left_behind l JOIN asset a ON a.id = l.asset_id AND a.agency_id = l.source_agency_id
					WHERE l.source_agency_id IN (:sources)""")
			.param("sources", new ArrayList<>(sourceAgencyIds))
			.query(Long.class)
			.single();
	}

}
