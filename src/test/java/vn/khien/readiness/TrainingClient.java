package vn.khien.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.ImportClient;
import vn.khien.TestLogins;
import vn.khien.platform.Formats;

/** Calls of the training tests: JSON in and out with a bearer token, uploads as jobs. */
record TrainingClient(MockMvcTester mvc, TestLogins logins, JsonMapper json) {

	static LocalDate today() {
		return LocalDate.now(Formats.ZONE);
	}

	MvcTestResult post(String user, String uri, String body) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult put(String user, String uri, String body) {
		return mvc.put()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult get(String user, String uri) {
		return mvc.get()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.exchange();
	}

	JsonNode ok(MvcTestResult result, int status) throws Exception {
		assertThat(result).hasStatus(status);
		return json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	JsonNode getOk(String user, String uri) throws Exception {
		return ok(get(user, uri), 200);
	}

	/** Uploads an attendance file and waits for its job to finish. */
	JsonNode upload(String user, long event, String filename, byte[] content) {
		return new ImportClient(mvc, logins, json, "/api/v1/trainings/" + event + "/attendance").run(user, filename,
				content, null);
	}

}
