package vn.khien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.TestLogins;

/**
 * Calls on the SOC's API: sources, rules, events, alerts, with the status each must
 * answer.
 */
final class MonitoringCalls {

	private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

	final MockMvcTester mvc;

	private final TestLogins logins;

	private final JsonMapper json;

	MonitoringCalls(MockMvcTester mvc, TestLogins logins, JsonMapper json) {
		this.mvc = mvc;
		this.logins = logins;
		this.json = json;
	}

	/** A new source for the agency, made by the operator; its token. */
	String source(long agencyId) {
		JsonNode created = json(mvc.post()
			.uri("/api/v1/sources")
			.header("Authorization", logins.bearer("operator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"sensor-" + NEXT.incrementAndGet() + "-" + System.nanoTime() + "\", \"agencyIds\": ["
					+ agencyId + "]}"),
				201);
		assertThat(created.get("token").asString()).startsWith("khs_");
		return created.get("token").asString();
	}

	/**
	 * Loads a rules file (a test resource) as the operator: new (201) or loaded before
	 * (200).
	 */
	JsonNode rule(String resource) throws IOException {
		MvcTestResult result = mvc.perform(mvc.post()
			.uri("/api/v1/rules")
			.multipart()
			.file(new MockMultipartFile("file", resource.substring(resource.lastIndexOf('/') + 1), "application/yaml",
					resource(resource)))
			.header("Authorization", logins.bearer("operator")));
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isIn(200, 201);
		return json.readTree(body);
	}

	/** Loads a rules file (a test resource) as the operator. */
	JsonNode rule(String resource, int status) throws IOException {
		return ruleBytes(resource.substring(resource.lastIndexOf('/') + 1), resource(resource), status);
	}

	JsonNode ruleBytes(String name, byte[] content, int status) {
		return json(mvc.post()
			.uri("/api/v1/rules")
			.multipart()
			.file(new MockMultipartFile("file", name, "application/yaml", content))
			.header("Authorization", logins.bearer("operator")), status);
	}

	/** Posts events as a source. */
	JsonNode events(String token, String ndjson, int status) {
		return json(mvc.post()
			.uri("/api/v1/events")
			.header("Authorization", "Bearer " + token)
			.contentType("application/x-ndjson")
			.content(ndjson.getBytes(StandardCharsets.UTF_8)), status);
	}

	JsonNode eventsGzip(String token, byte[] gzip, int status) {
		return json(mvc.post()
			.uri("/api/v1/events")
			.header("Authorization", "Bearer " + token)
			.header("Content-Encoding", "gzip")
			.contentType("application/x-ndjson")
			.content(gzip), status);
	}

	JsonNode get(String user, String uri, int status) {
		return json(mvc.get().uri(uri).header("Authorization", logins.bearer(user)), status);
	}

	JsonNode post(String user, String uri, String body, int status) {
		return json(mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body), status);
	}

	JsonNode json(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
			int status) {
		MvcTestResult result = mvc.perform(request);
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		return body.isEmpty() ? json.nullNode() : json.readTree(body);
	}

	static byte[] resource(String path) throws IOException {
		try (InputStream in = MonitoringCalls.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
	}

	/**
	 * The JSON objects of a file (concatenated, as evtx_dump writes them), one per line.
	 */
	String ndjson(String resource) throws IOException {
		StringBuilder out = new StringBuilder();
		try (JsonParser parser = json.createParser(resource(resource))) {
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				out.append(json.writeValueAsString(json.readTree(parser))).append('\n');
			}
		}
		return out.toString();
	}

	static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
