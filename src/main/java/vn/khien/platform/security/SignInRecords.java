package vn.khien.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.Accounts;
import vn.khien.platform.KhienUser;
import vn.khien.platform.RecordRows;
import vn.khien.platform.Role;
import vn.khien.platform.SecretBox;

/**
 * What sign-in needs of an account: its secrets, its lock-out state and its principal.
 * TOTP secrets are stored sealed by the {@link SecretBox}; {@code SignIn.totpSecret} is
 * the sealed value.
 */
@Component
class SignInRecords {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final SecretBox box;

	SignInRecords(JdbcClient jdbc, Accounts accounts, SecretBox box) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.box = box;
	}

	record SignIn(long id, String username, String passwordHash, boolean enabled, int failedAttempts,
			@Nullable Timestamp lockedUntil, @Nullable String totpSecret, boolean totpEnabled,
			@Nullable Long totpLastStep, String authSource) {

		/**
		 * Whether the password is checked by the directory rather than against the stored
		 * hash.
		 */
		boolean fromLdap() {
			return "LDAP".equals(authSource);
		}

		boolean local() {
			return "LOCAL".equals(authSource);
		}

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
		}
	}

	Optional<SignIn> find(String username) {
		return jdbc.sql("""
				SELECT id, username, password_hash, enabled, failed_attempts, locked_until, totp_secret, totp_enabled,
				  totp_last_step, auth_source FROM app_user WHERE username = :u""")
			.param("u", username)
			.query(RecordRows.of(SignIn.class))
			.optional();
	}

	Optional<SignIn> find(long userId) {
		return jdbc.sql("""
				SELECT id, username, password_hash, enabled, failed_attempts, locked_until, totp_secret, totp_enabled,
				  totp_last_step, auth_source FROM app_user WHERE id = :id""")
			.param("id", userId)
			.query(RecordRows.of(SignIn.class))
			.optional();
	}

	/**
	 * The stored form of a user's TOTP secret; bound to the user, so it does not open on
	 * another row.
	 */
	String sealTotp(long userId, String secret) {
		return box.seal(secret, totpContext(userId));
	}

	/**
	 * The TOTP secret from its stored form; a {@link SecretBox.UnreadableSecret} when it
	 * does not open.
	 */
	String openTotp(long userId, String sealed) {
		return box.open(sealed, totpContext(userId));
	}

	static String totpContext(long userId) {
		return "app_user.totp_secret:" + userId;
	}

	/**
	 * Accepts a TOTP code only if its time step is later than the last one used, so a
	 * code seen over someone's shoulder cannot be replayed within its 90 seconds of
	 * validity. Takes the stored (sealed) secret.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean acceptTotp(long userId, String sealedSecret, @Nullable String code, Instant now) {
		var step = TOTP.verifiedStep(openTotp(userId, sealedSecret), code == null ? null : code.trim(), now);
		if (step.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				UPDATE app_user SET totp_last_step = :step
				WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
			.param("step", step.getAsLong())
			.param("id", userId)
			.update() == 1;
	}

	private static final Totp TOTP = new Totp();

	KhienUser principal(long userId) {
		var account = accounts.find(userId).orElseThrow();
		return new KhienUser(account.id(), account.username(), account.displayName(), Set.copyOf(account.roles()),
				account.agencyId(), account.organisationId());
	}

	/**
	 * Counts a failure, in its own transaction so that it sticks even though sign-in
	 * fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	int recordFailure(long userId, int maxFailures, Instant lockUntil) {
		jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = :id")
			.param("id", userId)
			.update();
		int failures = jdbc.sql("SELECT failed_attempts FROM app_user WHERE id = :id")
			.param("id", userId)
			.query(Integer.class)
			.single();
		if (failures >= maxFailures) {
			jdbc.sql("UPDATE app_user SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
				.param("until", Timestamp.from(lockUntil))
				.param("id", userId)
				.update();
		}
		return failures;
	}

	@Transactional
	void recordSuccess(long userId) {
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", userId)
			.update();
	}

	boolean totpRequiredFor(Set<Role> roles) {
		if (roles.isEmpty()) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM role_policy WHERE totp_required = TRUE AND role IN (:roles)")
			.param("roles", roles.stream().map(Role::name).toList())
			.query(Long.class)
			.single() > 0;
	}

}
