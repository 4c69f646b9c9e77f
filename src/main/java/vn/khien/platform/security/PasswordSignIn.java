package vn.khien.platform.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.khien.platform.AuditLog;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;
import vn.khien.platform.SecretBox;

/**
 * Checks username, password and, when enrolled, the TOTP code; counts failures and locks
 * the account for a while after too many. Every outcome goes to the audit trail.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	/** A valid password for an account with a second factor, but no code was given. */
	static class TotpRequired extends BadCredentialsException {

		TotpRequired() {
			super("totp required");
		}

	}

	/**
	 * Too many failed sign-ins from the caller's address; refused before the password is
	 * checked.
	 */
	static class Throttled extends LockedException {

		Throttled() {
			super("throttled");
		}

	}

	/**
	 * The stored second factor does not open with the secret key: refused, whatever code
	 * was given.
	 */
	static class TotpUnavailable extends AuthenticationServiceException {

		TotpUnavailable() {
			super("totp secret unreadable");
		}

	}

	private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

	private final SignInRecords records;

	private final AddressThrottle throttle;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final KhienSettings settings;

	// NB: compared against when the user does not exist, so that timing does not reveal
	// usernames
	private final String dummyHash;

	private final LdapDirectory ldap;

	private final DirectoryAccounts directory;

	PasswordSignIn(SignInRecords records, AddressThrottle throttle, PasswordEncoder passwords, AuditLog audit,
			KhienSettings settings, LdapDirectory ldap, DirectoryAccounts directory) {
		this.ldap = ldap;
		this.directory = directory;
		this.records = records;
		this.throttle = throttle;
		this.passwords = passwords;
		this.audit = audit;
		this.settings = settings;
		this.dummyHash = passwords.encode("not-a-password");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String typed = String.valueOf(authentication.getPrincipal());
		String username = typed.chars().anyMatch(Character::isISOControl) ? "" : typed.trim();
		String password = String.valueOf(authentication.getCredentials());
		TotpDetails details = authentication.getDetails() instanceof TotpDetails d ? d : new TotpDetails(null, null);
		Instant now = Instant.now();
		String address = details.remoteAddress();
		if (username.isEmpty() || username.chars().anyMatch(Character::isISOControl)) {
			// NB: never passed on to the database or the directory
			throttle.failure(address, now);
			fail(typed.replaceAll("\\p{Cntrl}", "?"), "invalid user name");
			throw new BadCredentialsException("bad credentials");
		}
		if (throttle.blocked(address, now)) {
			throttle.refused(address, username, now);
			throw new Throttled();
		}
		var found = records.find(username);
		// NB: a local account is never checked against the directory, so the bootstrap
		// admin works when it is down
		if (ldap.enabled() && (found.isEmpty() || found.get().fromLdap())) {
			return directorySignIn(username, password, details, found.orElse(null), now);
		}
		if (found.isEmpty() || !found.get().local()) {
			passwords.matches(password, dummyHash);
			throttle.failure(address, now);
			fail(username, "unknown user");
			throw new BadCredentialsException("bad credentials");
		}
		var account = found.get();
		if (!account.enabled()) {
			throttle.failure(address, now);
			fail(username, "disabled");
			throw new DisabledException("disabled");
		}
		if (account.lockedAt(now)) {
			throttle.failure(address, now);
			fail(username, "locked");
			throw new LockedException("locked");
		}
		if (!passwords.matches(password, account.passwordHash())) {
			throttle.failure(address, now);
			countFailure(account, "bad password");
			throw new BadCredentialsException("bad credentials");
		}
		secondFactor(account, username, details, now);
		records.recordSuccess(account.id());
		KhienUser user = records.principal(account.id());
		audit.recordAs(user.username(), "LOGIN", "user", user.id(), Map.of("result", "success"));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user.roles()));
	}

	/**
	 * The directory checks the password; the account is created or brought up to date
	 * from what the directory says, and a second factor enrolled in Khiên is still asked
	 * for.
	 */
	private Authentication directorySignIn(String username, String password, TotpDetails details,
			SignInRecords.@org.jspecify.annotations.Nullable SignIn known, Instant now) {
		String address = details.remoteAddress();
		if (known != null && known.lockedAt(now)) {
			throttle.failure(address, now);
			fail(username, "locked");
			throw new LockedException("locked");
		}
		DirectoryAccounts.Identity identity;
		try {
			identity = ldap.bind(username, password);
		}
		catch (LdapDirectory.Unavailable ex) {
			log.warn("LDAP directory unavailable for sign-in: {}",
					ex.getCause() == null ? ex : ex.getCause().toString());
			fail(username, "directory unavailable");
			throw ex;
		}
		catch (BadCredentialsException ex) {
			throttle.failure(address, now);
			if (known != null) {
				countFailure(known, "bad password (directory)");
			}
			else {
				fail(username, "unknown user or bad password (directory)");
			}
			throw ex;
		}
		if (known != null) {
			secondFactor(known, username, details, now);
		}
		KhienUser placed = directory.signIn(identity);
		return UsernamePasswordAuthenticationToken.authenticated(placed, null, authorities(placed.roles()));
	}

	private void secondFactor(SignInRecords.SignIn account, String username, TotpDetails details, Instant now) {
		String address = details.remoteAddress();
		if (account.totpEnabled() && account.totpSecret() != null) {
			if (details.totp() == null || details.totp().isBlank()) {
				throw new TotpRequired();
			}
			boolean accepted;
			try {
				accepted = records.acceptTotp(account.id(), account.totpSecret(), details.totp(), now);
			}
			catch (SecretBox.UnreadableSecret ex) {
				log.error("Sign-in of user {} refused: {}. Start with the right KHIEN_SECRET_KEY, or have an"
						+ " administrator reset this user's second factor.", account.id(), ex.getMessage());
				fail(username, "totp secret unreadable");
				throw new TotpUnavailable();
			}
			if (!accepted) {
				throttle.failure(address, now);
				countFailure(account, "bad or reused totp");
				throw new BadCredentialsException("bad totp");
			}
		}
	}

	private void countFailure(SignInRecords.SignIn account, String reason) {
		var login = settings.login();
		int failures = records.recordFailure(account.id(), login.maxFailures(), Instant.now().plus(login.lockFor()));
		fail(account.username(), reason + (failures >= login.maxFailures() ? ", locked" : ""));
	}

	private void fail(String username, String reason) {
		audit.recordAs(username.length() > 100 ? username.substring(0, 100) : username, "LOGIN_FAILURE", "user", null,
				Map.of("reason", reason));
	}

	static Set<SimpleGrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream()
			.map(r -> new SimpleGrantedAuthority(r.authority()))
			.collect(java.util.stream.Collectors.toSet());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
