package vn.khien.platform.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.RecordRows;
import vn.khien.platform.Sha256;

/**
 * Bearer tokens for the API: short-lived ones from {@code POST /api/v1/auth/token} and
 * personal access tokens made in the UI. Only a SHA-256 of each token is stored.
 */
@Component
public class ApiTokens {

	public enum Kind {

		SESSION, PERSONAL

	}

	public record Issued(long id, String token, Instant expiresAt) {
	}

	public record TokenInfo(long id, String kind, String name, String prefix, Instant createdAt, Instant expiresAt,
			@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How often a token's use reaches {@code last_used_at} and the audit trail. */
	static final Duration USE_RECORDED_EVERY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final SignInRecords records;

	private final AuditLog audit;

	ApiTokens(JdbcClient jdbc, SignInRecords records, AuditLog audit) {
		this.jdbc = jdbc;
		this.records = records;
		this.audit = audit;
	}

	@Transactional
	public Issued issue(long userId, Kind kind, String name, Duration lifetime) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "khn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		Instant expires = now.plus(lifetime);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO api_token (user_id, kind, name, token_hash, prefix, created_at, expires_at)
				VALUES (:user, :kind, :name, :hash, :prefix, :now, :expires)""")
			.param("user", userId)
			.param("kind", kind.name())
			.param("name", name)
			.param("hash", Sha256.hex(token))
			.param("prefix", token.substring(0, 10))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		if (kind == Kind.PERSONAL) {
			audit.record("TOKEN_CREATE", "api_token", id, null, Map.of("name", name, "expiresAt", expires.toString()));
		}
		return new Issued(id, token, expires);
	}

	/**
	 * The user a presented token stands for, if it is known, unexpired and not revoked.
	 * Its first use in an hour updates {@code last_used_at} and writes one
	 * {@code TOKEN_USE} entry; later uses within the hour write nothing.
	 */
	@Transactional
	public Optional<KhienUser> authenticate(String token, String method, String path) {
		record Row(long id, long userId, Timestamp expiresAt, @Nullable Timestamp revokedAt, boolean enabled) {
		}
		Optional<Row> row = jdbc.sql("""
				SELECT t.id, t.user_id, t.expires_at, t.revoked_at, u.enabled FROM api_token t
				JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = :hash""")
			.param("hash", Sha256.hex(token))
			.query(RecordRows.of(Row.class))
			.optional();
		Instant now = Instant.now();
		if (row.isEmpty() || row.get().revokedAt() != null || !row.get().expiresAt().toInstant().isAfter(now)
				|| !row.get().enabled()) {
			return Optional.empty();
		}
		KhienUser user = records.principal(row.get().userId());
		// NB: use is recorded once an hour, not on every request; the condition lets one
		// of concurrent requests win
		int recorded = jdbc.sql("""
				UPDATE api_token SET last_used_at = :now
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :hourAgo)""")
			.param("now", Timestamp.from(now))
			.param("hourAgo", Timestamp.from(now.minus(USE_RECORDED_EVERY)))
			.param("id", row.get().id())
			.update();
		if (recorded == 1) {
			audit.recordAs(user.username(), "TOKEN_USE", "api_token", row.get().id(),
					Map.of("request", method + " " + path));
		}
		return Optional.of(user);
	}

	public List<TokenInfo> personalTokens(long userId) {
		return jdbc.sql("""
				SELECT id, kind, name, prefix, created_at, expires_at, revoked_at, last_used_at FROM api_token
				WHERE user_id = :user AND kind = 'PERSONAL' ORDER BY created_at DESC""")
			.param("user", userId)
			.query(RecordRows.of(TokenInfo.class))
			.list();
	}

	/** Revokes every token of the account that is still live; answers how many. */
	@Transactional
	public int revokeAll(long userId) {
		return jdbc.sql(
				"UPDATE api_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL AND expires_at > :now")
			.param("now", Timestamp.from(Instant.now()))
			.param("user", userId)
			.update();
	}

	@Transactional
	public void revoke(long userId, long tokenId) {
		int n = jdbc
			.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", tokenId)
			.param("user", userId)
			.update();
		if (n == 0) {
			throw new NotFoundException("token", tokenId);
		}
		audit.record("TOKEN_REVOKE", "api_token", tokenId, null, null);
	}

}
