package vn.khien;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.json.JsonMapper;

/** Bearer tokens of the demo accounts, fetched once through the real token endpoint. */
@TestComponent
public class TestLogins {

	public static final String DEMO_PASSWORD = "demo-test-password";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final Map<String, MockHttpSession> SESSIONS = new ConcurrentHashMap<>();

	private final MockMvc mvc;

	private final JsonMapper json;

	TestLogins(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** {@code Authorization} header value for a demo user ({@code admin} included). */
	public String bearer(String username) {
		return "Bearer " + TOKENS.computeIfAbsent(username, this::fetch);
	}

	/** A web session signed in through the login form, for page tests (send CSRF with writes). */
	public MockHttpSession session(String username) {
		return SESSIONS.compute(username, (u, s) -> s == null || s.isInvalid() ? signIn(u, passwordOf(u)) : s);
	}

	/** A fresh form sign-in; fails unless the login form accepted the credentials. */
	public MockHttpSession signIn(String username, String password) {
		try {
			var result = mvc.perform(MockMvcRequestBuilders.post("/login")
				.param("username", username)
				.param("password", password)
				.with(SecurityMockMvcRequestPostProcessors.csrf()))
				.andReturn();
			String location = result.getResponse().getRedirectedUrl();
			if (location == null || location.contains("/login")) {
				throw new IllegalStateException("form login refused for " + username + ": " + location);
			}
			return (MockHttpSession) result.getRequest().getSession(false);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not sign in " + username, ex);
		}
	}

	public static String passwordOf(String username) {
		return username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
	}

	private String fetch(String username) {
		String password = username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
		try {
			String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/token")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("username", username, "password", password))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return json.readTree(body).get("token").asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not sign in " + username, ex);
		}
	}
}
