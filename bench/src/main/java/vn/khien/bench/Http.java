package vn.khien.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP client of the application, as one caller would be: its own connection, and either a bearer token or
 * the session cookie of a sign-in through the login form. Redirects are not followed, so a lost session shows
 * as a 302 to the login page rather than as a fast 200.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private final HttpClient client;

	private final String base;

	private final String token;

	private Http(HttpClient client, String base, String token) {
		this.client = client;
		this.base = base;
		this.token = token;
	}

	static Http to(String base) {
		return new Http(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build(), base, "");
	}

	/** The same connection with a token from {@code POST /api/v1/auth/token}. */
	Http withToken(String username, String password) throws IOException, InterruptedException {
		JsonNode answer = send("POST", "/api/v1/auth/token", Map.of("username", username, "password", password), 200);
		return new Http(client, base, answer.path("token").asString());
	}

	/** Signs in through the login form, so that this client's cookie is a signed-in web session. */
	Http signIn(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> form = client.send(request("/login").build(), BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(form.body());
		if (form.statusCode() != 200 || !csrf.find()) {
			throw new IllegalStateException("no sign-in form at /login: " + form.statusCode());
		}
		String body = Map.of("username", username, "password", password, "_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2))
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<Void> signedIn = client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.discarding());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException("sign-in of " + username + " refused: " + signedIn.statusCode() + " " + location);
		}
		return this;
	}

	/** Status of a GET whose body is read in full and dropped. */
	int get(String path) throws IOException, InterruptedException {
		return client.send(request(path).build(), BodyHandlers.discarding()).statusCode();
	}

	JsonNode getJson(String path) throws IOException, InterruptedException {
		return send("GET", path, null, 200);
	}

	JsonNode postJson(String path, Object body) throws IOException, InterruptedException {
		return send("POST", path, body, 201);
	}

	/** A JSON request that queues a job: answers 202. */
	JsonNode postJob(String path, Object body) throws IOException, InterruptedException {
		return send("POST", path, body, 202);
	}

	/** A multipart upload of {@code file} as the part {@code file}, with {@code fields} beside it; answers 202. */
	JsonNode upload(String path, Map<String, String> fields, Path file) throws IOException, InterruptedException {
		return upload(path, fields, file, "text/csv");
	}

	/** The same for a file that is not a CSV (a scanner's report, gzip-compressed). */
	JsonNode upload(String path, Map<String, String> fields, Path file, String contentType)
			throws IOException, InterruptedException {
		String boundary = "bench-" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
			.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(file.getFileName()).append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
		HttpRequest request = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.concat(BodyPublishers.ofString(head.toString()), BodyPublishers.ofFile(file),
					BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
			.build();
		return check(client.send(request, BodyHandlers.ofString()), 202, path);
	}

	private JsonNode send(String method, String path, Object body, int expected) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).header("Accept", "application/json");
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return check(client.send(request.build(), BodyHandlers.ofString()), expected, path);
	}

	private static JsonNode check(HttpResponse<String> response, int expected, String path) {
		if (response.statusCode() != expected) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
		return token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
	}
}
