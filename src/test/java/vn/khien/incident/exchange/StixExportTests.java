package vn.khien.incident.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import vn.khien.platform.stix.Ids;
import vn.khien.platform.stix.Observation;

/**
 * The bundle a case becomes: well-formed STIX 2.1 objects whose references all resolve
 * inside it, patterns per kind, ids that hold across exports, and TLP 2.0 markings.
 */
class StixExportTests {

	static final Pattern ID = Pattern.compile("^[a-z0-9-]+--[0-9a-f-]{36}$");

	static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");

	static final Set<String> TIME_FIELDS = Set.of("created", "modified", "valid_from", "first_observed",
			"last_observed", "first_seen", "last_seen");

	static final Set<String> SCO_TYPES = Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url", "file", "email-addr");

	final StixExport export = new StixExport(SharedCases.JSON);

	JsonNode bundle(SharedIncident incident) {
		return SharedCases.JSON.readTree(export.stix(incident));
	}

	JsonNode bundle() {
		return bundle(SharedCases.phishing(SharedCases.everyKind()));
	}

	static List<JsonNode> objects(JsonNode bundle) {
		List<JsonNode> objects = new ArrayList<>();
		bundle.get("objects").forEach(objects::add);
		return objects;
	}

	static Map<String, JsonNode> byId(JsonNode bundle) {
		Map<String, JsonNode> byId = new HashMap<>();
		objects(bundle).forEach(o -> byId.put(o.get("id").asString(), o));
		return byId;
	}

	static List<JsonNode> ofType(JsonNode bundle, String type) {
		return objects(bundle).stream().filter(o -> o.get("type").asString().equals(type)).toList();
	}

	static String marking(JsonNode object) {
		assertThat(object.get("object_marking_refs")).as(object.get("id").asString()).hasSize(1);
		return object.get("object_marking_refs").get(0).asString();
	}

	@Test
	void bundleParsesAndEveryObjectHasTypeVersionAndAnIdOfItsType() {
		JsonNode bundle = bundle();
		assertThat(bundle.get("type").asString()).isEqualTo("bundle");
		assertThat(bundle.get("id").asString()).matches("^bundle--[0-9a-f-]{36}$");
		List<JsonNode> objects = objects(bundle);
		assertThat(objects).hasSizeGreaterThan(20);
		for (JsonNode object : objects) {
			String id = object.get("id").asString();
			assertThat(id).matches(ID).startsWith(object.get("type").asString() + "--");
			assertThat(object.get("spec_version").asString()).as(id).isEqualTo("2.1");
			// The version and variant bits STIX's identifier schema asks for.
			assertThat(UUID.fromString(id.substring(id.indexOf("--") + 2)).variant()).as(id).isEqualTo(2);
		}
		assertThat(byId(bundle)).as("no id twice").hasSize(objects.size());
	}

	@Test
	void everyReferencePointsToAnObjectInTheBundle() {
		JsonNode bundle = bundle();
		Set<String> ids = byId(bundle).keySet();
		List<String> refs = new ArrayList<>();
		for (JsonNode object : objects(bundle)) {
			object.properties().forEach(field -> {
				if (field.getKey().endsWith("_ref")) {
					refs.add(field.getValue().asString());
				}
				else if (field.getKey().endsWith("_refs")) {
					field.getValue().forEach(ref -> refs.add(ref.asString()));
				}
			});
		}
		assertThat(refs).hasSizeGreaterThan(50);
		assertThat(ids).containsAll(refs);
	}

	@Test
	void timestampsAreUtcToTheMillisecond() {
		JsonNode bundle = bundle();
		int seen = 0;
		for (JsonNode object : objects(bundle)) {
			for (String field : TIME_FIELDS) {
				if (object.has(field)) {
					assertThat(object.get(field).asString()).as(field).matches(TIMESTAMP);
					seen++;
				}
			}
		}
		assertThat(seen).isGreaterThan(40);
		JsonNode incident = ofType(bundle, "incident").get(0);
		assertThat(incident.get("created").asString()).isEqualTo("2026-12-01T02:03:04.123Z");
		assertThat(incident.get("modified").asString()).isEqualTo("2026-12-02T08:00:00.000Z");
	}

	@Test
	void theProducerAuthorsEveryDomainAndRelationshipObject() {
		JsonNode bundle = bundle();
		List<JsonNode> identities = ofType(bundle, "identity");
		JsonNode producer = identities.stream()
			.filter(i -> i.get("name").asString().startsWith("Sở Thông tin"))
			.findFirst()
			.orElseThrow();
		for (JsonNode object : objects(bundle)) {
			String type = object.get("type").asString();
			if (SCO_TYPES.contains(type) || type.equals("marking-definition")) {
				assertThat(object.has("created_by_ref")).as(type + " carries no author").isFalse();
			}
			else {
				assertThat(object.get("created_by_ref").asString()).as(type).isEqualTo(producer.get("id").asString());
			}
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					IP        | 198.51.100.3          | [ipv4-addr:value = '198.51.100.3']
					IP        | 203.0.113.0/24        | [ipv4-addr:value = '203.0.113.0/24']
					IP        | 2001:DB8::1           | [ipv6-addr:value = '2001:db8::1']
					DOMAIN    | Evil.Example.         | [domain-name:value = 'evil.example']
					URL       | https://evil.example/a'b | [url:value = 'https://evil.example/a\\'b']
					FILE_HASH | D41D8CD98F00B204E9800998ECF8427E | [file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']
					FILE_HASH | da39a3ee5e6b4b0d3255bfef95601890afd80709 | [file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']
					FILE_HASH | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | [file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']
					EMAIL     | o'brien@example.com   | [email-addr:value = 'o\\'brien@example.com']
					""")
	void eachKindGetsItsPattern(String kind, String value, String pattern) {
		JsonNode bundle = bundle(SharedCases.phishing(List.of(SharedCases.observable(1, kind, value, "GREEN"))));
		List<JsonNode> indicators = ofType(bundle, "indicator");
		assertThat(indicators).hasSize(1);
		JsonNode indicator = indicators.get(0);
		assertThat(indicator.get("pattern").asString()).isEqualTo(pattern);
		assertThat(indicator.get("pattern_type").asString()).isEqualTo("stix");
		assertThat(indicator.get("valid_from").asString()).isEqualTo("2026-11-30T17:30:00.000Z");
	}

	@Test
	void aQuoteOrABackslashInAPatternValueIsEscaped() {
		assertThat(Observation.literal("a'b\\c")).isEqualTo("'a\\'b\\\\c'");
		assertThat(Observation.literal("plain")).isEqualTo("'plain'");
	}

	@Test
	void eachObservableIsAnObjectWithObservedDataAndASighting() {
		JsonNode bundle = bundle(SharedCases.phishing(
				List.of(SharedCases.observable(1, "FILE_HASH", SharedCases.SHA256, "GREEN"), new SharedObservable(2,
						"DOMAIN", "quiet.example", "GREEN", Instant.parse("2026-11-01T00:00:00Z"), null, 0))));
		Map<String, JsonNode> byId = byId(bundle);
		JsonNode file = ofType(bundle, "file").get(0);
		assertThat(file.get("hashes").get("SHA-256").asString()).isEqualTo("ab".repeat(32));

		List<JsonNode> observed = ofType(bundle, "observed-data");
		assertThat(observed).hasSize(2);
		JsonNode first = observed.get(0);
		assertThat(first.get("object_refs").get(0).asString()).isEqualTo(file.get("id").asString());
		assertThat(first.get("first_observed").asString()).isEqualTo("2026-11-30T17:30:00.000Z");
		assertThat(first.get("last_observed").asString()).isEqualTo("2026-12-01T09:00:00.000Z");
		assertThat(first.get("number_observed").asInt()).isEqualTo(3);
		// Never seen again yet: one observation in a window of an instant, and no
		// sighting.
		assertThat(observed.get(1).get("number_observed").asInt()).isEqualTo(1);
		assertThat(observed.get(1).get("last_observed").asString()).isEqualTo("2026-11-01T00:00:00.000Z");

		List<JsonNode> sightings = ofType(bundle, "sighting");
		assertThat(sightings).hasSize(1);
		JsonNode sighting = sightings.get(0);
		assertThat(byId.get(sighting.get("sighting_of_ref").asString()).get("type").asString()).isEqualTo("indicator");
		assertThat(sighting.get("observed_data_refs").get(0).asString()).isEqualTo(first.get("id").asString());
		assertThat(sighting.get("count").asInt()).isEqualTo(3);
	}

	@Test
	void everyIndicatorAndObservationIsRelatedToTheIncident() {
		JsonNode bundle = bundle();
		Map<String, JsonNode> byId = byId(bundle);
		String incident = ofType(bundle, "incident").get(0).get("id").asString();
		List<JsonNode> relationships = ofType(bundle, "relationship");
		assertThat(relationships)
			.allSatisfy(r -> assertThat(r.get("relationship_type").asString()).isEqualTo("related-to"));
		Set<String> related = relationships.stream()
			.filter(r -> r.get("target_ref").asString().equals(incident))
			.map(r -> byId.get(r.get("source_ref").asString()).get("type").asString())
			.collect(Collectors.toSet());
		assertThat(related).containsExactlyInAnyOrder("indicator", "observed-data");
		assertThat(relationships.stream().filter(r -> r.get("source_ref").asString().equals(incident)))
			.extracting(r -> byId.get(r.get("target_ref").asString()).get("type").asString())
			.containsExactlyInAnyOrder("identity", "infrastructure");
		// 8 observables with an object, two relationships each, and the agency and the
		// system.
		assertThat(relationships).hasSize(18);
	}

	@Test
	void aPhoneNumberIsANoteOnTheIncident() {
		JsonNode bundle = bundle(
				SharedCases.phishing(List.of(SharedCases.observable(9, "PHONE", "+84 912 345 678", "GREEN"),
						SharedCases.observable(10, "FILE_HASH", "abc123", "GREEN"),
						SharedCases.observable(11, "WALLET", "bc1qexample", "GREEN"))));
		assertThat(ofType(bundle, "indicator")).isEmpty();
		assertThat(ofType(bundle, "observed-data")).isEmpty();
		List<JsonNode> notes = ofType(bundle, "note");
		assertThat(notes).extracting(n -> n.get("abstract").asString() + "=" + n.get("content").asString())
			.containsExactly("phone-number=+84 912 345 678", "file_hash=abc123", "wallet=bc1qexample");
		String incident = ofType(bundle, "incident").get(0).get("id").asString();
		assertThat(notes).allSatisfy(n -> assertThat(n.get("object_refs").get(0).asString()).isEqualTo(incident));
	}

	@Test
	void idsHoldAcrossExportsAndDifferBetweenProducers() {
		SharedIncident incident = SharedCases.phishing(SharedCases.everyKind());
		JsonNode first = bundle(incident);
		JsonNode second = bundle(incident);
		List<String> firstIds = objects(first).stream().map(o -> o.get("id").asString()).toList();
		assertThat(objects(second).stream().map(o -> o.get("id").asString()).toList()).isEqualTo(firstIds);
		assertThat(objects(second)).isEqualTo(objects(first));

		JsonNode other = bundle(SharedCases.phishing("CSIRT tỉnh khác", "AMBER", SharedCases.everyKind()));
		String incidentHere = ofType(first, "incident").get(0).get("id").asString();
		String incidentThere = ofType(other, "incident").get(0).get("id").asString();
		assertThat(incidentThere).isNotEqualTo(incidentHere);
		// Cyber-observables are named by their value, as STIX asks, so both provinces
		// agree.
		assertThat(ofType(other, "ipv4-addr").get(0).get("id")).isEqualTo(ofType(first, "ipv4-addr").get(0).get("id"));
	}

	@Test
	void cyberObservableIdsFollowTheStixRecipe() {
		// Vectors computed apart from this code: uuid5(namespace, canonical JSON) in
		// Python.
		JsonNode bundle = bundle();
		assertThat(ofType(bundle, "ipv4-addr").get(0).get("id").asString())
			.isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
		assertThat(ofType(bundle, "email-addr").get(0).get("id").asString())
			.isEqualTo("email-addr--d27b4e0e-cc5a-5915-97f9-27f1c1457bb9");
		assertThat(ofType(bundle, "file").stream().map(f -> f.get("id").asString()))
			.contains("file--20432b06-75d2-54b6-80ef-6d923b5d925d");
		assertThat(Ids.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
			.isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
		assertThat(Ids.canonicalString("a\"b\\c\n\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é\"");
	}

	@Test
	void eachObjectCarriesItsTlpAndATieTheStricterOfTheTwo() {
		JsonNode bundle = bundle();
		Map<String, JsonNode> byId = byId(bundle);
		String amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
		String green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
		String red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
		String strict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
		String clear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

		assertThat(marking(ofType(bundle, "incident").get(0))).isEqualTo(amber);
		assertThat(marking(ofType(bundle, "ipv4-addr").get(0))).isEqualTo(green);
		assertThat(marking(ofType(bundle, "domain-name").get(0))).isEqualTo(clear);
		assertThat(marking(ofType(bundle, "email-addr").get(0))).isEqualTo(strict);
		JsonNode indicatorForRed = ofType(bundle, "indicator").stream()
			.filter(i -> i.get("pattern").asString().contains("SHA-256"))
			.findFirst()
			.orElseThrow();
		assertThat(marking(indicatorForRed)).isEqualTo(red);
		for (JsonNode relationship : ofType(bundle, "relationship")) {
			String source = marking(byId.get(relationship.get("source_ref").asString()));
			String expected = source.equals(red) || source.equals(strict) ? source : amber;
			assertThat(marking(relationship)).as("tie to the AMBER case").isEqualTo(expected);
		}

		Map<String, String> levels = ofType(bundle, "marking-definition").stream()
			.collect(Collectors.toMap(m -> m.get("id").asString(),
					m -> m.get("extensions")
						.get("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d")
						.get("tlp_2_0")
						.asString()));
		assertThat(levels).containsExactlyInAnyOrderEntriesOf(
				Map.of(clear, "clear", green, "green", amber, "amber", strict, "amber+strict", red, "red"));
		assertThat(byId.get(strict).get("name").asString()).isEqualTo("TLP:AMBER+STRICT");
		assertThat(byId.get(strict).get("created").asString()).isEqualTo("2022-10-01T00:00:00.000Z");
	}

	@Test
	void onlyTheMarkingsInUseAreInTheBundle() {
		JsonNode bundle = bundle(SharedCases.phishing("CSIRT", "TLP:GREEN",
				List.of(SharedCases.observable(1, "IP", "198.51.100.3", "white"))));
		assertThat(ofType(bundle, "marking-definition")).extracting(m -> m.get("name").asString())
			.containsExactly("TLP:CLEAR", "TLP:GREEN");
	}

	@Test
	void anUnknownTlpIsRefusedRatherThanSharedLoosely() {
		assertThatThrownBy(() -> export.stix(SharedCases.phishing("CSIRT", "PURPLE", List.of())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("PURPLE");
		assertThatThrownBy(() -> export
			.stix(SharedCases.phishing("CSIRT", "AMBER", List.of(SharedCases.observable(1, "IP", "198.51.100.3", "")))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void markupInTheTitleStaysLiteralText() {
		String raw = export.stix(SharedCases.phishing(List.of()));
		JsonNode incident = ofType(SharedCases.JSON.readTree(raw), "incident").get(0);
		assertThat(incident.get("name").asString()).isEqualTo("Thư giả mạo <script>alert(\"x\")</script>");
		assertThat(incident.get("description").asString()).isEqualTo("Thư giả mạo gửi tới cán bộ \\ \"trích dẫn\"");
		assertThat(raw).contains("<script>alert(\\\"x\\\")</script>");
		assertThat(incident.get("labels")).extracting(JsonNode::asString)
			.containsExactly("rsit:fraud=\"phishing\"", "severity:high");
		assertThat(incident.get("external_references").get(0).get("external_id").asString()).isEqualTo("42");
	}

}
