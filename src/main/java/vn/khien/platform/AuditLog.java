package vn.khien.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail. Each entry's hash covers its hash version and the previous
 * entry's hash, so altering or deleting a stored row breaks the chain at that row
 * ({@link AuditChain#verify()}, ADR 0002).
 */
@Component
public class AuditLog {

	/**
	 * The hash version new entries are sealed with; older ones keep theirs (ADR 0002).
	 */
	static final int HASH_VERSION = 2;

	/** One change, for {@link #recordAll}. */
	public record Change(String action, String entityType, @Nullable Object entityId, @Nullable Object before,
			@Nullable Object after) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	private final CurrentUser currentUser;

	AuditLog(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.currentUser = currentUser;
	}

	/** Records a change made by the signed-in user, in the caller's transaction. */
	@Transactional
	public void record(String action, String entityType, @Nullable Object entityId, @Nullable Object before,
			@Nullable Object after) {
		append(currentUser.name(), action, entityType, entityId, before, after);
	}

	/**
	 * Records many changes made by the signed-in user, in the caller's transaction, as
	 * {@link #record} would one after the other, in three statements whatever their
	 * number: one lock of the chain's head, one batch, one update.
	 */
	@Transactional
	public void recordAll(List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		AuditHead head = lockHead();
		String actor = currentUser.name();
		String address = clientAddress();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long seq = head.lastSeq();
		String previous = head.lastHash();
		List<Object[]> rows = new ArrayList<>(changes.size());
		for (Change change : changes) {
			seq++;
			var entry = new AuditEntry(seq, now, actor, address, change.action(), change.entityType(),
					change.entityId() == null ? null : change.entityId().toString(), toJson(change.before()),
					toJson(change.after()), previous, "", HASH_VERSION);
			String hash = hash(entry);
			rows.add(new Object[] { entry.seq(), java.sql.Timestamp.from(entry.occurredAt()), entry.actor(),
					entry.address(), entry.action(), entry.entityType(), entry.entityId(), entry.beforeState(),
					entry.afterState(), entry.prevHash(), hash, entry.hashVersion() });
			previous = hash;
		}
		batch.batchUpdate("""
				INSERT INTO audit_entry (seq, occurred_at, actor, address, action, entity_type, entity_id,
				  before_state, after_state, prev_hash, hash, hash_version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		moveHead(seq, previous);
	}

	/** Records an event whose actor is not (yet) signed in, such as a failed login. */
	@Transactional
	public void recordAs(String actor, String action, String entityType, @Nullable Object entityId,
			@Nullable Object detail) {
		append(actor, action, entityType, entityId, null, detail);
	}

	private void append(String actor, String action, String entityType, @Nullable Object entityId,
			@Nullable Object before, @Nullable Object after) {
		AuditHead head = lockHead();
		var entry = new AuditEntry(head.lastSeq() + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), actor,
				clientAddress(), action, entityType, entityId == null ? null : entityId.toString(), toJson(before),
				toJson(after), head.lastHash(), "", HASH_VERSION);
		String hash = hash(entry);
		jdbc.sql(
				"""
						INSERT INTO audit_entry (seq, occurred_at, actor, address, action, entity_type, entity_id,
						  before_state, after_state, prev_hash, hash, hash_version)
						VALUES (:seq, :at, :actor, :address, :action, :type, :entityId, :before, :after, :prev, :hash, :version)""")
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
			.param("version", entry.hashVersion())
			.update();
		moveHead(entry.seq(), hash);
	}

	// NB: the head row is locked so that concurrent writers chain one after the other
	private AuditHead lockHead() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query(RecordRows.of(AuditHead.class))
			.single();
	}

	private void moveHead(long seq, String hash) {
		jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
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

	static boolean knownVersion(int version) {
		return version == 1 || version == 2;
	}

	/**
	 * The entry's hash by the function its {@code hashVersion} names; the stored
	 * {@code hash} is not read.
	 */
	static String hash(AuditEntry e) {
		return switch (e.hashVersion()) {
			case 1 -> hashV1(e);
			case 2 -> hashV2(e);
			default -> throw new IllegalArgumentException("unknown audit hash version " + e.hashVersion());
		};
	}

	/**
	 * Version 1, kept to verify the entries it sealed: fields joined by U+001F, null as
	 * U+0000. Ambiguous when a field holds either character, hence version 2.
	 */
	static String hashV1(AuditEntry e) {
		String canonical = String.join("\u001f", e.prevHash(), Long.toString(e.seq()),
				Long.toString(e.occurredAt().toEpochMilli()), e.actor(), nz(e.address()), e.action(), e.entityType(),
				nz(e.entityId()), nz(e.beforeState()), nz(e.afterState()));
		return Sha256.hex(canonical);
	}

	/**
	 * Version 2: SHA-256 over the fields in order, the version first, each as its length
	 * in UTF-8 bytes, a colon and those bytes, and a null as a single {@code -}. No
	 * content of a field can be read as a boundary.
	 */
	static String hashV2(AuditEntry e) {
		var out = new ByteArrayOutputStream(256);
		for (String field : Arrays.asList("2", e.prevHash(), Long.toString(e.seq()),
				Long.toString(e.occurredAt().toEpochMilli()), e.actor(), e.address(), e.action(), e.entityType(),
				e.entityId(), e.beforeState(), e.afterState())) {
			if (field == null) {
				out.write('-');
			}
			else {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
				out.writeBytes(bytes);
			}
		}
		return Sha256.hex(out.toByteArray());
	}

	private static String nz(@Nullable String s) {
		return s == null ? "\u0000" : s;
	}

	record AuditHead(long lastSeq, String lastHash) {
	}

}
