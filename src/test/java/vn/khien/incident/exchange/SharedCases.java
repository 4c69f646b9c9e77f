package vn.khien.incident.exchange;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** A phishing case with one observable of each kind, and the mapper the app uses. */
final class SharedCases {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant CREATED = Instant.parse("2026-12-01T02:03:04.123456Z");

	static final Instant MODIFIED = Instant.parse("2026-12-02T08:00:00Z");

	static final String SHA256 = "AB".repeat(32);

	private SharedCases() {
	}

	static SharedObservable observable(long id, String kind, String value, String tlp) {
		return new SharedObservable(id, kind, value, tlp, Instant.parse("2026-11-30T17:30:00Z"),
				Instant.parse("2026-12-01T09:00:00Z"), 3);
	}

	static SharedIncident phishing(List<SharedObservable> observables) {
		return phishing("Sở Thông tin và Truyền thông: phishing", "AMBER", observables);
	}

	static SharedIncident phishing(String producer, String tlp, List<SharedObservable> observables) {
		return new SharedIncident(42, "Thư giả mạo <script>alert(\"x\")</script>",
				"Thư giả mạo gửi tới cán bộ \\ \"trích dẫn\"", CREATED, MODIFIED, Instant.parse("2026-11-30T17:30:00Z"),
				"fraud", "phishing", "high", tlp, producer, "Sở Y tế", "Cổng dịch vụ công", observables);
	}

	static List<SharedObservable> everyKind() {
		return List.of(observable(1, "IP", "198.51.100.3", "GREEN"), observable(2, "IP", "2001:DB8::1", "AMBER"),
				observable(3, "DOMAIN", "Evil.Example.", "CLEAR"),
				observable(4, "URL", "https://evil.example/login?u=o'brien", "AMBER"),
				observable(5, "FILE_HASH", "d41d8cd98f00b204e9800998ecf8427e", "AMBER"),
				observable(6, "FILE_HASH", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "AMBER"),
				observable(7, "FILE_HASH", SHA256, "RED"),
				observable(8, "EMAIL", "o'brien@example.com", "AMBER+STRICT"),
				observable(9, "PHONE", "+84 912 345 678", "AMBER"));
	}

}
