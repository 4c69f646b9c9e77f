package vn.khien.incident.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The MISP event a case becomes: the core format's event fields, TLP and RSIT tags, and
 * one attribute per observable with the type and category MISP pairs.
 */
class MispExportTests {

	final MispExport export = new MispExport(SharedCases.JSON);

	JsonNode event(SharedIncident incident) {
		JsonNode root = SharedCases.JSON.readTree(export.misp(incident));
		assertThat(root.properties()).extracting(Map.Entry::getKey).containsExactly("Event");
		return root.get("Event");
	}

	static List<JsonNode> attributes(JsonNode event) {
		List<JsonNode> attributes = new ArrayList<>();
		event.get("Attribute").forEach(attributes::add);
		return attributes;
	}

	static JsonNode attribute(JsonNode event, String value) {
		return attributes(event).stream()
			.filter(a -> a.get("value").asString().equals(value))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void eachObservableIsAnAttributeOfTheTypeMispGivesIt() {
		JsonNode event = event(SharedCases.phishing(SharedCases.everyKind()));
		Map<String, String> types = attributes(event).stream()
			.collect(Collectors.toMap(a -> a.get("value").asString(), a -> a.get("type").asString() + "/"
					+ a.get("category").asString() + "/" + a.get("to_ids").asBoolean()));
		assertThat(types).containsAllEntriesOf(Map.of("198.51.100.3", "ip-dst/Network activity/true", "2001:db8::1",
				"ip-dst/Network activity/true", "evil.example", "domain/Network activity/true",
				"https://evil.example/login?u=o'brien", "url/Network activity/true", "d41d8cd98f00b204e9800998ecf8427e",
				"md5/Payload delivery/true", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1/Payload delivery/true",
				"ab".repeat(32), "sha256/Payload delivery/true", "o'brien@example.com",
				"email-src/Payload delivery/true", "+84 912 345 678", "phone-number/Other/false"));
		assertThat(attribute(event, "Sở Y tế").get("type").asString()).isEqualTo("target-org");
		assertThat(attribute(event, "Cổng dịch vụ công").get("type").asString()).isEqualTo("target-machine");
		assertThat(event.get("attribute_count").asString()).isEqualTo(Integer.toString(attributes(event).size()));
		JsonNode ip = attribute(event, "198.51.100.3");
		assertThat(ip.get("first_seen").asString()).isEqualTo("2026-11-30T17:30:00.000000+00:00");
		assertThat(ip.get("comment").asString()).isEqualTo("seen 3 times");
	}

	@Test
	void aValueItsKindDoesNotFitIsText() {
		JsonNode event = event(SharedCases.phishing(List.of(SharedCases.observable(1, "FILE_HASH", "abc", "GREEN"),
				SharedCases.observable(2, "IP", "999.1.1.1", "GREEN"))));
		assertThat(attributes(event)).filteredOn(a -> a.get("comment").asString().contains("seen"))
			.extracting(a -> a.get("type").asString() + "/" + a.get("to_ids").asBoolean())
			.containsExactly("text/false", "text/false");
	}

	@Test
	void theCaseAndEachAttributeCarryTheirTlpTag() {
		JsonNode event = event(SharedCases.phishing(SharedCases.everyKind()));
		assertThat(event.get("Tag")).extracting(t -> t.get("name").asString())
			.containsExactly("tlp:amber", "rsit:fraud=\"phishing\"");
		assertThat(event.get("distribution").asString()).isEqualTo("1");
		JsonNode email = attribute(event, "o'brien@example.com");
		assertThat(email.get("Tag").get(0).get("name").asString()).isEqualTo("tlp:amber+strict");
		assertThat(email.get("distribution").asString()).isEqualTo("0");
		assertThat(attribute(event, "evil.example").get("Tag").get(0).get("name").asString()).isEqualTo("tlp:clear");
		assertThat(attribute(event, "198.51.100.3").get("distribution").asString()).isEqualTo("2");
		assertThat(attribute(event, "ab".repeat(32)).get("Tag").get(0).get("name").asString()).isEqualTo("tlp:red");
	}

	@Test
	void theEventSaysWhenHowGraveAndWhoInTheCoreFormat() {
		JsonNode event = event(SharedCases.phishing(SharedCases.everyKind()));
		assertThat(event.get("info").asString()).isEqualTo("Thư giả mạo <script>alert(\"x\")</script>");
		// Discovered at 00:30 in Vietnam on 1 December, 30 November in UTC.
		assertThat(event.get("date").asString()).isEqualTo("2026-12-01");
		assertThat(event.get("threat_level_id").asString()).isEqualTo("1");
		assertThat(event.get("analysis").asString()).isEqualTo("1");
		assertThat(event.get("published").asBoolean()).isFalse();
		assertThat(event.get("timestamp").asString()).isEqualTo("1796198400");
		assertThat(event.get("Orgc").get("name").asString()).isEqualTo("Sở Thông tin và Truyền thông: phishing");
		assertThat(MispExport.threatLevel("Medium")).isEqualTo("2");
		assertThat(MispExport.threatLevel("low")).isEqualTo("3");
		assertThat(MispExport.threatLevel("unknown")).isEqualTo("4");
		assertThat(vn.khien.platform.stix.MispEvents.info("a\nb  c")).isEqualTo("a b c");
		assertThat(vn.khien.platform.stix.MispEvents.info("x".repeat(300))).hasSize(256);
	}

	@Test
	void uuidsHoldAcrossExportsAndAreDistinct() {
		SharedIncident incident = SharedCases.phishing(SharedCases.everyKind());
		JsonNode first = event(incident);
		JsonNode second = event(incident);
		assertThat(second).isEqualTo(first);
		List<String> uuids = new ArrayList<>();
		uuids.add(first.get("uuid").asString());
		attributes(first).forEach(a -> uuids.add(a.get("uuid").asString()));
		assertThat(uuids).doesNotHaveDuplicates()
			.allSatisfy(u -> assertThat(UUID.fromString(u).toString()).isEqualTo(u));
		assertThat(event(SharedCases.phishing("CSIRT tỉnh khác", "AMBER", SharedCases.everyKind())).get("uuid"))
			.isNotEqualTo(first.get("uuid"));
	}

	@Test
	void anUnknownTlpIsRefused() {
		assertThatThrownBy(() -> export.misp(SharedCases.phishing("CSIRT", "AMBER",
				List.of(SharedCases.observable(1, "IP", "198.51.100.3", "ORANGE")))))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
