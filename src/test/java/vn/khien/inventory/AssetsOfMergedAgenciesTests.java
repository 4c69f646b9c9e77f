package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.KhienTest;
import vn.khien.registry.AgenciesMerged;

@KhienTest
class AssetsOfMergedAgenciesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	long agency(String code) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO agency (code, name, kind, status, created_at, updated_at)
				VALUES (:code, :code, 'OTHER', 'ACTIVE', :now, :now)""").param("code", code).param("now", now).update();
		return jdbc.sql("SELECT id FROM agency WHERE code = :code").param("code", code).query(Long.class).single();
	}

	void asset(long agencyId, String key) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO asset (agency_id, kind, identity_key, hostname, source, first_seen_at, last_seen_at)
				VALUES (:agency, 'SERVER', :key, :host, 'MANUAL', :now, :now)""")
			.param("agency", agencyId)
			.param("key", key)
			.param("host", key.substring(5))
			.param("now", now)
			.update();
	}

	long agencyOf(String key, long among1, long among2) {
		return jdbc.sql("SELECT agency_id FROM asset WHERE identity_key = :key AND agency_id IN (:a)")
			.param("key", key)
			.param("a", List.of(among1, among2))
			.query(Long.class)
			.single();
	}

	@Test
	void assetsMoveToTheSuccessorExceptThoseItAlreadyHas() {
		long source = agency("T-MERGE-SRC");
		long successor = agency("T-MERGE-DST");
		asset(source, "host:only-in-source.merge");
		asset(source, "host:in-both.merge");
		asset(successor, "host:in-both.merge");
		transactions.executeWithoutResult(s -> events.publishEvent(new AgenciesMerged(List.of(source), successor,
				LocalDate.now())));
		assertThat(agencyOf("host:only-in-source.merge", source, successor)).isEqualTo(successor);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id = :a").param("a", successor).query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id = :a").param("a", source).query(Long.class)
			.single()).isEqualTo(1);
	}
}
