package vn.khien.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail. Each entry's hash covers the previous entry's hash, so altering or
 * deleting a stored row breaks the chain at that row ({@link AuditChain#verify()}).
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentUser currentUser;

	AuditLog(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
	}

	/** Records a change made by the signed-in user, in the caller's transaction. */
	@Transactional
	public void record(String action, String entityType, @Nullable Object entityId, @Nullable Object before,
			@Nullable Object after) {
		append(currentUser.name(), action, entityType, entityId, before, after);
	}

	/** Records an event whose actor is not (yet) signed in, such as a failed login. */
	@Transactional
	public void recordAs(String actor, String action, String entityType, @Nullable Object entityId,
			@Nullable Object detail) {
		append(actor, action, entityType, entityId, null, detail);
	}

	private void append(String actor, String action, String entityType, @Nullable Object entityId,
			@Nullable Object before, @Nullable Object after) {
		// NB: the head row is locked so that concurrent writers chain one after the other
		AuditHead head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query(AuditHead.class)
			.single();
		var entry = new AuditEntry(head.lastSeq() + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), actor,
				clientAddress(), action, entityType, entityId == null ? null : entityId.toString(), toJson(before),
				toJson(after), head.lastHash(), "");
		String hash = hash(entry);
		jdbc.sql("""
				INSERT INTO audit_entry (seq, occurred_at, actor, address, action, entity_type, entity_id,
				  before_state, after_state, prev_hash, hash)
				VALUES (:seq, :at, :actor, :address, :action, :type, :entityId, :before, :after, :prev, :hash)""")
			.param("seq", entry.seq())
			.param("at", java.sql.Timestamp.from(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("address", entry.address())
			.param("action", entry.action())
			.param("type", entry.entityType())
			.param("entityId", entry.entityId())
			.param("before", entry.beforeState())
			.param("after", entry.afterState())
			.param("prev", entry.prevHash())
			.param("hash", hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", entry.seq())
			.param("hash", hash)
			.update();
	}

	private @Nullable String toJson(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		return value instanceof String s ? s : json.writeValueAsString(value);
	}

	private static @Nullable String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
				? attrs.getRequest().getRemoteAddr() : null;
	}

	static String hash(AuditEntry e) {
		String canonical = String.join("\u001f", e.prevHash(), Long.toString(e.seq()),
				Long.toString(e.occurredAt().toEpochMilli()), e.actor(), nz(e.address()), e.action(), e.entityType(),
				nz(e.entityId()), nz(e.beforeState()), nz(e.afterState()));
		return Sha256.hex(canonical);
	}

	private static String nz(@Nullable String s) {
		return s == null ? "\u0000" : s;
	}

	record AuditHead(long lastSeq, String lastHash) {
	}
}
