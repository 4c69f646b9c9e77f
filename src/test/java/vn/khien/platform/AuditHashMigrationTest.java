package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * A trail written before hash version 2 existed, then migrated and written on: its own
 * database, migrated here, so the shared test database's chain is left alone.
 */
class AuditHashMigrationTest {

	@Test
	void entriesSealedBeforeTheMigrationKeepVersion1AndTheChainGoesOnWithVersion2() {
		var dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:audit-migration-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		var jdbc = JdbcClient.create(dataSource);
		try {
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration")
				.target("2026.12.01.1200")
				.load()
				.migrate();

			// as the version 1 writer did: no hash_version column yet
			String prev = AuditChain.GENESIS;
			for (long seq = 1; seq <= 3; seq++) {
				var entry = new AuditEntry(seq, Instant.now().truncatedTo(ChronoUnit.MILLIS), "old-writer", null,
						"UPDATE", "chain_test", "id-" + seq, null, "{\"field\":\"a\u001fb\"}", prev, "", 1);
				String hash = AuditLog.hashV1(entry);
				jdbc.sql("""
						INSERT INTO audit_entry (seq, occurred_at, actor, address, action, entity_type, entity_id,
						  before_state, after_state, prev_hash, hash)
						VALUES (:seq, :at, :actor, NULL, :action, :type, :id, NULL, :after, :prev, :hash)""")
					.param("seq", seq)
					.param("at", Timestamp.from(entry.occurredAt()))
					.param("actor", entry.actor())
					.param("action", entry.action())
					.param("type", entry.entityType())
					.param("id", entry.entityId())
					.param("after", entry.afterState())
					.param("prev", prev)
					.param("hash", hash)
					.update();
				jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
					.param("seq", seq)
					.param("hash", hash)
					.update();
				prev = hash;
			}

			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			var log = new AuditLog(jdbc, new JdbcTemplate(dataSource), JsonMapper.builder().build(),
					new CurrentUser(agency -> Set.of()));
			log.recordAs("new-writer", "UPDATE", "chain_test", "id-4", Map.of("field", "c"));
			log.recordAs("new-writer", "UPDATE", "chain_test", "id-5", Map.of("field", "d"));
			var chain = new AuditChain(jdbc);

			assertThat(jdbc.sql("SELECT hash_version FROM audit_entry ORDER BY seq").query(Integer.class).list())
				.containsExactly(1, 1, 1, 2, 2);
			assertThat(chain.verify()).isEqualTo(new AuditChain.Verification(true, 5, null, null));

			jdbc.sql("UPDATE audit_entry SET after_state = '{\"field\":\"forged\"}' WHERE seq = 2").update();
			assertThat(chain.verify()).isEqualTo(new AuditChain.Verification(false, 1, 2L, "content"));
			jdbc.sql("UPDATE audit_entry SET after_state = '{\"field\":\"a\u001fb\"}' WHERE seq = 2").update();
			assertThat(chain.verify().intact()).isTrue();

			jdbc.sql("UPDATE audit_entry SET after_state = '{\"field\":\"forged\"}' WHERE seq = 5").update();
			assertThat(chain.verify()).isEqualTo(new AuditChain.Verification(false, 4, 5L, "content"));
		}
		finally {
			jdbc.sql("SHUTDOWN").update();
		}
	}

}
