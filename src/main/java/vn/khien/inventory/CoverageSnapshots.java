package vn.khien.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyScope;

/**
 * The daily coverage snapshot: one row per agency with its own in-scope and protected hosts
 * (descendants are rolled up when read). Taking a day again replaces that day, so it is idempotent.
 */
@Component
public class CoverageSnapshots {

	private final Coverage coverage;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CoverageSnapshots(Coverage coverage, JdbcClient jdbc, JdbcTemplate template) {
		this.coverage = coverage;
		this.jdbc = jdbc;
		this.template = template;
	}

	public LocalDate today() {
		return Coverage.today();
	}

	/** Replaces the snapshot of {@code date} with today's figures of every agency; returns the rows written. */
	@Transactional
	public int take(LocalDate date) {
		// the snapshot covers the whole province whoever asks for it
		Map<Long, int[]> own = coverage.ownCounts(AgencyScope.all());
		jdbc.sql("DELETE FROM coverage_snapshot WHERE snapshot_date = :date").param("date", date).update();
		List<Map.Entry<Long, int[]>> rows = new ArrayList<>(own.entrySet());
		template.batchUpdate("INSERT INTO coverage_snapshot (snapshot_date, agency_id, in_scope, protected) VALUES (?, ?, ?, ?)",
				rows, 1000, (ps, row) -> {
					ps.setObject(1, date);
					ps.setLong(2, row.getKey());
					ps.setInt(3, row.getValue()[0]);
					ps.setInt(4, row.getValue()[1]);
				});
		return rows.size();
	}
}
