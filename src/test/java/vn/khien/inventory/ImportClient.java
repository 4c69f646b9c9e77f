package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.TestLogins;

/**
 * Uploads through the import API and waits (bounded, by polling the status) for the job
 * to finish.
 */
record ImportClient(MockMvcTester mvc, TestLogins logins, JsonMapper json) {

	MvcTestResult upload(String user, String filename, byte[] content, String agency, String... extra) {
		var request = mvc.post()
			.uri("/api/v1/imports/assets")
			.multipart()
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.param("agency", agency)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en");
		for (int i = 0; i + 1 < extra.length; i += 2) {
			request = request.param(extra[i], extra[i + 1]);
		}
		return request.exchange();
	}

	MvcTestResult upload(String user, String filename, String content, String agency, String... extra) {
		return upload(user, filename, content.getBytes(StandardCharsets.UTF_8), agency, extra);
	}

	/** Uploads, expects 202, and returns the finished job's status. */
	JsonNode run(String user, String filename, byte[] content, String agency, String... extra) {
		MvcTestResult result = upload(user, filename, content, agency, extra);
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		JsonNode accepted = read(result);
		assertThat(accepted.get("statusUrl").asString())
			.isEqualTo("/api/v1/imports/" + accepted.get("jobId").asString());
		return await(user, accepted.get("statusUrl").asString());
	}

	JsonNode run(String user, String filename, String content, String agency, String... extra) {
		return run(user, filename, content.getBytes(StandardCharsets.UTF_8), agency, extra);
	}

	JsonNode await(String user, String statusUrl) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			MvcTestResult result = mvc.get()
				.uri(statusUrl)
				.header("Authorization", logins.bearer(user))
				.header("Accept-Language", "en")
				.exchange();
			assertThat(result).hasStatusOk();
			JsonNode status = read(result);
			String state = status.get("state").asString();
			if (state.equals("succeeded") || state.equals("failed") || System.nanoTime() > deadline) {
				return status;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return status;
			}
		}
	}

	JsonNode read(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
