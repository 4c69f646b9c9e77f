package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.KhienTest;

/**
 * A large write inside one transaction analyses its table on PostgreSQL, inside that
 * transaction, at the marks {@link TableStatistics} names.
 */
@KhienTest
class TableStatisticsTests {

	@Autowired
	TableStatistics statistics;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSourceProperties dataSource;

	@Test
	void onPostgresTheTableIsAnalysedInsideTheTransactionOnceItsRowsReachTheMark() {
		assumeTrue(dataSource.getUrl().startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 keeps no such statistics");
		template.execute("DROP TABLE IF EXISTS statistics_probe");
		template.execute("CREATE TABLE statistics_probe (id BIGINT PRIMARY KEY, agency_id BIGINT NOT NULL)");
		try {
			List<Long> counts = new ArrayList<>();
			transactions.executeWithoutResult(status -> {
				TableStatistics.Growth growth = statistics.growth("statistics_probe");
				List<Object[]> rows = new ArrayList<>();
				for (long i = 0; i < TableStatistics.FIRST_REFRESH; i++) {
					rows.add(new Object[] { i, i % 3 });
				}
				template.batchUpdate("INSERT INTO statistics_probe (id, agency_id) VALUES (?, ?)", rows);
				growth.wrote(TableStatistics.FIRST_REFRESH - 1);
				counts.add(analysedColumns());
				growth.wrote(1);
				counts.add(analysedColumns());
				status.setRollbackOnly();
			});
			assertThat(counts).as("columns with statistics before and after the mark").containsExactly(0L, 2L);
		}
		finally {
			template.execute("DROP TABLE statistics_probe");
		}
	}

	private long analysedColumns() {
		return jdbc.sql("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'statistics_probe'")
			.query(Long.class)
			.single();
	}

	@Test
	void onlyATableNameIsTaken() {
		assertThatThrownBy(() -> statistics.growth("asset; DROP TABLE asset"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(statistics.growth("asset")).isNotNull();
	}

}
