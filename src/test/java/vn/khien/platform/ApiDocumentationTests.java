package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;

@KhienTest
class ApiDocumentationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void openApiDocumentDescribesTheApiAndItsBearerTokens() {
		assertThat(mvc.get().uri("/api/docs/openapi.json")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json.getJson()).contains("\"title\":\"Khiên API\"")
				.contains("\"scheme\":\"bearer\"")
				.contains("/api/v1/agencies")
				.contains("/api/v1/imports/assets"));
	}

	@Test
	void documentationPageOpensWithoutSigningIn() {
		assertThat(mvc.get().uri("/api/docs")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/api/swagger-ui/index.html")).hasStatusOk();
	}

}
