package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real server (the browser tests' context) behind a proxy on this machine, which the
 * test settings trust: the session cookie is {@code Secure} exactly when the original
 * request was HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReverseProxyServerTests {

	@LocalServerPort
	int port;

	List<String> cookies(String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().allValues("Set-Cookie");
	}

	@Test
	void theSessionCookieIsSecureWhenTheClientCameOverHttps() throws Exception {
		assertThat(cookies("X-Forwarded-For", "203.0.113.90", "X-Forwarded-Proto", "https"))
			.anyMatch(c -> c.startsWith("SESSION=") && c.contains("; Secure") && c.contains("HttpOnly"));
		assertThat(cookies("X-Forwarded-For", "203.0.113.91")).anyMatch(c -> c.startsWith("SESSION="))
			.noneMatch(c -> c.contains("Secure"));
	}

}
