package vn.khien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.monitoring.sharing.StixSchemas;
import vn.khien.registry.Agency;

/**
 * The TAXII server walked as a TAXII 2.1 client walks it: discovery, the API root, the
 * collections, then the alerts collection page by page with {@code limit} and
 * {@code next}, and again from {@code added_after}; every object valid against the STIX
 * 2.1 schemas. A client of TLP:GREEN never sees an amber alert; garbage (a bad token, a
 * bad timestamp or limit, an unknown collection, a media type it does not speak) is a
 * TAXII error.
 */
@KhienTest
class TaxiiTests {

	static final String RULE = "/monitoring/sharing-network.yml";

	static final String TAXII = "application/taxii+json;version=2.1";

	static final StixSchemas SCHEMAS = new StixSchemas();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	MonitoringCalls api;

	Agency unit;

	@BeforeEach
	void setUp() throws Exception {
		api = new MonitoringCalls(mvc, logins, json);
		unit = new AccessFixtures(context).unit("SYT");
		api.rule(RULE);
	}

	/** A new alert of the test rule, its events naming a public and a private address. */
	long alert(String source, String destination) {
		String host = "taxii" + System.nanoTime() + ".example";
		String event = """
				{"EventID": 3, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "%s", \
				"Image": "C:\\\\Windows\\\\System32\\\\bitsadmin.exe", "SourceIp": "%s", "DestinationIp": "%s", \
				"@timestamp": "2026-11-30T03:00:00.000Z"}
				""".formatted(host, source, destination);
		api.events(api.source(unit.id()), event, 200);
		return api.get("operator", "/api/v1/alerts?rule=5f1c0a6e-7d1b-4c59-9a3e-2b7a9c0d1e01&size=1", 200)
			.get("items")
			.get(0)
			.get("id")
			.asLong();
	}

	String client(String maxTlp) {
		JsonNode created = api.post("operator", "/api/v1/taxii-clients",
				"{\"name\": \"" + AccessFixtures.unique("national") + "\", \"maxTlp\": \"" + maxTlp + "\"}", 201);
		assertThat(created.get("token").asString()).startsWith("kht_");
		assertThat(created.get("maxTlp").asString()).isEqualTo(maxTlp);
		return created.get("token").asString();
	}

	MvcTestResult taxii(String token, String uri, @Nullable String accept) {
		var request = mvc.get().uri(uri).header("Authorization", "Bearer " + token);
		if (accept != null) {
			request.header("Accept", accept);
		}
		return mvc.perform(request);
	}

	JsonNode ok(String token, String uri) {
		MvcTestResult result = taxii(token, uri, TAXII);
		String body = body(result);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo(TAXII);
		return json.readTree(body);
	}

	static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	void error(MvcTestResult result, int status) {
		String body = body(result);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).isEqualTo(TAXII);
		JsonNode error = json.readTree(body);
		assertThat(error.get("http_status").asString()).isEqualTo(Integer.toString(status));
		assertThat(error.get("title").asString()).isNotBlank();
		assertThat(error.get("description").asString()).isNotBlank();
	}

	@Test
	void aClientWalksTheServerPageByPageAndSeesOnlyWhatItsTlpAllows() throws Exception {
		Instant before = Instant.now().minusMillis(1);
		long amber = alert("10.20.30.40", "203.0.113.77");
		long green = alert("10.20.30.41", "198.51.100.88");
		long red = alert("10.20.30.42", "198.51.100.99");
		api.post("police", "/api/v1/alerts/" + green + "/tlp", "{\"tlp\": \"green\"}", 200);
		JsonNode marked = api.post("police", "/api/v1/alerts/" + red + "/tlp", "{\"tlp\": \"RED\"}", 200);
		assertThat(marked.get("tlp").asString()).isEqualTo("red");
		String greenToken = client("green");
		String amberToken = client("amber+strict");

		JsonNode discovery = ok(greenToken, "/taxii2/");
		String root = discovery.get("api_roots").get(0).asString();
		assertThat(discovery.get("default").asString()).isEqualTo(root);
		String rootPath = java.net.URI.create(root).getPath();
		assertThat(rootPath).isEqualTo("/taxii2/api/");
		assertThat(ok(greenToken, rootPath).get("versions").get(0).asString()).isEqualTo(TAXII);
		JsonNode collections = ok(greenToken, rootPath + "collections/").get("collections");
		assertThat(collections).hasSize(1);
		JsonNode collection = collections.get(0);
		assertThat(collection.get("id").asString()).isEqualTo("41cff65a-857f-5939-9c49-66e8c9a344e9");
		assertThat(collection.get("can_read").asBoolean()).isTrue();
		assertThat(collection.get("can_write").asBoolean()).isFalse();
		String objectsPath = rootPath + "collections/" + collection.get("id").asString() + "/objects/";
		assertThat(ok(greenToken, rootPath + "collections/" + collection.get("id").asString() + "/").get("id"))
			.isEqualTo(collection.get("id"));

		List<JsonNode> greenObjects = walk(greenToken, objectsPath, 2);
		Set<String> markings = new HashSet<>();
		for (JsonNode object : greenObjects) {
			assertThat(SCHEMAS.errors(object)).as(object.toString()).isEmpty();
			object.path("object_marking_refs").forEach(m -> markings.add(m.asString()));
		}
		Set<String> greenIds = ids(greenObjects);
		assertThat(greenIds).contains(indicator(greenObjects, green));
		assertThat(greenObjects)
			.noneMatch(o -> o.toString().contains("khien\",\"external_id\":\"alert:" + amber + "\""));
		assertThat(greenObjects).noneMatch(o -> o.toString().contains("alert:" + red + "\""));
		assertThat(markings).as("only CLEAR and GREEN")
			.isSubsetOf("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
					"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
		// the green alert's events named a public address; the private one stays home
		assertThat(greenObjects).anyMatch(o -> o.path("value").asString("").equals("198.51.100.88"));
		assertThat(greenObjects).noneMatch(o -> o.path("value").asString("").startsWith("10.20.30."));

		List<JsonNode> amberObjects = walk(amberToken, objectsPath + "?added_after=" + before, 5);
		assertThat(amberObjects).noneMatch(o -> o.get("type").asString().equals("identity"));
		assertThat(amberObjects).anyMatch(o -> o.toString().contains("alert:" + amber + "\""));
		assertThat(amberObjects).anyMatch(o -> o.toString().contains("alert:" + green + "\""));
		assertThat(amberObjects).noneMatch(o -> o.toString().contains("alert:" + red + "\""));
		JsonNode indicator = amberObjects.stream()
			.filter(o -> o.toString().contains("alert:" + amber + "\""))
			.findFirst()
			.orElseThrow();
		assertThat(indicator.get("description").asString()).contains("by Khiên tests");
		assertThat(indicator.get("pattern").asString()).isEqualTo("[ipv4-addr:value = '203.0.113.77']");

		// a step publishes the alert again, after what the client read
		MvcTestResult last = taxii(amberToken, objectsPath + "?added_after=" + before, TAXII);
		String lastAdded = last.getResponse().getHeader("X-TAXII-Date-Added-Last");
		assertThat(lastAdded).isNotNull();
		assertThat(last.getResponse().getHeader("X-TAXII-Date-Added-First")).isNotNull();
		api.post("police", "/api/v1/alerts/" + amber + "/transitions", "{\"step\": \"false_positive\"}", 200);
		List<JsonNode> again = walk(amberToken, objectsPath + "?added_after=" + lastAdded, 50);
		assertThat(again).extracting(o -> o.get("type").asString())
			.containsExactly("ipv4-addr", "observed-data", "indicator", "sighting");
		assertThat(again.get(2).get("revoked").asBoolean()).isTrue();
		assertThat(again.get(2).get("id").asString()).isEqualTo(indicator.get("id").asString());

		JsonNode typed = ok(amberToken, objectsPath + "?added_after=" + before + "&match[type]=indicator");
		assertThat(typed.get("objects")).allSatisfy(o -> assertThat(o.get("type").asString()).isEqualTo("indicator"));
		JsonNode one = ok(amberToken,
				objectsPath + "?match[id]=" + indicator.get("id").asString() + "&added_after=" + before);
		assertThat(one.get("objects")).hasSize(1);
		assertThat(ok(amberToken, objectsPath + "?added_after=2999-01-01T00:00:00Z").has("objects")).isFalse();
		MvcTestResult stix = taxii(amberToken, objectsPath + "?limit=1", "application/stix+json;version=2.1");
		assertThat(stix.getResponse().getStatus()).isEqualTo(200);
		assertThat(stix.getResponse().getContentType()).isEqualTo("application/stix+json;version=2.1");
	}

	/**
	 * Every page of a reading, with {@code limit} and {@code next} as a client follows
	 * them.
	 */
	List<JsonNode> walk(String token, String start, int limit) {
		List<JsonNode> objects = new ArrayList<>();
		String uri = start + (start.contains("?") ? "&" : "?") + "limit=" + limit;
		for (int pages = 0; pages < 10_000; pages++) {
			JsonNode envelope = ok(token, uri);
			JsonNode page = envelope.path("objects");
			assertThat(page.size()).isLessThanOrEqualTo(limit);
			page.forEach(objects::add);
			if (!envelope.get("more").asBoolean()) {
				assertThat(envelope.has("next")).isFalse();
				return objects;
			}
			assertThat(page.size()).isEqualTo(limit);
			uri = start + (start.contains("?") ? "&" : "?") + "limit=" + limit + "&next="
					+ envelope.get("next").asString();
		}
		throw new AssertionError("the reading did not end");
	}

	static Set<String> ids(List<JsonNode> objects) {
		Set<String> ids = new HashSet<>();
		objects.forEach(o -> assertThat(ids.add(o.get("id").asString() + o.path("modified").asString("")))
			.as("read once: " + o.get("id").asString())
			.isTrue());
		return ids;
	}

	static String indicator(List<JsonNode> objects, long alert) {
		return objects.stream()
			.filter(o -> o.get("type").asString().equals("indicator") && o.toString().contains("alert:" + alert + "\""))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString()
				+ objects.stream()
					.filter(o -> o.get("type").asString().equals("indicator")
							&& o.toString().contains("alert:" + alert + "\""))
					.findFirst()
					.orElseThrow()
					.get("modified")
					.asString();
	}

	@Test
	void garbageIsATaxiiErrorAndNeverAPage() {
		String token = client("amber");
		String objects = "/taxii2/api/collections/"
				+ vn.khien.platform.stix.Ids.v5(vn.khien.platform.stix.Ids.KHIEN, "taxii-collection\nalerts")
				+ "/objects/";
		error(taxii("kht_not-a-token", "/taxii2/", TAXII), 401);
		error(mvc.perform(mvc.get().uri("/taxii2/").header("Accept", TAXII)), 401);
		error(taxii(logins.bearer("admin").substring(7), "/taxii2/", TAXII), 401);
		error(taxii(token, "/taxii2/", "text/html"), 406);
		error(taxii(token, "/taxii2/", "application/taxii+json;version=2.0"), 406);
		error(taxii(token, "/taxii2/api/", "application/stix+json;version=2.1"), 406);
		error(taxii(token, objects + "?added_after=yesterday", TAXII), 400);
		error(taxii(token, objects + "?limit=0", TAXII), 400);
		error(taxii(token, objects + "?limit=lots", TAXII), 400);
		error(taxii(token, objects + "?next=bm90LW91cnM", TAXII), 400);
		error(taxii(token, "/taxii2/api/collections/00000000-0000-0000-0000-000000000000/objects/", TAXII), 404);
		error(taxii(token, "/taxii2/api/collections/alerts/", TAXII), 404);
		error(mvc.perform(mvc.post().uri(objects).header("Authorization", "Bearer " + token).header("Accept", TAXII)),
				403);
		api.post("police", "/api/v1/alerts/" + alert("10.0.0.1", "203.0.113.1") + "/tlp", "{\"tlp\": \"purple\"}", 400);
		api.post("operator", "/api/v1/taxii-clients", "{\"name\": \"x\", \"maxTlp\": \"blue\"}", 400);
	}

	@Test
	void aDisabledClientIsRefusedAndTheListNeverShowsATokenAndTheChangeIsAudited() {
		String token = client("green");
		JsonNode list = api.get("operator", "/api/v1/taxii-clients", 200);
		assertThat(list.toString()).doesNotContain(token).doesNotContain("token");
		ok(token, "/taxii2/");
		long id = 0;
		for (JsonNode c : list) {
			id = Math.max(id, c.get("id").asLong());
		}
		api.post("operator", "/api/v1/taxii-clients/" + id + "/disable", "{}", 200);
		error(taxii(token, "/taxii2/", TAXII), 401);
	}

	@Test
	void theMispExportOfAnAlertNamesTheRulesAuthorAndItsTlp() {
		long alert = alert("10.9.9.9", "203.0.113.200");
		JsonNode event = api.get("officer", "/api/v1/alerts/" + alert + "/misp", 200).get("Event");
		assertThat(event.get("Tag").findValuesAsString("name")).contains("tlp:amber",
				"mitre-attack:technique=\"T1071.001\"");
		assertThat(event.get("Attribute").get(0).get("comment").asString()).contains("author: Khiên tests");
		assertThat(event.get("Attribute").findValuesAsString("value")).contains("203.0.113.200")
			.doesNotContain("10.9.9.9");
		api.get("officer2", "/api/v1/alerts/" + alert + "/misp", 404);
		api.post("officer2", "/api/v1/alerts/" + alert + "/tlp", "{\"tlp\": \"clear\"}", 404);
	}

}
