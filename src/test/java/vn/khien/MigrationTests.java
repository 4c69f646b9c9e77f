package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KhienTest
class MigrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Test
	void everyMigrationIsAppliedAndValid() {
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.info().applied()).isNotEmpty();
		flyway.validate();
	}

	@Test
	void migratingAgainIsANoOp() {
		var again = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		assertThat(again.migrationsExecuted).isZero();
	}

}
