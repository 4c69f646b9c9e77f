package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.khien.platform.Accounts;
import vn.khien.platform.AuditTrail;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;
import vn.khien.platform.security.AccountSecurity;
import vn.khien.platform.security.Totp;

@KhienTest
class LoginLockoutTests {

	static final String PASSWORD = "a-fresh-account-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	AccountSecurity security;

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Each test signs in from its own address so the per-address throttle of other tests
	 * does not interfere.
	 */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	long freshAccount(String username) {
		return accounts.create(new Accounts.NewAccount(username, "Fresh " + username, null, PASSWORD,
				EnumSet.of(Role.ASSESSOR), null, null));
	}

	MockMvcTester.MockMvcRequestBuilder token(String username, String password, String totp, String address) {
		String body = totp == null ? "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)
				: "{\"username\":\"%s\",\"password\":\"%s\",\"totp\":\"%s\"}".formatted(username, password, totp);
		return mvc.post()
			.uri("/api/v1/auth/token")
			.with(from(address))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() {
		String username = unique("lockout");
		freshAccount(username);
		for (int i = 0; i < 5; i++) {
			assertThat(token(username, "wrong-password-" + i, null, "10.20.0.1")).hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.extractingPath("$.code")
				.isEqualTo("auth.badCredentials");
		}
		assertThat(token(username, PASSWORD, null, "10.20.0.1")).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("auth.locked");
		assertThat(mvc.post()
			.uri("/login")
			.with(from("10.20.0.2"))
			.param("username", username)
			.param("password", PASSWORD)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.contains("/login?locked");
		var failures = audit.search(new AuditTrail.Filter(username, "LOGIN_FAILURE", null, null, null, null),
				PageQuery.of(0, 50, null));
		assertThat(failures.total()).isGreaterThanOrEqualTo(7);
		assertThat(failures.items()).allSatisfy(e -> assertThat(e.address()).startsWith("10.20.0."));
		assertThat(
				audit.search(new AuditTrail.Filter(username, "LOGIN", null, null, null, null), PageQuery.of(0, 5, null))
					.total())
			.isZero();
	}

	@Test
	void administratorCanUnlockALockedAccount() {
		String username = unique("unlock");
		long id = freshAccount(username);
		for (int i = 0; i < 5; i++) {
			token(username, "wrong", null, "10.20.1.1").exchange();
		}
		assertThat(accounts.find(id).orElseThrow().lockedUntil()).isAfter(Instant.now());
		accounts.unlock(id);
		assertThat(token(username, PASSWORD, null, "10.20.1.1")).hasStatusOk();
	}

	@Test
	void totpLoginNeedsAFreshCodeAndRefusesItsReuse() {
		String username = unique("totp");
		long id = freshAccount(username);
		var totp = new Totp();
		String secret = security.newSecret();
		security.enableTotp(id, secret, totp.codeAt(secret, Instant.now()));
		String address = "10.20.2.1";

		assertThat(token(username, PASSWORD, null, address)).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("auth.totpRequired");
		assertThat(token(username, PASSWORD, "000000".equals(totp.codeAt(secret, Instant.now())) ? "111111" : "000000",
				address))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		// the next step's code: the enrolment already used the current one
		String next = totp.codeAt(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS));
		assertThat(token(username, PASSWORD, next, address)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.token")
			.asString()
			.startsWith("khn_");
		assertThat(token(username, PASSWORD, next, address)).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("auth.badCredentials");

		// the login form asks for the code, then accepts password and code together
		assertThat(mvc.post()
			.uri("/login")
			.with(from(address))
			.param("username", username)
			.param("password", PASSWORD)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.contains("/login?totp");
		accounts.unlock(id);
	}

	@Test
	void oneAddressIsThrottledAfterTwentyFailuresWhateverTheAccounts() {
		String username = unique("throttle");
		freshAccount(username);
		String address = "10.20.3.1";
		for (int i = 0; i < 20; i++) {
			token(unique("nobody"), "wrong", null, address).exchange();
		}
		assertThat(token(username, PASSWORD, null, address)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("Too many failed sign-ins");
		assertThat(mvc.post()
			.uri("/login")
			.with(from(address))
			.param("username", username)
			.param("password", PASSWORD)
			.with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.contains("/login?throttled");
		assertThat(token(username, PASSWORD, null, "10.20.3.2")).hasStatusOk();
	}

}
