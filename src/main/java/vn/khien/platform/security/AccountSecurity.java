package vn.khien.platform.security;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.Accounts;
import vn.khien.platform.AuditLog;
import vn.khien.platform.DemoMode;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;

/**
 * What a user does to their own account: second factor, password. Never returns a stored
 * secret.
 */
@Component
public class AccountSecurity {

	public static final int MIN_PASSWORD_LENGTH = 12;

	public static final String ISSUER = "Khiên";

	/** Why a user must have a second factor, if they must. */
	public enum TotpRequirement {

		NONE,
		/** An administrator has set a policy for one of the user's roles. */
		ROLE_POLICY,
		/**
		 * Outside demo mode every administrator must: their password alone would open
		 * everything.
		 */
		ADMINISTRATOR;

		public boolean required() {
			return this != NONE;
		}

	}

	private final JdbcClient jdbc;

	private final SignInRecords records;

	private final PasswordEncoder passwords;

	private final Accounts accounts;

	private final AuditLog audit;

	private final DemoMode demo;

	AccountSecurity(JdbcClient jdbc, SignInRecords records, PasswordEncoder passwords, Accounts accounts,
			AuditLog audit, DemoMode demo) {
		this.jdbc = jdbc;
		this.records = records;
		this.passwords = passwords;
		this.accounts = accounts;
		this.audit = audit;
		this.demo = demo;
	}

	/**
	 * A secret for enrolment; it is stored only once the user proves their app produces
	 * its codes.
	 */
	public String newSecret() {
		return Totp.newSecret();
	}

	public String otpauthUri(String username, String secret) {
		return Totp.otpauthUri(ISSUER, username, secret);
	}

	/**
	 * The secret in groups of four, easier to type into an app than 32 characters in a
	 * row.
	 */
	public static String grouped(String secret) {
		return String.join(" ", secret.split("(?<=\\G.{4})"));
	}

	public boolean totpEnabled(long userId) {
		return records.find(userId).map(SignInRecords.SignIn::totpEnabled).orElse(false);
	}

	/**
	 * Whether the user must have a second factor they have not enrolled yet (see
	 * {@link #totpRequirement}).
	 */
	public boolean enrolmentRequired(KhienUser user) {
		return totpRequirement(user).required() && !totpEnabled(user.id());
	}

	public TotpRequirement totpRequirement(KhienUser user) {
		if (user.roles().contains(Role.ADMIN) && !demo.enabled()) {
			return TotpRequirement.ADMINISTRATOR;
		}
		return records.totpRequiredFor(user.roles()) ? TotpRequirement.ROLE_POLICY : TotpRequirement.NONE;
	}

	@Transactional
	public void enableTotp(long userId, String secret, @Nullable String code) {
		var step = new Totp().verifiedStep(secret, code == null ? null : code.trim(), Instant.now());
		if (step.isEmpty()) {
			throw new InvalidInputException("code", "account.totp.badCode");
		}
		jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_enabled = TRUE, totp_last_step = :step WHERE id = :id")
			.param("s", records.sealTotp(userId, secret))
			.param("step", step.getAsLong())
			.param("id", userId)
			.update();
		audit.record("TOTP_ENABLE", "user", userId, Map.of("totpEnabled", false), Map.of("totpEnabled", true));
	}

	@Transactional
	public void disableTotp(long userId, @Nullable String password, @Nullable String code) {
		var account = records.find(userId).orElseThrow();
		if (password == null || !passwords.matches(password, account.passwordHash())) {
			throw new InvalidInputException("password", "account.password.wrong");
		}
		if (!account.totpEnabled() || account.totpSecret() == null
				|| !records.acceptTotp(userId, account.totpSecret(), code, Instant.now())) {
			throw new InvalidInputException("code", "account.totp.badCode");
		}
		jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL WHERE id = :id")
			.param("id", userId)
			.update();
		audit.record("TOTP_DISABLE", "user", userId, Map.of("totpEnabled", true), Map.of("totpEnabled", false));
	}

	/** An administrator's reset, for a user who lost their phone. */
	@Transactional
	public void resetTotp(long userId) {
		jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_enabled = FALSE, totp_last_step = NULL WHERE id = :id")
			.param("id", userId)
			.update();
		audit.record("TOTP_RESET", "user", userId, null, Map.of("totpEnabled", false));
	}

	@Transactional
	public void changePassword(long userId, @Nullable String current, @Nullable String next) {
		var account = records.find(userId).orElseThrow();
		if (current == null || !passwords.matches(current, account.passwordHash())) {
			throw new InvalidInputException("currentPassword", "account.password.wrong");
		}
		checkStrength("newPassword", next);
		accounts.changePassword(userId, next);
	}

	public static void checkStrength(String field, @Nullable String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
			throw new InvalidInputException(field, "account.password.tooShort", MIN_PASSWORD_LENGTH);
		}
	}

}
