package vn.khien;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Declares who may call what and checks it for every demo user, no credentials and garbage
 * credentials. API mode sends bearer tokens; page mode uses form-login sessions and CSRF.
 *
 * <pre>
 * AccessMatrix.api(mvc, logins)
 *     .expect("GET", "/api/v1/users", AccessMatrix.allow(200, "admin").otherwise(403))
 *     .verify();
 * </pre>
 * Missing keys default to: {@value #ANONYMOUS} and {@value #GARBAGE} 401 (pages: 302 to the
 * login form), everyone else as given by {@link Expectation#otherwise(int)}.
 */
public final class AccessMatrix {

	public static final List<String> DEMO_USERS = List.of("admin", "operator", "police", "leader", "officer",
			"officer2", "responder", "assessor", "provider");

	public static final String ANONYMOUS = "(none)";

	public static final String GARBAGE = "(garbage)";

	private final MockMvcTester mvc;

	private final TestLogins logins;

	private final boolean pages;

	private final List<Row> rows = new ArrayList<>();

	private record Row(HttpMethod method, String uri, @Nullable String body, Map<String, Integer> statuses) {
	}

	private AccessMatrix(MockMvcTester mvc, TestLogins logins, boolean pages) {
		this.mvc = mvc;
		this.logins = logins;
		this.pages = pages;
	}

	public static AccessMatrix api(MockMvcTester mvc, TestLogins logins) {
		return new AccessMatrix(mvc, logins, false);
	}

	public static AccessMatrix pages(MockMvcTester mvc, TestLogins logins) {
		return new AccessMatrix(mvc, logins, true);
	}

	/** Users given the {@code allowed} status; everyone else gets {@link Expectation#otherwise(int)}. */
	public static Expectation allow(int allowed, String... users) {
		return new Expectation(allowed, List.of(users));
	}

	public static Expectation everyone(int status) {
		return new Expectation(status, DEMO_USERS);
	}

	public record Expectation(int allowed, List<String> users) {

		public Map<String, Integer> otherwise(int denied) {
			var map = new LinkedHashMap<String, Integer>();
			for (String user : DEMO_USERS) {
				map.put(user, users.contains(user) ? allowed : denied);
			}
			return map;
		}

		public Map<String, Integer> all() {
			return otherwise(allowed);
		}
	}

	public AccessMatrix expect(String method, String uri, Map<String, Integer> statuses) {
		return expect(method, uri, null, statuses);
	}

	/** {@code body} is JSON for the API, form parameters ({@code a=1&b=2}) for pages. */
	public AccessMatrix expect(String method, String uri, @Nullable String body, Map<String, Integer> statuses) {
		var all = new LinkedHashMap<>(statuses);
		all.putIfAbsent(ANONYMOUS, pages ? 302 : 401);
		all.putIfAbsent(GARBAGE, pages ? 302 : 401);
		rows.add(new Row(HttpMethod.valueOf(method), uri, body, all));
		return this;
	}

	/** Runs every request and reports all mismatches at once. */
	public void verify() {
		var failures = new ArrayList<String>();
		for (Row row : rows) {
			// NB: denied callers go first so that an allowed write cannot change what they would see
			var order = new ArrayList<>(row.statuses().entrySet());
			order.sort((a, b) -> Boolean.compare(a.getValue() < 300, b.getValue() < 300));
			for (var e : order) {
				int actual = perform(row, e.getKey());
				if (actual != e.getValue()) {
					failures.add(row.method() + " " + row.uri() + " as " + e.getKey() + ": expected " + e.getValue()
							+ " but was " + actual);
				}
			}
		}
		Assertions.assertThat(failures).as("access matrix mismatches").isEmpty();
	}

	private int perform(Row row, String who) {
		var request = mvc.method(row.method()).uri(row.uri());
		if (pages) {
			request.with(SecurityMockMvcRequestPostProcessors.csrf());
			if (who.equals(GARBAGE)) {
				request.cookie(new jakarta.servlet.http.Cookie(SignedIn.COOKIE, "Z2FyYmFnZS1zZXNzaW9uLWlk"));
			}
			else if (!who.equals(ANONYMOUS)) {
				request.with(logins.session(who));
			}
			if (row.body() != null) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(row.body());
			}
		}
		else {
			if (who.equals(GARBAGE)) {
				request.header("Authorization", "Bearer khn_garbage-token-that-was-never-issued");
			}
			else if (!who.equals(ANONYMOUS)) {
				request.header("Authorization", logins.bearer(who));
			}
			if (row.body() != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(row.body());
			}
		}
		return request.exchange().getResponse().getStatus();
	}
}
