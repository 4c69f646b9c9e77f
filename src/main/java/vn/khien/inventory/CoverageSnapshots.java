package vn.khien.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily coverage snapshot: one row per agency with its own in-scope and protected
 * hosts, copied from the read model (descendants are rolled up when read). Each agency's
 * row is written on its own, with an upsert, while holding the agency's coverage row, so
 * a coverage import (which writes its agency's row of today) and the nightly run never
 * meet on a row. Taking a day again replaces that day's figures, so it is idempotent.
 */
@Component
public class CoverageSnapshots {

	private final CoverageByAgency readModel;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	CoverageSnapshots(CoverageByAgency readModel, JdbcClient jdbc, JdbcTemplate template,
			TransactionTemplate transactions) {
		this.readModel = readModel;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
	}

	public LocalDate today() {
		return Coverage.today();
	}

	/**
	 * Writes today's figures of every agency as the snapshot of {@code date}, one agency
	 * per transaction (when the caller has none); returns the agencies with hosts in
	 * scope.
	 */
	public int take(LocalDate date) {
		List<Long> agencies = jdbc.sql("""
				SELECT agency_id FROM coverage_by_agency
				UNION SELECT agency_id FROM coverage_snapshot WHERE snapshot_date = :date
				ORDER BY agency_id""").param("date", date).query(Long.class).list();
		int rows = 0;
		for (long agencyId : agencies) {
			Integer written = transactions.execute(status -> {
				readModel.lock(List.of(agencyId));
				return record(agencyId, date);
			});
			rows += written == null ? 0 : written;
		}
		return rows;
	}

	/**
	 * Writes the agency's figures of today as its snapshot row of {@code date}; the
	 * caller holds the agency's coverage row ({@link CoverageByAgency#lock}). Returns 1
	 * when the agency has hosts in scope, else removes the row and returns 0.
	 */
	int record(long agencyId, LocalDate date) {
		CoverageByAgency.Figures figures = readModel.figures(List.of(agencyId), today())
			.getOrDefault(agencyId, CoverageByAgency.Figures.NONE);
		if (figures.inScope() == 0) {
			jdbc.sql("DELETE FROM coverage_snapshot WHERE snapshot_date = :date AND agency_id = :agency")
				.param("date", date)
				.param("agency", agencyId)
				.update();
			return 0;
		}
		// NB: an upsert that a concurrent insert of the same row cannot break
		// (PostgreSQL's MERGE can fail on the key)
		int inserted = jdbc.sql("""
				INSERT INTO coverage_snapshot (snapshot_date, agency_id, in_scope, protected)
				VALUES (:date, :agency, :inScope, :protected) ON CONFLICT DO NOTHING""")
			.param("date", date)
			.param("agency", agencyId)
			.param("inScope", figures.inScope())
			.param("protected", figures.protectedHosts())
			.update();
		if (inserted == 0) {
			jdbc.sql("""
					UPDATE coverage_snapshot SET in_scope = :inScope, protected = :protected
					WHERE snapshot_date = :date AND agency_id = :agency""")
				.param("date", date)
				.param("agency", agencyId)
				.param("inScope", figures.inScope())
				.param("protected", figures.protectedHosts())
				.update();
		}
		return 1;
	}

	/**
	 * Adds the daily figures of merged agencies to their successor's, day by day, and
	 * removes theirs, in the merge's transaction, so the successor's trend keeps their
	 * past. Returns the days of history of each source.
	 */
	@Transactional
	public Map<Long, Long> moveHistory(Collection<Long> sourceIds, long successorId) {
		Set<Long> sources = new HashSet<>(sourceIds);
		sources.remove(successorId);
		Map<Long, Long> days = new HashMap<>();
		if (sources.isEmpty()) {
			return days;
		}
		Set<Long> all = new HashSet<>(sources);
		all.add(successorId);
		readModel.lock(all);
		jdbc.sql(
				"SELECT agency_id, COUNT(*) AS snapshots FROM coverage_snapshot WHERE agency_id IN (:ids) GROUP BY agency_id")
			.param("ids", sources)
			.query(rs -> {
				days.put(rs.getLong("agency_id"), rs.getLong("snapshots"));
			});
		List<Object[]> sums = new ArrayList<>();
		jdbc.sql("SELECT snapshot_date, SUM(in_scope) AS in_scope, SUM(protected) AS protected_hosts"
				+ " FROM coverage_snapshot WHERE agency_id IN (:ids) GROUP BY snapshot_date")
			.param("ids", all)
			.query(rs -> {
				sums.add(new Object[] { rs.getDate("snapshot_date"), successorId, rs.getInt("in_scope"),
						rs.getInt("protected_hosts") });
			});
		jdbc.sql("DELETE FROM coverage_snapshot WHERE agency_id IN (:ids)").param("ids", all).update();
		if (!sums.isEmpty()) {
			template.batchUpdate(
					"INSERT INTO coverage_snapshot (snapshot_date, agency_id, in_scope, protected) VALUES (?, ?, ?, ?)",
					sums);
		}
		return days;
	}

}
