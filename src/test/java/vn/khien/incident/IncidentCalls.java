package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.TestLogins;

/** Calls on the incident API as a demo account, with the status each must answer. */
final class IncidentCalls {

	private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

	private final MockMvcTester mvc;

	private final TestLogins logins;

	private final JsonMapper json;

	IncidentCalls(MockMvcTester mvc, TestLogins logins, JsonMapper json) {
		this.mvc = mvc;
		this.logins = logins;
		this.json = json;
	}

	MockMvcTester.MockMvcRequestBuilder post(String uri, String body) {
		return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	MockMvcTester.MockMvcRequestBuilder get(String uri) {
		return mvc.get().uri(uri);
	}

	MvcTestResult exchange(String user, AbstractMockHttpServletRequestBuilder<?> request) {
		if (user != null) {
			request.header("Authorization", logins.bearer(user));
		}
		else if (request instanceof MockMvcTester.MockMvcRequestBuilder builder) {
			// NB: the public form is limited per address; each anonymous call comes from
			// its own
			builder.with(r -> {
				if ("127.0.0.1".equals(r.getRemoteAddr())) {
					r.setRemoteAddr("192.0.2." + NEXT.incrementAndGet() % 250);
				}
				return r;
			});
		}
		return mvc.perform(request);
	}

	JsonNode call(String user, AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
		MvcTestResult result = exchange(user, request);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		byte[] bytes = result.getResponse().getContentAsByteArray();
		String type = result.getResponse().getContentType();
		if (bytes.length == 0 || type == null || !type.contains("json")) {
			return json.nullNode();
		}
		return json.readTree(bytes);
	}

	/** An agency report as the officer sends it, discovered at {@code discoveredAt}. */
	static String report(long agencyId, String title, String discoveredAt) {
		return """
				{"title": "%s", "description": "Trang chủ hiển thị nội dung lạ", "discoveredAt": "%s",
				 "agencyId": %d, "detectedBy": "notified", "reporterName": "Nguyễn Văn An", "handled": false}
				""".formatted(title, discoveredAt, agencyId);
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
