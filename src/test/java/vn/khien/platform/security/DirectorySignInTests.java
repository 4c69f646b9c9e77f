package vn.khien.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import testsupport.directory.TestDirectory;
import testsupport.directory.TestIdentityProvider;
import testsupport.directory.TestIdentityProvider.Forgery;
import vn.khien.TestLogins;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;

/**
 * Sign-in through the province's directory against real servers started here: an OpenID
 * Connect provider (Spring Authorization Server) and an LDAP directory (UnboundID).
 * Driven over HTTP as a browser would, redirect by redirect, against Khiên on a real
 * port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DirectorySignInTests {

	static final int PORT = freePort();

	static final String KHIEN = "http://127.0.0.1:" + PORT;

	static final TestDirectory LDAP;

	static final TestIdentityProvider IDP;

	static {
		try {
			LDAP = TestDirectory.start();
			IDP = TestIdentityProvider.start(KHIEN + "/login/oauth2/code/directory");
		}
		catch (Exception ex) {
			throw new IllegalStateException("test directory servers did not start", ex);
		}
	}

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("khien.directory.oidc.enabled", () -> true);
		properties.add("khien.directory.oidc.issuer-uri", IDP::issuer);
		properties.add("khien.directory.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
		properties.add("khien.directory.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		properties.add("khien.directory.ldap.enabled", () -> true);
		properties.add("khien.directory.ldap.url", LDAP::url);
		properties.add("khien.directory.ldap.base", () -> TestDirectory.BASE);
		properties.add("khien.directory.ldap.user-search-base", () -> "ou=people");
		properties.add("khien.directory.ldap.group-search-base", () -> "ou=groups");
		properties.add("khien.directory.ldap.timeout", () -> "2s");
		properties.add("khien.directory.mapping.roles.AGENCY_OFFICER", () -> "khien-officers");
		properties.add("khien.directory.mapping.roles.PROVINCE_OPERATOR", () -> "khien-operators");
	}

	@AfterAll
	static void stopServers() {
		IDP.close();
		LDAP.close();
	}

	@AfterEach
	void honestProvider() {
		TestIdentityProvider.forge(Forgery.NONE);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	long agency(String code) {
		return jdbc.sql("SELECT id FROM agency WHERE code = :c").param("c", code).query(Long.class).single();
	}

	Optional<Accounts.Account> account(String username) {
		return accounts.findByUsername(username);
	}

	String source(String username) {
		return jdbc.sql("SELECT auth_source FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	// --- LDAP / Active Directory

	@Test
	void anLdapOfficerSignsInWithTheMappedRoleAndAgencyAndSeesTheirName() throws Exception {
		var browser = new Browser();
		var signedIn = browser.signIn("lan", TestDirectory.PASSWORD);
		assertThat(signedIn.headers().firstValue("Location")).hasValue(KHIEN + "/");
		assertThat(browser.get("/").body()).contains("Trần Thị Lan");
		var lan = account("lan").orElseThrow();
		assertThat(lan.roles()).containsExactly(Role.AGENCY_OFFICER);
		assertThat(lan.agencyId()).isEqualTo(agency("SYT"));
		assertThat(lan.email()).isEqualTo("lan@syt.khien.test");
		assertThat(source("lan")).isEqualTo("LDAP");
		// the officer's scope follows: another department's systems answer 404
		assertThat(browser.get("/systems").statusCode()).isEqualTo(200);
	}

	@Test
	void anLdapOperatorGetsTheOperatorRoleThroughTheTokenEndpointToo() throws Exception {
		var token = token("minh", TestDirectory.PASSWORD);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		assertThat(account("minh").orElseThrow().roles()).containsExactly(Role.PROVINCE_OPERATOR);
	}

	@Test
	void someoneTheDirectoryKnowsButTheMappingDoesNotPlaceGetsNoAccessAndAClearPage() throws Exception {
		var browser = new Browser();
		var refused = browser.signIn("tuan", TestDirectory.PASSWORD);
		assertThat(refused.headers().firstValue("Location")).hasValue(KHIEN + "/login/denied?reason=noRole");
		var page = browser.get("/login/denied?reason=noRole");
		assertThat(page.body()).contains("không thuộc nhóm nào được cấp quyền trong Khiên");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(account("tuan")).isEmpty();
		var token = token("tuan", TestDirectory.PASSWORD);
		assertThat(token.statusCode()).isEqualTo(403);
		assertThat(token.body()).contains("auth.directoryNotPlaced");
	}

	@Test
	void anOfficerPlacedInAnAgencyKhienDoesNotKnowGetsNoAccess() throws Exception {
		var refused = new Browser().signIn("stray", TestDirectory.PASSWORD);
		assertThat(refused.headers().firstValue("Location")).hasValue(KHIEN + "/login/denied?reason=unknownAgency");
		assertThat(account("stray")).isEmpty();
	}

	@Test
	void aWrongDirectoryPasswordIsRefusedAndCreatesNothing() throws Exception {
		assertThat(token("lan", "not-the-password").statusCode()).isEqualTo(401);
		var refused = new Browser().signIn("nobody-in-ldap", TestDirectory.PASSWORD);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
		assertThat(account("nobody-in-ldap")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "lan*", "*)(uid=*", "lan)(|(uid=*", "*)(objectClass=*", "lan\u0000", "(uid=lan)" })
	void ldapInjectionInTheUserNameIsRefused(String username) throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
		assertThat(token(username, TestDirectory.PASSWORD).statusCode()).isIn(400, 401);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aLocalAccountIsNeverCheckedAgainstTheDirectoryNorTakenOverByIt() throws Exception {
		// the directory has an "admin" too, with its own password: it does not open the
		// local admin
		assertThat(token("admin", TestDirectory.PASSWORD).statusCode()).isEqualTo(401);
		assertThat(token("admin", TestLogins.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
		assertThat(source("admin")).isEqualTo("LOCAL");
		assertThat(account("admin").orElseThrow().roles()).containsExactly(Role.ADMIN);
	}

	@Test
	void whenTheDirectoryIsDownItsUsersAreToldSoAndTheLocalAdminStillSignsIn() throws Exception {
		LDAP.pause();
		try {
			var refused = new Browser().signIn("lan", TestDirectory.PASSWORD);
			assertThat(refused.headers().firstValue("Location")).hasValue(KHIEN + "/login?directory=unavailable");
			assertThat(new Browser().get("/login?directory=unavailable").body())
				.contains("Không kết nối được với hệ thống đăng nhập tập trung");
			var token = token("lan", TestDirectory.PASSWORD);
			assertThat(token.statusCode()).isEqualTo(503);
			assertThat(token("admin", TestLogins.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
			var admin = new Browser();
			assertThat(admin.signIn("admin", TestLogins.ADMIN_PASSWORD).headers().firstValue("Location"))
				.hasValue(KHIEN + "/");
		}
		finally {
			LDAP.resume();
		}
	}

	@Test
	void aDirectoryAccountDisabledInKhienIsRefusedAtItsNextSignIn() throws Exception {
		assertThat(token("lan", TestDirectory.PASSWORD).statusCode()).isEqualTo(200);
		long id = account("lan").orElseThrow().id();
		vn.khien.FixturePrincipal.FIXTURES.run(() -> accounts.setEnabled(id, false));
		try {
			assertThat(token("lan", TestDirectory.PASSWORD).statusCode()).isEqualTo(401);
		}
		finally {
			vn.khien.FixturePrincipal.FIXTURES.run(() -> accounts.setEnabled(id, true));
		}
	}

	// --- OpenID Connect

	@Test
	void anOidcOfficerSignsInAndLandsWithTheMappedRoleAndAgency() throws Exception {
		var browser = new Browser();
		var landed = browser.oidcSignIn("hoa");
		assertThat(landed.headers().firstValue("Location")).hasValue(KHIEN + "/");
		assertThat(browser.get("/").body()).contains("Phạm Thị Hoa");
		var hoa = account("hoa").orElseThrow();
		assertThat(hoa.roles()).containsExactly(Role.AGENCY_OFFICER);
		assertThat(hoa.agencyId()).isEqualTo(agency("SYT"));
		assertThat(source("hoa")).isEqualTo("OIDC");
		// signing in again finds the same account by the provider's subject, not by name
		var again = new Browser();
		again.oidcSignIn("hoa");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'hoa'").query(Long.class).single()).isOne();
	}

	@Test
	void anOidcOperatorGetsTheOperatorRole() throws Exception {
		var browser = new Browser();
		browser.oidcSignIn("an");
		assertThat(account("an").orElseThrow().roles()).containsExactly(Role.PROVINCE_OPERATOR);
		assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(browser.get("/systems").statusCode()).isEqualTo(200);
	}

	@Test
	void anOidcUserTheMappingDoesNotPlaceGetsTheNoAccessPage() throws Exception {
		var browser = new Browser();
		var refused = browser.oidcSignIn("ghost");
		assertThat(refused.headers().firstValue("Location")).hasValue(KHIEN + "/login/denied?reason=noRole");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(account("ghost")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Forgery.class, names = { "WRONG_ISSUER", "WRONG_AUDIENCE", "WRONG_NONCE", "EXPIRED" })
	void forgedIdTokensAreRefusedAndChangeNothing(Forgery forgery) throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
		TestIdentityProvider.forge(forgery);
		var browser = new Browser();
		var refused = browser.oidcSignIn("an");
		assertThat(refused.headers().firstValue("Location")).hasValue(KHIEN + "/login?directory=refused");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aReplayedAuthorizationResponseIsRefused() throws Exception {
		var browser = new Browser();
		String callback = browser.oidcCallback("an");
		assertThat(browser.get(callback).headers().firstValue("Location")).hasValue(KHIEN + "/");
		var attacker = new Browser();
		assertThat(attacker.get(callback).headers().firstValue("Location"))
			.hasValue(KHIEN + "/login?directory=refused");
		// the same browser replaying it is refused too: the authorization request was
		// used up
		assertThat(browser.get(callback).headers().firstValue("Location").orElseThrow())
			.contains("/login?directory=refused");
	}

	@Test
	void anUnknownProviderRegistrationLandsOnTheSignInPageNotAnErrorPage() throws Exception {
		var response = new Browser().get("/oauth2/authorization/no-such-provider");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue(KHIEN + "/login?directory=unavailable");
	}

	@Test
	void theSignInPageOffersTheDirectory() throws Exception {
		assertThat(new Browser().get("/login").body()).contains("id=\"sign-in-directory\"")
			.contains("/oauth2/authorization/directory");
	}

	// --- a client that follows redirects one by one and keeps cookies, as a browser does

	HttpResponse<String> token(String username, String password) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(KHIEN + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\":\"" + json(username) + "\",\"password\":\"" + json(password) + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000");
	}

	static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	final class Browser {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String url) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(absolute(url)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return http.send(HttpRequest.newBuilder(absolute(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Khiên's own sign-in form. */
		HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
			String csrf = csrf(get("/login").body());
			return post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
		}

		/** Through the provider, up to Khiên's answer to the provider's redirect back. */
		HttpResponse<String> oidcSignIn(String user) throws IOException, InterruptedException {
			return get(oidcCallback(user));
		}

		/**
		 * Through the provider's sign-in, up to the redirect back to Khiên (not
		 * followed).
		 */
		String oidcCallback(String user) throws IOException, InterruptedException {
			var toProvider = get("/oauth2/authorization/directory");
			assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
			String authorize = location(toProvider);
			assertThat(authorize).startsWith(IDP.issuer() + "/oauth2/authorize");
			assertThat(authorize).contains("scope=openid%20profile%20email").contains("nonce=");
			var toLogin = get(authorize);
			String loginPage = location(toLogin);
			var page = get(loginPage);
			assertThat(page.statusCode()).as(loginPage + " " + page.headers().map()).isEqualTo(200);
			String csrf = csrf(page.body());
			var loggedIn = post(loginPage,
					Map.of("username", user, "password", TestIdentityProvider.PASSWORD, "_csrf", csrf));
			var back = get(location(loggedIn));
			String callback = location(back);
			assertThat(callback).startsWith(KHIEN + "/login/oauth2/code/directory?");
			return callback;
		}

		private URI absolute(String url) {
			return URI.create(url.startsWith("http") ? url : KHIEN + url);
		}

	}

	static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(300, 399);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.startsWith("http") ? location : response.uri().resolve(location).toString();
	}

	static String csrf(String html) {
		var m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF field in " + html).isTrue();
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
