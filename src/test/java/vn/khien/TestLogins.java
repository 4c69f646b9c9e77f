package vn.khien;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens and web sessions of the demo accounts, fetched once through the real
 * sign-in paths.
 */
@TestComponent
public class TestLogins {

	public static final String DEMO_PASSWORD = "demo-test-password";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final Map<String, SignedIn> SESSIONS = new ConcurrentHashMap<>();

	private final MockMvc mvc;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final SessionRepository<? extends Session> sessions;

	TestLogins(MockMvc mvc, JsonMapper json, JdbcClient jdbc, SessionRepository<? extends Session> sessions) {
		this.mvc = mvc;
		this.json = json;
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	/** An attribute of the stored session, as the application left it. */
	public @Nullable Object attribute(SignedIn session, String name) {
		Session stored = sessions.findById(session.sessionId());
		return stored == null ? null : stored.getAttribute(name);
	}

	/** {@code Authorization} header value for a demo user ({@code admin} included). */
	public String bearer(String username) {
		String token = TOKENS.compute(username, (u, t) -> t != null && live(t) ? t : fetch(u));
		return "Bearer " + token;
	}

	/**
	 * A web session signed in through the login form, for page tests (send CSRF with
	 * writes).
	 */
	public SignedIn session(String username) {
		return SESSIONS.compute(username, (u, s) -> s != null && live(s) ? s : signIn(u, passwordOf(u)));
	}

	/** A fresh form sign-in; fails unless the login form accepted the credentials. */
	public SignedIn signIn(String username, String password) {
		try {
			MvcResult result = mvc
				.perform(MockMvcRequestBuilders.post("/login")
					.param("username", username)
					.param("password", password)
					.with(SecurityMockMvcRequestPostProcessors.csrf()))
				.andReturn();
			return signedIn(username, result);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not sign in " + username, ex);
		}
	}

	/** The same, for helpers that only have a {@link MockMvcTester}. */
	public static SignedIn signIn(MockMvcTester mvc, String username, String password) {
		var result = mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();
		return signedIn(username, result.getMvcResult());
	}

	private static SignedIn signedIn(String username, MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		var cookie = result.getResponse().getCookie(SignedIn.COOKIE);
		if (location == null || location.contains("/login") || cookie == null) {
			throw new IllegalStateException("form login refused for " + username + ": " + location);
		}
		return new SignedIn(username, cookie);
	}

	public static String passwordOf(String username) {
		return username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
	}

	// NB: another test may have ended a demo account's sessions or tokens (an agency
	// merge moves accounts)
	public boolean live(SignedIn session) {
		return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = :id")
			.param("id", session.sessionId())
			.query(Long.class)
			.single() > 0;
	}

	private boolean live(String token) {
		return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :h AND revoked_at IS NULL")
			.param("h", vn.khien.platform.Sha256.hex(token))
			.query(Long.class)
			.single() > 0;
	}

	private String fetch(String username) {
		try {
			String body = mvc
				.perform(MockMvcRequestBuilders.post("/api/v1/auth/token")
					.contentType(MediaType.APPLICATION_JSON)
					.content(json.writeValueAsString(Map.of("username", username, "password", passwordOf(username)))))
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
