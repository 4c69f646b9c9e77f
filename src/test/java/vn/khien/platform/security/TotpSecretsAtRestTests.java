package vn.khien.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.SignedIn;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.platform.SecretBox;

@KhienTest
class TotpSecretsAtRestTests {

	static final String PASSWORD = "at-rest-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInRecords records;

	@Autowired
	TotpSecretsAtRest atRest;

	@Autowired
	AccountSecurity security;

	final Totp totp = new Totp();

	long freshUser(String name) {
		return accounts.create(
				new Accounts.NewAccount(name, "Người Dùng Thử", null, PASSWORD, EnumSet.of(Role.ASSESSOR), null, null));
	}

	String stored(long id) {
		return jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id").param("id", id).query(String.class).single();
	}

	static SecretBox anotherBox() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new SecretBox(key, "another key");
	}

	@Test
	void enrolmentStoresTheSecretSealedAndSignInWithACodeStillWorks() {
		String username = "rest-" + UUID.randomUUID().toString().substring(0, 8);
		long id = freshUser(username);
		SignedIn session = logins.signIn(username, PASSWORD);
		assertThat(mvc.get().uri("/account/totp").with(session)).hasStatusOk();
		String secret = (String) logins.attribute(session, "khien.totp.pending");
		assertThat(mvc.post()
			.uri("/account/totp")
			.with(session)
			.with(csrf())
			.param("code", totp.codeAt(secret, Instant.now()))).hasStatus(HttpStatus.FOUND);

		String column = stored(id);
		assertThat(column).startsWith(SecretBox.PREFIX).doesNotContain(secret);
		assertThat(records.openTotp(id, column)).isEqualTo(secret);

		assertThat(mvc.post().uri("/login").param("username", username).param("password", PASSWORD).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/login?totp&username=" + username);
		assertThat(mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", PASSWORD)
			.param("totp", totp.codeAt(secret, Instant.now().plusSeconds(30)))
			.with(csrf())).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
	}

	@Test
	void plainSecretFromBeforeIsSealedAtStartUpAndStillVerifies() {
		String username = "plain-" + UUID.randomUUID().toString().substring(0, 8);
		long id = freshUser(username);
		String secret = Totp.newSecret();
		jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_enabled = TRUE WHERE id = :id")
			.param("s", secret)
			.param("id", id)
			.update();

		assertThat(atRest.sealPlainSecrets()).isGreaterThanOrEqualTo(1);
		assertThat(stored(id)).startsWith(SecretBox.PREFIX).doesNotContain(secret);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM app_user WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'")
					.query(Long.class)
					.single())
			.isZero();
		assertThat(atRest.sealPlainSecrets()).isZero();

		assertThat(mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"totp\":\""
					+ totp.codeAt(secret, Instant.now()) + "\"}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.token")
			.asString()
			.startsWith("khn_");
	}

	@Test
	void aKeyThatOpensNoStoredSecretStopsStartUp() {
		long id = freshUser("wrongkey-" + UUID.randomUUID().toString().substring(0, 8));
		String secret = Totp.newSecret();
		jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_enabled = TRUE WHERE id = :id")
			.param("s", records.sealTotp(id, secret))
			.param("id", id)
			.update();
		try {
			var wrong = anotherBox();
			var startUp = new TotpSecretsAtRest(jdbc, new SignInRecords(jdbc, accounts, wrong), wrong);
			assertThatThrownBy(startUp::checkKey).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("The secret key from another key opens none of the")
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(secret));
			// the right key passes
			atRest.checkKey();
		}
		finally {
			security.resetTotp(id);
		}
	}

	@Test
	void secretSealedUnderAnotherKeyRefusesSignInClearly() {
		String username = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
		long id = freshUser(username);
		String secret = Totp.newSecret();
		jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_enabled = TRUE WHERE id = :id")
			.param("s", anotherBox().seal(secret, SignInRecords.totpContext(id)))
			.param("id", id)
			.update();
		try {
			assertThat(mvc.post()
				.uri("/login")
				.param("username", username)
				.param("password", PASSWORD)
				.param("totp", totp.codeAt(secret, Instant.now()))
				.with(csrf())).hasStatus(HttpStatus.FOUND).redirectedUrl().startsWith("/login?unavailable");
			assertThat(mvc.get().uri("/login?unavailable")).hasStatusOk()
				.bodyText()
				.contains("Không kiểm tra được mã xác thực");
			assertThat(mvc.post()
				.uri("/api/v1/auth/token")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"totp\":\""
						+ totp.codeAt(secret, Instant.now()) + "\"}"))
				.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
				.bodyJson()
				.extractingPath("$.code")
				.isEqualTo("auth.totpUnavailable");
		}
		finally {
			security.resetTotp(id);
		}
	}

}
