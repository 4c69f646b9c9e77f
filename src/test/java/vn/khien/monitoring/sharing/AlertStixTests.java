package vn.khien.monitoring.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.AlertStatus;
import vn.khien.platform.stix.Observation;
import vn.khien.platform.stix.Tlp;

/**
 * An alert as STIX 2.1 objects and as a MISP event: valid against the OASIS schemas,
 * references that resolve, the rule's author carried, ATT&amp;CK as kill chain phases and
 * references, ids that hold across versions, and the alert's TLP on every object.
 */
class AlertStixTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final StixSchemas SCHEMAS = new StixSchemas();

	final AlertStix stix = new AlertStix(JSON, "SOC tỉnh thử nghiệm");

	static SharedAlert alert(long id, Tlp tlp, AlertStatus status, List<SharedAlert.Observable> observables) {
		return new SharedAlert(id, "d059842b-6b9d-4ed1-b5c3-5b89143c6ede", "File Download Via Bitsadmin",
				"Michael Haag, FPT.EagleEye", AlertSeverity.MEDIUM,
				List.of("attack.defense_evasion", "attack.persistence", "attack.t1197", "attack.s0190",
						"attack.t1059.001"),
				status, Instant.parse("2026-11-30T02:00:00Z"), Instant.parse("2026-11-30T02:05:00.250Z"), 7, tlp,
				Instant.parse("2026-12-01T08:00:00.123456Z"), observables,
				"title: File Download Via Bitsadmin\nid: d059842b-6b9d-4ed1-b5c3-5b89143c6ede\n");
	}

	static List<SharedAlert.Observable> everyKind() {
		String ecs = """
				{"source": {"ip": ["192.168.1.20", "198.51.100.7"]}, "destination.ip": "2001:DB8::5",
				 "dns": {"question": {"name": "Evil.Example."}}, "url": {"full": "http://203.0.113.5/a.exe?x='1'"},
				 "file": {"hash": {"md5": "D41D8CD98F00B204E9800998ECF8427E",
				   "sha1": "da39a3ee5e6b4b0d3255bfef95601890afd80709",
				   "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha512": "nope"}}}
				""";
		return AlertObservables.of(JSON, List.of(ecs, "not json", "{\"source\": {\"ip\": \"10.0.0.1\"}}"));
	}

	static Map<String, JsonNode> byId(List<ObjectNode> objects) {
		Map<String, JsonNode> byId = new HashMap<>();
		objects.forEach(o -> byId.put(o.get("id").asString(), o));
		return byId;
	}

	@Test
	void theValuesAnAlertsEventsNamedAreReadOutOfTheirEcsLeavingInternalAddressesOut() {
		List<SharedAlert.Observable> found = everyKind();
		assertThat(found).extracting(o -> o.field() + "=" + o.observation().value())
			.containsExactly("source.ip=198.51.100.7", "destination.ip=2001:db8::5", "dns.question.name=evil.example",
					"url.full=http://203.0.113.5/a.exe?x='1'", "file.hash.md5=d41d8cd98f00b204e9800998ecf8427e",
					"file.hash.sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709",
					"file.hash.sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(AlertObservables.internal("100.64.1.1")).isTrue();
		assertThat(AlertObservables.internal("fd00::1")).isTrue();
		assertThat(AlertObservables.internal("127.0.0.1")).isTrue();
		assertThat(AlertObservables.internal("203.0.113.9")).isFalse();
	}

	@Test
	void everyObjectIsValidStix21AndEveryReferenceResolves() {
		List<ObjectNode> all = new ArrayList<>(stix.common(Tlp.RED));
		all.addAll(stix.objects(alert(41, Tlp.AMBER, AlertStatus.NEW, everyKind())));
		all.addAll(stix.objects(alert(42, Tlp.GREEN, AlertStatus.FALSE_POSITIVE, List.of())));
		for (ObjectNode object : all) {
			assertThat(SCHEMAS.errors(object)).as(object.toString()).isEmpty();
		}
		assertThat(SCHEMAS.errors(JSON.readTree("{\"type\": \"indicator\", \"spec_version\": \"2.1\"}")))
			.as("the schemas do refuse an object without its required properties")
			.isNotEmpty();
		Map<String, JsonNode> byId = byId(all);
		assertThat(byId).as("no id twice").hasSize(all.size());
		for (ObjectNode object : all) {
			object.properties().forEach(field -> {
				if (field.getKey().endsWith("_ref")) {
					assertThat(byId).as(field.getKey()).containsKey(field.getValue().asString());
				}
				else if (field.getKey().endsWith("_refs")) {
					field.getValue().forEach(ref -> assertThat(byId).as(field.getKey()).containsKey(ref.asString()));
				}
			});
		}
	}

	@Test
	void anAlertIsASightingOfAnIndicatorOfItsRuleWithTheAuthorAndAttack() {
		List<ObjectNode> objects = stix.objects(alert(41, Tlp.AMBER, AlertStatus.NEW, everyKind()));
		Map<String, JsonNode> byId = byId(objects);
		JsonNode sighting = objects.get(objects.size() - 1);
		assertThat(sighting.get("type").asString()).isEqualTo("sighting");
		assertThat(sighting.get("count").asInt()).isEqualTo(7);
		assertThat(sighting.get("first_seen").asString()).isEqualTo("2026-11-30T02:00:00.000Z");
		assertThat(sighting.get("where_sighted_refs").get(0).asString()).isEqualTo(stix.producerId());
		JsonNode indicator = byId.get(sighting.get("sighting_of_ref").asString());
		assertThat(indicator.get("name").asString()).isEqualTo("File Download Via Bitsadmin");
		assertThat(indicator.get("description").asString()).contains("by Michael Haag, FPT.EagleEye");
		assertThat(indicator.get("pattern").asString()).startsWith("[ipv4-addr:value = '198.51.100.7'] OR ")
			.contains("[url:value = 'http://203.0.113.5/a.exe?x=\\'1\\'']")
			.contains("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']");
		assertThat(indicator.get("kill_chain_phases").findValuesAsString("phase_name"))
			.containsExactly("defense-evasion", "persistence");
		List<String> references = new ArrayList<>();
		indicator.get("external_references")
			.forEach(r -> references.add(r.get("source_name").asString() + ":" + r.get("external_id").asString()));
		assertThat(references).containsExactly("sigma:d059842b-6b9d-4ed1-b5c3-5b89143c6ede", "mitre-attack:T1197",
				"mitre-attack:T1059.001", "khien:alert:41");
		assertThat(indicator.get("external_references").get(0).get("description").asString())
			.contains("author: Michael Haag");
		assertThat(indicator.get("external_references").get(2).get("url").asString())
			.isEqualTo("https://attack.mitre.org/techniques/T1059/001/");
		JsonNode observed = byId.get(sighting.get("observed_data_refs").get(0).asString());
		assertThat(observed.get("object_refs")).hasSize(7);
		assertThat(observed.get("number_observed").asInt()).isEqualTo(7);
	}

	@Test
	void withoutValuesTheIndicatorIsTheSigmaRuleAndAFalsePositiveIsRevoked() {
		List<ObjectNode> objects = stix.objects(alert(42, Tlp.GREEN, AlertStatus.FALSE_POSITIVE, List.of()));
		assertThat(objects).extracting(o -> o.get("type").asString()).containsExactly("indicator", "sighting");
		assertThat(objects.get(0).get("pattern_type").asString()).isEqualTo("sigma");
		assertThat(objects.get(0).get("pattern").asString()).contains("id: d059842b-6b9d-4ed1-b5c3-5b89143c6ede");
		assertThat(objects).allSatisfy(o -> assertThat(o.get("revoked").asBoolean()).isTrue());
		assertThat(objects.get(1).has("observed_data_refs")).isFalse();
	}

	@Test
	void everyObjectCarriesTheAlertsTlpAndIdsHoldAcrossVersions() {
		List<ObjectNode> amber = stix.objects(alert(41, Tlp.AMBER, AlertStatus.NEW, everyKind()));
		List<ObjectNode> red = stix.objects(alert(41, Tlp.RED, AlertStatus.ACKNOWLEDGED, everyKind()));
		assertThat(amber).allSatisfy(
				o -> assertThat(o.get("object_marking_refs").get(0).asString()).isEqualTo(Tlp.AMBER.markingId()));
		assertThat(red).extracting(o -> o.get("id").asString())
			.isEqualTo(amber.stream().map(o -> o.get("id").asString()).toList());
		assertThat(stix.objects(alert(43, Tlp.AMBER, AlertStatus.NEW, everyKind())).get(8).get("id"))
			.isNotEqualTo(amber.get(8).get("id"));
		assertThat(amber.get(8).get("modified").asString()).isEqualTo("2026-12-01T08:00:00.123Z");
		assertThat(amber.get(8).get("created").asString()).isEqualTo("2026-11-30T02:00:00.000Z");
		assertThat(stix.common(Tlp.GREEN)).extracting(o -> o.get("type").asString())
			.containsExactly("identity", "marking-definition", "marking-definition");
	}

	@Test
	void theMispEventCarriesTlpAttackTheRulesAuthorAndEachValue() {
		String misp = new AlertMisp(JSON, "SOC tỉnh thử nghiệm")
			.misp(alert(41, Tlp.AMBER, AlertStatus.NEW, everyKind()));
		JsonNode event = JSON.readTree(misp).get("Event");
		assertThat(event.get("Tag").findValuesAsString("name")).contains("tlp:amber",
				"mitre-attack:technique=\"T1197\"", "mitre-attack:tactic=\"defense-evasion\"");
		assertThat(event.get("distribution").asString()).isEqualTo("1");
		assertThat(event.get("threat_level_id").asString()).isEqualTo("2");
		assertThat(event.get("date").asString()).isEqualTo("2026-11-30");
		JsonNode attributes = event.get("Attribute");
		assertThat(attributes.get(0).get("comment").asString()).contains("author: Michael Haag, FPT.EagleEye");
		List<String> typed = new ArrayList<>();
		attributes.forEach(a -> typed.add(a.get("type").asString() + "=" + a.get("value").asString()));
		assertThat(typed).contains("ip-src=198.51.100.7", "ip-dst=2001:db8::5", "domain=evil.example",
				"md5=d41d8cd98f00b204e9800998ecf8427e");
		assertThat(event.get("attribute_count").asString()).isEqualTo(Integer.toString(attributes.size()));
		assertThat(JSON
			.readTree(
					new AlertMisp(JSON, "SOC tỉnh thử nghiệm").misp(alert(41, Tlp.AMBER, AlertStatus.NEW, everyKind())))
			.get("Event")
			.get("uuid")).isEqualTo(event.get("uuid"));
		Set<String> uuids = new java.util.HashSet<>();
		attributes.forEach(a -> uuids.add(a.get("uuid").asString()));
		assertThat(uuids).hasSize(attributes.size());
	}

	@Test
	void aPatternValueIsEscapedAsStixAsks() {
		assertThat(Observation.of("URL", "http://x.example/'").pattern())
			.isEqualTo("[url:value = 'http://x.example/\\'']");
	}

}
