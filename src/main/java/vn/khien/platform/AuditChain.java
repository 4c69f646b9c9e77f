package vn.khien.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes the audit trail's hash chain to show whether anyone rewrote it. */
@Component
public class AuditChain {

	public static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	AuditChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code brokenAt} is the first sequence number whose row does not match the chain. */
	public record Verification(boolean intact, long checked, @Nullable Long brokenAt, @Nullable String reason) {
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		var previous = new AtomicReference<>(GENESIS);
		var expectedSeq = new AtomicLong(1);
		var broken = new AtomicReference<Verification>();
		jdbc.sql("""
				SELECT seq, occurred_at, actor, address, action, entity_type, entity_id, before_state, after_state,
				  prev_hash, hash FROM audit_entry ORDER BY seq""").query(rs -> {
			if (broken.get() != null) {
				return;
			}
			var e = new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("address"), rs.getString("action"),
					rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_state"),
					rs.getString("after_state"), rs.getString("prev_hash"), rs.getString("hash"));
			long checked = expectedSeq.get() - 1;
			if (e.seq() != expectedSeq.get()) {
				broken.set(new Verification(false, checked, expectedSeq.get(), "missing"));
			}
			else if (!e.prevHash().equals(previous.get())) {
				broken.set(new Verification(false, checked, e.seq(), "link"));
			}
			else if (!AuditLog.hash(e).equals(e.hash())) {
				broken.set(new Verification(false, checked, e.seq(), "content"));
			}
			previous.set(e.hash());
			expectedSeq.incrementAndGet();
		});
		if (broken.get() != null) {
			return broken.get();
		}
		long checked = expectedSeq.get() - 1;
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").query(AuditLog.AuditHead.class).single();
		if (head.lastSeq() != checked || !head.lastHash().equals(previous.get())) {
			return new Verification(false, checked, checked + 1, "truncated");
		}
		return new Verification(true, checked, null, null);
	}
}
