package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * Behind the province's reverse proxy (10.9.9.9 and 10.77.0.0/16 are trusted in the test
 * settings): the client's address and scheme come from the forwarded headers only through
 * a trusted proxy.
 */
@KhienTest
class ReverseProxyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static RequestPostProcessor from(String sender, String... headers) {
		return request -> {
			request.setRemoteAddr(sender);
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.addHeader(headers[i], headers[i + 1]);
			}
			return request;
		};
	}

	MvcTestResult failedSignIn(RequestPostProcessor from, String username) {
		return mvc.post()
			.uri("/login")
			.with(from)
			.with(csrf())
			.param("username", username)
			.param("password", "wrong")
			.exchange();
	}

	List<String> auditedAddresses(String username) {
		return jdbc.sql("SELECT address FROM audit_entry WHERE actor = :u ORDER BY seq")
			.param("u", username)
			.query(String.class)
			.list();
	}

	@Test
	void throughATrustedProxyTheForwardedClientIsThrottledAndAuditedNotTheProxy() {
		var attacker = from("10.9.9.9", "X-Forwarded-For", "203.0.113.50");
		for (int i = 0; i < 20; i++) {
			failedSignIn(attacker, "nobody-proxy-a");
		}
		assertThat(failedSignIn(attacker, "nobody-proxy-a")).hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.contains("throttled");
		assertThat(auditedAddresses("nobody-proxy-a")).isNotEmpty().containsOnly("203.0.113.50");
		// everyone else behind the same proxy still signs in
		assertThat(mvc.post()
			.uri("/login")
			.with(from("10.9.9.9", "X-Forwarded-For", "203.0.113.51"))
			.with(csrf())
			.param("username", "leader")
			.param("password", TestLogins.DEMO_PASSWORD)).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
	}

	@Test
	void addressesTheClientWroteLeftOfTheProxiesAreNotBelieved() {
		// the client sent "X-Forwarded-For: 198.51.100.1"; nginx appended the real
		// address, then a second proxy
		var spoofed = from("10.77.1.2", "X-Forwarded-For", "198.51.100.1, 203.0.113.60, 10.77.5.5");
		failedSignIn(spoofed, "nobody-proxy-b");
		assertThat(auditedAddresses("nobody-proxy-b")).containsExactly("203.0.113.60");
		var garbage = from("10.9.9.9", "X-Forwarded-For", "<script>, 203.0.113.61");
		failedSignIn(garbage, "nobody-proxy-c");
		assertThat(auditedAddresses("nobody-proxy-c")).containsExactly("203.0.113.61");
	}

	@Test
	void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
		var untrusted = from("192.0.2.99", "X-Forwarded-For", "203.0.113.70", "X-Forwarded-Proto", "https");
		for (int i = 0; i < 20; i++) {
			failedSignIn(from("192.0.2.99", "X-Forwarded-For", "203.0.113." + (100 + i)), "nobody-proxy-d");
		}
		assertThat(auditedAddresses("nobody-proxy-d")).containsOnly("192.0.2.99");
		// the sender itself is throttled, whatever it claims
		assertThat(failedSignIn(untrusted, "nobody-proxy-d")).redirectedUrl().contains("throttled");
		assertThat(mvc.post()
			.uri("/api/v1/auth/token")
			.with(untrusted)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"leader\",\"password\":\"" + TestLogins.DEMO_PASSWORD + "\"}"))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		var page = mvc.get().uri("/login").with(from("192.0.2.98", "X-Forwarded-Proto", "https")).exchange();
		assertThat(page).doesNotContainHeader("Strict-Transport-Security");
		assertThat(page.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
	}

	@Test
	void anHttpsRequestThroughTheProxyGetsHstsAndASecureLanguageCookie() {
		var https = from("10.9.9.9", "X-Forwarded-For", "203.0.113.80", "X-Forwarded-Proto", "https");
		var page = mvc.get().uri("/login").with(https).exchange();
		assertThat(page).hasStatusOk().containsHeader("Strict-Transport-Security");
		var language = mvc.get().uri("/login?lang=en").with(https).exchange();
		assertThat(language.getResponse().getHeaders("Set-Cookie"))
			.anyMatch(c -> c.startsWith("khien_lang=") && c.contains("Secure"));
		var plain = mvc.get().uri("/login").with(from("10.9.9.9", "X-Forwarded-For", "203.0.113.81")).exchange();
		assertThat(plain).doesNotContainHeader("Strict-Transport-Security");
		assertThat(plain.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
		// the session cookie is checked against the real server in
		// ReverseProxyServerTests
	}

}
