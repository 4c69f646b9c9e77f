package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads through an import API (the asset import unless told otherwise) and waits
 * (bounded, by polling the status) for the job to finish.
 */
public record ImportClient(MockMvcTester mvc, TestLogins logins, JsonMapper json, String path) {

	public ImportClient(MockMvcTester mvc, TestLogins logins, JsonMapper json) {
		this(mvc, logins, json, "/api/v1/imports/assets");
	}

	/** The same client for another import endpoint. */
	public ImportClient to(String otherPath) {
		return new ImportClient(mvc, logins, json, otherPath);
	}

	/**
	 * @param extra parameter names and values; a null agency sends none
	 */
	public MvcTestResult upload(String user, String filename, byte[] content, @Nullable String agency,
			String... extra) {
		var request = mvc.post()
			.uri(path)
			.multipart()
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en");
		if (agency != null) {
			request = request.param("agency", agency);
		}
		for (int i = 0; i + 1 < extra.length; i += 2) {
			request = request.param(extra[i], extra[i + 1]);
		}
		return request.exchange();
	}

	public MvcTestResult upload(String user, String filename, String content, @Nullable String agency,
			String... extra) {
		return upload(user, filename, content.getBytes(StandardCharsets.UTF_8), agency, extra);
	}

	/** Uploads, expects 202, and returns the finished job's status. */
	public JsonNode run(String user, String filename, byte[] content, @Nullable String agency, String... extra) {
		MvcTestResult result = upload(user, filename, content, agency, extra);
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		JsonNode accepted = read(result);
		assertThat(accepted.get("statusUrl").asString())
			.isEqualTo("/api/v1/imports/" + accepted.get("jobId").asString());
		return await(user, accepted.get("statusUrl").asString());
	}

	public JsonNode run(String user, String filename, String content, @Nullable String agency, String... extra) {
		return run(user, filename, content.getBytes(StandardCharsets.UTF_8), agency, extra);
	}

	public JsonNode await(String user, String statusUrl) {
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

	public JsonNode read(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
