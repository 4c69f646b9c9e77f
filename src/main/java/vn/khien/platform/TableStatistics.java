package vn.khien.platform;

import java.util.regex.Pattern;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's statistics of a table in step with a large import inside one
 * transaction. A table that grows by hundreds of thousands of rows in one transaction
 * keeps the statistics it had before (autovacuum sees committed rows only), so an agency
 * that had no hosts is still planned as having none: each batch's look-up of 1,000
 * identity keys became a scan of every host the import had written so far (160 ms a batch
 * at 300,000 hosts, 4 ms after an {@code ANALYZE}). An {@code ANALYZE} inside the
 * transaction samples its own rows too. Nothing to do on H2, which plans without
 * statistics of that kind.
 */
@Component
public class TableStatistics {

	/** Rows a transaction writes before its table is analysed the first time. */
	static final long FIRST_REFRESH = 10_000;

	private static final Pattern TABLE = Pattern.compile("[a-z_]+");

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	public TableStatistics(JdbcTemplate jdbc, DataSourceProperties dataSource) {
		this.jdbc = jdbc;
		String url = dataSource.getUrl();
		this.postgres = url != null && url.startsWith("jdbc:postgresql:");
	}

	/**
	 * Counts one transaction's rows written to a table and analyses it when they reach
	 * 10,000, 40,000, 160,000, … (each time four times as many: a plan only needs the
	 * order of magnitude).
	 */
	public Growth growth(String table) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		return new Growth(table);
	}

	/** The rows one transaction wrote to one table. */
	public final class Growth {

		private final String table;

		private long written;

		private long next = FIRST_REFRESH;

		private Growth(String table) {
			this.table = table;
		}

		/** Records rows just written; analyses the table when they pass the next mark. */
		public void wrote(long rows) {
			written += rows;
			if (postgres && written >= next) {
				// NB: SKIP_LOCKED: the lock is held to the end of the transaction, and
				// a concurrent import that analysed first must not make this one wait
				jdbc.execute("ANALYZE (SKIP_LOCKED) " + table);
				while (next <= written) {
					next *= 4;
				}
			}
		}

	}

}
