package vn.khien.monitoring.sharing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The OASIS STIX 2.1 JSON schemas (cti-stix2-json-schemas, copied under
 * src/test/resources/stix), each object checked against its type's schema offline.
 */
public final class StixSchemas {

	static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

	private static final Set<String> SROS = Set.of("relationship", "sighting");

	private static final Set<String> SCOS = Set.of("artifact", "autonomous-system", "directory", "domain-name",
			"email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
			"process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");

	private final SchemaRegistry registry = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
			.schemaLoader(loader -> loader.schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:stix/schemas/"))));

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	/** What the object's schema finds wrong with it; empty when it is valid. */
	public List<String> errors(JsonNode object) {
		String type = object.path("type").asString("");
		String path = type.equals("bundle") ? "common/bundle.json"
				: type.equals("marking-definition") ? "common/marking-definition.json"
						: SROS.contains(type) ? "sros/" + type + ".json"
								: SCOS.contains(type) ? "observables/" + type + ".json" : "sdos/" + type + ".json";
		Schema schema = schemas.computeIfAbsent(path, p -> registry.getSchema(SchemaLocation.of(BASE + p)));
		return schema.validate(object).stream().map(e -> type + " " + e.toString()).toList();
	}

}
