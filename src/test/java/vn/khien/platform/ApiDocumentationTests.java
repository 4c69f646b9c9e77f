package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;

@KhienTest
class ApiDocumentationTests {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Test
	void openApiDocumentDescribesTheApiAndItsBearerTokens() {
		assertThat(mvc.get().uri("/api/docs/openapi.json")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json.getJson()).contains("\"title\":\"Khiên API\"")
				.contains("\"scheme\":\"bearer\"")
				.contains("/api/v1/agencies")
				.contains("/api/v1/imports/assets"));
	}

	/**
	 * The province's other systems are built from this document: every operation says
	 * what it does and shows a body to send. The document is kept in target/ for CI to
	 * lint (.ci/run).
	 */
	@Test
	void everyOperationIsDescribedForIntegrators() throws IOException {
		var result = mvc.get().uri("/api/docs/openapi.json").exchange();
		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode doc = json.readTree(body);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "openapi.json"),
				json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));

		assertThat(doc.at("/info/license/name").asString("")).as("info.license.name").isNotBlank();
		List<String> missing = new ArrayList<>();
		for (var path : doc.get("paths").properties()) {
			for (var op : path.getValue().properties()) {
				if (!METHODS.contains(op.getKey())) {
					continue;
				}
				String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				JsonNode operation = op.getValue();
				if (operation.path("summary").asString("").isBlank()) {
					missing.add(name + ": summary");
				}
				if (operation.path("description").asString("").isBlank()) {
					missing.add(name + ": description");
				}
				if (operation.path("responses").propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
					missing.add(name + ": its success answer");
				}
				for (var parameter : operation.path("parameters")) {
					if (parameter.path("description").asString("").isBlank()) {
						missing.add(name + ": description of " + parameter.path("name").asString());
					}
				}
				for (var media : operation.path("requestBody").path("content").properties()) {
					JsonNode content = media.getValue();
					if (!content.has("example") && content.path("examples").isEmpty()) {
						missing.add(name + ": example of its " + media.getKey() + " body");
					}
				}
			}
		}
		assertThat(missing).as("what the document lacks").isEmpty();
	}

	@Test
	void documentationPageOpensWithoutSigningIn() {
		assertThat(mvc.get().uri("/api/docs")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/api/swagger-ui/index.html")).hasStatusOk();
	}

}
