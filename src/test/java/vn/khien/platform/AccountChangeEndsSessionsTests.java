package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.SignedIn;
import vn.khien.TestLogins;

/**
 * An account's open web sessions and tokens follow it: once an administrator disables it,
 * changes its roles, agency or password, the very next request made with them is refused.
 */
@KhienTest
class AccountChangeEndsSessionsTests {

	static final String PASSWORD = "session-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	long health() {
		return jdbc.sql("SELECT id FROM agency WHERE code = 'SYT'").query(Long.class).single();
	}

	long education() {
		return jdbc.sql("SELECT id FROM agency WHERE code = 'SGDDT'").query(Long.class).single();
	}

	record Signed(long id, String username, SignedIn web, String token) {
	}

	/**
	 * A fresh officer of the health department, signed in on the web and holding a token.
	 */
	Signed signedInOfficer() {
		String username = "sess-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(username, "Phiên thử nghiệm", null, PASSWORD,
				EnumSet.of(Role.AGENCY_OFFICER), health(), null));
		SignedIn web = logins.signIn(username, PASSWORD);
		byte[] body = mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", PASSWORD)))
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		String token = json.readTree(body).get("token").asString();
		// both work before the change
		assertThat(mvc.get().uri("/systems").with(web)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/systems").header("Authorization", "Bearer " + token)).hasStatusOk();
		return new Signed(id, username, web, token);
	}

	void assertRefused(Signed s) {
		assertThat(mvc.get().uri("/systems").with(s.web())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(mvc.get().uri("/api/v1/systems").header("Authorization", "Bearer " + s.token()))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(logins.live(s.web())).isFalse();
	}

	void changedByAdminRefusesTheOldSession(LongConsumer change) {
		Signed s = signedInOfficer();
		change.accept(s.id());
		assertRefused(s);
	}

	@Test
	void disablingAnAccountEndsItsSessionAndTokenAtOnce() {
		Signed s = signedInOfficer();
		assertThat(mvc.put()
			.uri("/api/v1/users/{id}", s.id())
			.header("Authorization", logins.bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName":"Phiên thử nghiệm","agencyId":%d,"enabled":false}""".formatted(health())))
			.hasStatusOk();
		assertRefused(s);
	}

	@Test
	void disablingThroughTheAdministrationPageEndsTheSessionToo() {
		Signed s = signedInOfficer();
		assertThat(mvc.post().uri("/admin/users/{id}/disable", s.id()).with(logins.session("admin")).with(csrf()))
			.hasStatus3xxRedirection();
		assertRefused(s);
	}

	@Test
	void changingRolesEndsTheSession() {
		changedByAdminRefusesTheOldSession(id -> assertThat(mvc.post()
			.uri("/api/v1/users/{id}/roles", id)
			.header("Authorization", logins.bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"roles\":[\"ASSESSOR\"]}")).hasStatusOk());
	}

	@Test
	void movingTheAccountToAnotherAgencyEndsTheSession() {
		changedByAdminRefusesTheOldSession(id -> assertThat(mvc.put()
			.uri("/api/v1/users/{id}", id)
			.header("Authorization", logins.bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"displayName\":\"Phiên thử nghiệm\",\"enabled\":true,\"agencyId\":" + education() + "}"))
			.hasStatusOk());
	}

	@Test
	void aPasswordChangeByAnotherSessionEndsTheOldOne() {
		Signed s = signedInOfficer();
		SignedIn second = logins.signIn(s.username(), PASSWORD);
		assertThat(mvc.post()
			.uri("/account/password")
			.with(second)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "a-brand-new-password")
			.param("confirmPassword", "a-brand-new-password")).hasStatus3xxRedirection();
		assertRefused(s);
		// the session the user changed it from stays signed in; the new password works,
		// the old does not
		assertThat(mvc.get().uri("/systems").with(second)).hasStatusOk();
		assertThat(mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", s.username(), "password", PASSWORD))))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anUnchangedAccountKeepsItsSession() {
		Signed s = signedInOfficer();
		Signed other = signedInOfficer();
		assertThat(mvc.post()
			.uri("/api/v1/users/{id}/roles", other.id())
			.header("Authorization", logins.bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"roles\":[\"ASSESSOR\"]}")).hasStatusOk();
		assertThat(mvc.get().uri("/systems").with(s.web())).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/systems").header("Authorization", "Bearer " + s.token())).hasStatusOk();
	}

}
