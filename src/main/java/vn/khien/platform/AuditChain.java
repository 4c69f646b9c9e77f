package vn.khien.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the audit trail's hash chain to show whether anyone rewrote it. Each entry
 * is checked with the hash function of its own version (ADR 0002).
 */
@Component
public class AuditChain {

	public static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	AuditChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@code brokenAt} is the first sequence number whose row does not match the chain;
	 * {@code reason} is {@code missing}, {@code link}, {@code version} (unknown, or older
	 * than the entry before it), {@code content} or {@code truncated}.
	 */
	public record Verification(boolean intact, long checked, @Nullable Long brokenAt, @Nullable String reason) {
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		var walk = new Walk();
		jdbc.sql("""
				SELECT seq, occurred_at, actor, address, action, entity_type, entity_id, before_state, after_state,
				  prev_hash, hash, hash_version FROM audit_entry ORDER BY seq""").query(rs -> {
			walk.accept(new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state"),
					rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("hash_version")));
		});
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
			.query(RecordRows.of(AuditLog.AuditHead.class))
			.single();
		return walk.end(head);
	}

	/**
	 * The chain read in order of {@code seq}: stops at the first entry that does not
	 * hold.
	 */
	static final class Walk {

		private String previous = GENESIS;

		private long expectedSeq = 1;

		private int version = 1;

		private @Nullable Verification broken;

		void accept(AuditEntry e) {
			if (broken != null) {
				return;
			}
			long checked = expectedSeq - 1;
			if (e.seq() != expectedSeq) {
				broken = new Verification(false, checked, expectedSeq, "missing");
			}
			else if (!e.prevHash().equals(previous)) {
				broken = new Verification(false, checked, e.seq(), "link");
			}
			// NB: versions only go up: once an entry is sealed with version 2, an older
			// one after it was rewritten
			else if (!AuditLog.knownVersion(e.hashVersion()) || e.hashVersion() < version) {
				broken = new Verification(false, checked, e.seq(), "version");
			}
			else if (!AuditLog.hash(e).equals(e.hash())) {
				broken = new Verification(false, checked, e.seq(), "content");
			}
			previous = e.hash();
			version = e.hashVersion();
			expectedSeq++;
		}

		Verification end(AuditLog.AuditHead head) {
			if (broken != null) {
				return broken;
			}
			long checked = expectedSeq - 1;
			if (head.lastSeq() != checked || !head.lastHash().equals(previous)) {
				return new Verification(false, checked, checked + 1, "truncated");
			}
			return new Verification(true, checked, null, null);
		}

	}

}
