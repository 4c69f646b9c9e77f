package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.platform.AuditLog;
import vn.khien.platform.AuditTrail;
import vn.khien.platform.PageQuery;

@KhienTest
class AuditChainTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Autowired
	AuditTrail trail;

	/** Records an entry of our own and returns its sequence number. */
	long ownEntry() {
		String id = UUID.randomUUID().toString();
		log.recordAs("chain-test", "UPDATE", "chain_test", id, Map.of("value", "original"));
		return trail.search(new AuditTrail.Filter(null, null, "chain_test", id, null, null), PageQuery.of(0, 1, null))
			.items()
			.get(0)
			.seq();
	}

	void assertIntact() {
		assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", logins.bearer("police"))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.intact").isEqualTo(true);
				assertThat(json).extractingPath("$.brokenAt").isNull();
			});
	}

	@Test
	void chainOfTheRunningApplicationIsIntact() {
		ownEntry();
		assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", logins.bearer("admin"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.checked")
			.asNumber()
			.satisfies(n -> assertThat(n.longValue()).isPositive());
		assertIntact();
	}

	@Test
	void alteredRowBreaksTheChainAtThatRow() {
		long seq = ownEntry();
		String original = jdbc.sql("SELECT after_state FROM audit_entry WHERE seq = :s")
			.param("s", seq)
			.query(String.class)
			.single();
		try {
			jdbc.sql("UPDATE audit_entry SET after_state = :v WHERE seq = :s")
				.param("v", "{\"value\":\"forged\"}")
				.param("s", seq)
				.update();
			assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", logins.bearer("admin")))
				.hasStatusOk()
				.bodyJson()
				.satisfies(json -> {
					assertThat(json).extractingPath("$.intact").isEqualTo(false);
					assertThat(json).extractingPath("$.brokenAt")
						.asNumber()
						.satisfies(n -> assertThat(n.longValue()).isEqualTo(seq));
					assertThat(json).extractingPath("$.reason").isEqualTo("content");
				});
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET after_state = :v WHERE seq = :s")
				.param("v", original)
				.param("s", seq)
				.update();
		}
		assertIntact();
	}

	@Test
	void deletedRowBreaksTheChainWhereItWas() {
		long seq = ownEntry();
		ownEntry();
		Map<String, Object> row = jdbc.sql("SELECT * FROM audit_entry WHERE seq = :s")
			.param("s", seq)
			.query()
			.singleRow();
		try {
			jdbc.sql("DELETE FROM audit_entry WHERE seq = :s").param("s", seq).update();
			assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", logins.bearer("admin")))
				.hasStatusOk()
				.bodyJson()
				.satisfies(json -> {
					assertThat(json).extractingPath("$.intact").isEqualTo(false);
					assertThat(json).extractingPath("$.brokenAt")
						.asNumber()
						.satisfies(n -> assertThat(n.longValue()).isEqualTo(seq));
				});
		}
		finally {
			jdbc.sql("""
					INSERT INTO audit_entry (seq, occurred_at, actor, address, action, entity_type, entity_id,
					  before_state, after_state, prev_hash, hash, hash_version)
					VALUES (:seq, :occurred_at, :actor, :address, :action, :entity_type, :entity_id, :before_state,
					  :after_state, :prev_hash, :hash, :hash_version)""").params(row).update();
		}
		assertIntact();
	}

	@Test
	void newEntriesAreSealedWithHashVersion2() {
		long seq = ownEntry();
		assertThat(jdbc.sql("SELECT hash_version FROM audit_entry WHERE seq = :s")
			.param("s", seq)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(mvc.get()
			.uri("/api/v1/audit?entityType=chain_test&size=1")
			.header("Authorization", logins.bearer("admin"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[0].hashVersion")
			.isEqualTo(2);
	}

	@Test
	void changedHashVersionBreaksTheChainAtThatRow() {
		long seq = ownEntry();
		ownEntry();
		try {
			for (int version : new int[] { 1, 3 }) {
				jdbc.sql("UPDATE audit_entry SET hash_version = :v WHERE seq = :s")
					.param("v", version)
					.param("s", seq)
					.update();
				assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", logins.bearer("admin")))
					.hasStatusOk()
					.bodyJson()
					.satisfies(json -> {
						assertThat(json).extractingPath("$.intact").isEqualTo(false);
						assertThat(json).extractingPath("$.brokenAt")
							.asNumber()
							.satisfies(n -> assertThat(n.longValue()).isEqualTo(seq));
						assertThat(json).extractingPath("$.reason").asString().isIn("version", "content");
					});
			}
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET hash_version = 2 WHERE seq = :s").param("s", seq).update();
		}
		assertIntact();
	}

	@Test
	void auditViewerShowsTheVerificationResult() {
		ownEntry();
		assertThat(mvc.get().uri("/audit?verify=true&entityType=chain_test").with(logins.session("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"verification\"")
			.contains("alert-success")
			.contains("chain_test");
	}

	@Test
	void applicationCodeNeverUpdatesOrDeletesAuditRows() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			assertThat(files.filter(Files::isRegularFile)
				.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
				.filter(p -> {
					try {
						String text = Files.readString(p).toLowerCase().replaceAll("\\s+", " ");
						return text.contains("update audit_entry") || text.contains("delete from audit_entry")
								|| text.contains("truncate table audit_entry");
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.toList()).isEmpty();
		}
	}

}
