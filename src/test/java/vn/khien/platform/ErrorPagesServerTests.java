package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the servlet container answers itself (an unknown address) is the layout's error
 * page too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesServerTests {

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path, String accept) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Accept", accept)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * A client signed in as the demo operator through the form, as {@code curl} would be.
	 */
	HttpClient signedIn() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String login = client
			.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=operator&password=demo-test-password&_csrf="
				+ java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
		var signIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
		return client;
	}

	@Test
	void anUnknownAddressIsThe404PageInTheLayoutNotWhitelabel() throws Exception {
		var anonymous = get("/static/css/no-such-file.css", "text/html");
		assertThat(anonymous.statusCode()).isEqualTo(404);
		assertThat(anonymous.body()).contains("id=\"error-page\"")
			.contains("Không tìm thấy")
			.doesNotContain("Whitelabel");
	}

	@Test
	void curlWhichAcceptsAnythingGetsThePageAndTheApiGetsProblemDetails() throws Exception {
		var page = signedIn().send(HttpRequest.newBuilder(URI.create(base() + "/no-such-page-here")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("id=\"error-page\"").contains("<nav");

		var api = get("/api/v1/auth/no-such-operation", "*/*");
		assertThat(api.statusCode()).isIn(401, 404);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"status\":" + api.statusCode()).doesNotContain("timestamp");

		var direct = get("/error", "text/html");
		assertThat(direct.statusCode()).as("a visit to the error address itself").isEqualTo(404);
		assertThat(direct.body()).contains("id=\"error-page\"");
	}

}
