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

	@Test
	void anUnknownAddressIsThe404PageInTheLayoutNotWhitelabel() throws Exception {
		var anonymous = get("/static/css/no-such-file.css", "text/html");
		assertThat(anonymous.statusCode()).isEqualTo(404);
		assertThat(anonymous.body()).contains("id=\"error-page\"")
			.contains("Không tìm thấy")
			.doesNotContain("Whitelabel");
	}

}
