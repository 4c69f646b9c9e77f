package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import vn.khien.KhienTest;

/**
 * On PostgreSQL the pool's connections plan each statement for its values and send
 * batched inserts as multi-row statements; the server says so for the first.
 */
@KhienTest
class PostgresSettingsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void connectionsToPostgresPlanPerValueAndRewriteBatchedInserts() throws SQLException {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		assumeTrue(pool.getJdbcUrl().startsWith("jdbc:postgresql:"), "PostgreSQL only");
		assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
		assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
	}

}
