package vn.khien.incident;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Cases for the documents' and figures' tests, made through the API as the demo officer
 * and responder: reported, classified, moved to their end with how they were handled.
 */
final class IncidentDocumentsFixtures {

	private final IncidentCalls api;

	private final JsonMapper json;

	IncidentDocumentsFixtures(IncidentCalls api, JsonMapper json) {
		this.api = api;
		this.json = json;
	}

	/** An officer's report for the agency, discovered at the moment (ISO-8601). */
	long report(long agencyId, String title, String discoveredAt, @Nullable String taxonomy) throws Exception {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("title", title);
		body.put("description", "Trang chủ hiển thị nội dung lạ");
		body.put("discoveredAt", discoveredAt);
		body.put("agencyId", agencyId);
		body.put("detectedBy", "notified");
		body.put("reporterName", "Nguyễn Văn An");
		body.put("handled", false);
		if (taxonomy != null) {
			body.put("taxonomy", taxonomy);
		}
		return api.call("officer", api.post("/api/v1/incidents", json.writeValueAsString(body)), 201)
			.get("id")
			.asLong();
	}

	/** Ends the response and closes the case, handled as said with its damage. */
	void close(long id, @Nullable String handling, @Nullable Long damage) throws Exception {
		String moves = "/api/v1/incidents/" + id + "/transitions";
		api.call("responder", api.post(moves, "{\"to\": \"containment\"}"), 200);
		api.call("responder", api.post(moves, "{\"to\": \"post_incident\"}"), 200);
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("to", "closed");
		body.put("rootCause", "Plugin CMS chưa vá");
		body.put("actionsTaken", "Khôi phục trang từ bản sao lưu, vá plugin");
		body.put("lessonsLearned", "Rà quét lỗ hổng hằng tháng");
		body.put("handling", handling);
		body.put("estimatedDamage", damage);
		api.call("responder", api.post(moves, json.writeValueAsString(body)), 200);
	}

	void reject(long id) throws Exception {
		api.call("responder", api.post("/api/v1/incidents/" + id + "/transitions",
				"{\"to\": \"rejected\", \"note\": \"Không phải sự cố\"}"), 200);
	}

	void observe(long id, String kind, String value, String tlp) throws Exception {
		api.call("responder", api.post("/api/v1/incidents/" + id + "/observables",
				json.writeValueAsString(java.util.Map.of("kind", kind, "value", value, "tlp", tlp))), 201);
	}

}
