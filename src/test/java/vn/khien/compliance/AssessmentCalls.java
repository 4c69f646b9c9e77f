package vn.khien.compliance;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.TestLogins;

/**
 * The assessments' API as the tests call it: bearer tokens, JSON, answers read as trees.
 */
final class AssessmentCalls {

	private final MockMvcTester mvc;

	private final TestLogins logins;

	private final JsonMapper json;

	AssessmentCalls(MockMvcTester mvc, TestLogins logins, JsonMapper json) {
		this.mvc = mvc;
		this.logins = logins;
		this.json = json;
	}

	MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header("Authorization", logins.bearer(user)).exchange();
	}

	MvcTestResult post(String user, String uri, String body) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult post(String user, String uri, String body, String language) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult put(String user, String uri, String body) {
		return mvc.put()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult upload(String user, long assessmentId, MockMultipartFile file, Map<String, String> params) {
		var request = mvc.post()
			.uri("/api/v1/assessments/" + assessmentId + "/evidence")
			.header("Authorization", logins.bearer(user))
			.multipart()
			.file(file);
		params.forEach(request::param);
		return request.exchange();
	}

	static MockMultipartFile file(String name, String type, byte[] content) {
		return new MockMultipartFile("file", name, type, content);
	}

	static MockMultipartFile pdf(String name, String text) {
		return file(name, "application/pdf", ("%PDF-1.7\n" + text).getBytes(StandardCharsets.UTF_8));
	}

	JsonNode read(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String json(Object... namesAndValues) {
		var map = new java.util.LinkedHashMap<String, Object>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return json.writeValueAsString(map);
	}

}
