package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class SecurityHardeningTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Environment environment;

	@Test
	void pagesCarryContentSecurityPolicyFrameDenialAndNoSniff() {
		assertThat(mvc.get().uri("/login")).hasStatusOk()
			.hasHeader("X-Frame-Options", "DENY")
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
							+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
							+ "form-action 'self'; base-uri 'self'; object-src 'none'");
		assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", logins.bearer("admin"))).hasStatusOk()
			.hasHeader("X-Frame-Options", "DENY")
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void formPostsWithoutCsrfTokenAreRefused() {
		assertThat(
				mvc.post().uri("/account/tokens").with(logins.session("officer")).param("name", "x").param("days", "5"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/login").param("username", "officer").param("password", TestLogins.DEMO_PASSWORD))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void sessionsExpireAfterThirtyIdleMinutes() {
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void logoutEndsTheSession() {
		var session = logins.signIn("leader", TestLogins.DEMO_PASSWORD);
		assertThat(mvc.get().uri("/account").with(session)).hasStatusOk();
		assertThat(mvc.post().uri("/logout").with(session).with(csrf())).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/login?logout");
		assertThat(logins.live(session)).isFalse();
	}

	@Test
	void prometheusNeedsAnAdministratorsToken() {
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", logins.bearer("operator")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", logins.bearer("admin"))).hasStatusOk()
			.bodyText()
			.contains("jvm_memory_used_bytes");
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
	}

}
