package vn.khien.monitoring.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.monitoring.AlertDays;
import vn.khien.platform.stix.Ids;
import vn.khien.platform.stix.Observation;
import vn.khien.platform.stix.Tlp;

/**
 * An alert as STIX 2.1 objects, authored by the province's SOC: a sighting of an
 * indicator (the rule, with its author, Sigma id and ATT&amp;CK techniques; its pattern
 * the values the events named, else the Sigma rule itself) and, when the events named
 * values, an observed-data of their cyber-observables. Every object carries the alert's
 * TLP marking; ids are UUID v5 over the alert's id (ADR 0010), so a new version replaces
 * the last. Mapping tables: docs/taxii.md.
 */
final class AlertStix {

	/** The SOC's identity is one object across alerts, so its version is fixed. */
	static final Instant IDENTITY_TIME = Instant.parse("2026-01-01T00:00:00Z");

	/**
	 * ATT&amp;CK's tactics as Sigma tags write them, and as its kill chain names them.
	 */
	private static final Set<String> TACTICS = Set.of("reconnaissance", "resource_development", "initial_access",
			"execution", "persistence", "privilege_escalation", "defense_evasion", "credential_access", "discovery",
			"lateral_movement", "collection", "command_and_control", "exfiltration", "impact");

	private final JsonMapper json;

	private final String producer;

	private final String producerId;

	AlertStix(JsonMapper json, String producer) {
		this.json = json;
		this.producer = producer;
		this.producerId = Ids.khien("identity", producer, "producer");
	}

	String producerId() {
		return producerId;
	}

	/** The SOC's identity and the marking definitions from CLEAR up to {@code max}. */
	List<ObjectNode> common(Tlp max) {
		List<ObjectNode> objects = new ArrayList<>();
		ObjectNode identity = sdo("identity", producerId, IDENTITY_TIME, IDENTITY_TIME);
		identity.put("name", producer);
		identity.put("identity_class", "organization");
		identity.putArray("sectors").add("government-regional");
		objects.add(identity);
		for (Tlp tlp : Tlp.values()) {
			if (tlp.compareTo(max) <= 0) {
				objects.add(tlp.markingDefinition(json));
			}
		}
		return objects;
	}

	/**
	 * The alert's objects, cyber-observables first, then what refers to them, the
	 * sighting last.
	 */
	List<ObjectNode> objects(SharedAlert alert) {
		List<ObjectNode> objects = new ArrayList<>();
		Instant created = alert.created();
		Instant modified = alert.addedAt();
		String marking = alert.tlp().markingId();

		List<String> scoIds = new ArrayList<>();
		for (SharedAlert.Observable observable : alert.observables()) {
			ObjectNode sco = sco(observable.observation());
			String id = sco.get("id").asString();
			if (!scoIds.contains(id)) {
				scoIds.add(id);
				sco.putArray("object_marking_refs").add(marking);
				objects.add(sco);
			}
		}
		String observedId = null;
		if (!scoIds.isEmpty()) {
			observedId = Ids.khien("observed-data", producer, "alert", alert.id());
			ObjectNode observed = sdo("observed-data", observedId, created, modified);
			observed.put("first_observed", Ids.stixTime(alert.firstSeenAt()));
			observed.put("last_observed", Ids.stixTime(alert.lastSeen()));
			observed.put("number_observed", clamp(alert.eventCount(), 1));
			ArrayNode refs = observed.putArray("object_refs");
			scoIds.forEach(refs::add);
			objects.add(marked(observed, alert));
		}

		String indicatorId = Ids.khien("indicator", producer, "alert", alert.id());
		ObjectNode indicator = sdo("indicator", indicatorId, created, modified);
		indicator.put("name", alert.ruleTitle());
		indicator.put("description", description(alert));
		indicator.putArray("indicator_types").add("anomalous-activity");
		if (alert.observables().isEmpty()) {
			indicator.put("pattern",
					alert.ruleYaml() == null || alert.ruleYaml().isBlank() ? minimalRule(alert) : alert.ruleYaml());
			indicator.put("pattern_type", "sigma");
		}
		else {
			indicator.put("pattern", pattern(alert));
			indicator.put("pattern_type", "stix");
			indicator.put("pattern_version", "2.1");
		}
		indicator.put("valid_from", Ids.stixTime(alert.firstSeenAt()));
		List<String> phases = tactics(alert.tags());
		if (!phases.isEmpty()) {
			ArrayNode chain = indicator.putArray("kill_chain_phases");
			for (String phase : phases) {
				ObjectNode p = chain.addObject();
				p.put("kill_chain_name", "mitre-attack");
				p.put("phase_name", phase);
			}
		}
		indicator.putArray("labels").add("severity:" + alert.severity().code()).add("status:" + alert.status().code());
		indicator.set("external_references", references(alert));
		if (alert.withdrawn()) {
			indicator.put("revoked", true);
		}
		objects.add(marked(indicator, alert));

		ObjectNode sighting = sdo("sighting", Ids.khien("sighting", producer, "alert", alert.id()), created, modified);
		sighting.put("first_seen", Ids.stixTime(alert.firstSeenAt()));
		sighting.put("last_seen", Ids.stixTime(alert.lastSeen()));
		sighting.put("count", clamp(alert.eventCount(), 0));
		sighting.put("sighting_of_ref", indicatorId);
		if (observedId != null) {
			sighting.putArray("observed_data_refs").add(observedId);
		}
		sighting.putArray("where_sighted_refs").add(producerId);
		if (alert.withdrawn()) {
			sighting.put("revoked", true);
		}
		objects.add(marked(sighting, alert));
		return objects;
	}

	/** The values as one pattern: any of them matches. */
	static String pattern(SharedAlert alert) {
		Set<String> terms = new LinkedHashSet<>();
		for (SharedAlert.Observable observable : alert.observables()) {
			terms.add(observable.observation().pattern());
		}
		return String.join(" OR ", terms);
	}

	/** Whose rule it is, as the Detection Rule License asks of every match shared. */
	static String description(SharedAlert alert) {
		StringBuilder text = new StringBuilder("Sigma rule ").append(alert.ruleUid());
		if (alert.ruleAuthor() != null && !alert.ruleAuthor().isBlank()) {
			text.append(" by ").append(alert.ruleAuthor().strip());
		}
		text.append(" matched ")
			.append(alert.eventCount())
			.append(alert.eventCount() == 1 ? " event" : " events")
			.append(" from ")
			.append(Ids.stixTime(alert.firstSeenAt()))
			.append(" to ")
			.append(Ids.stixTime(alert.lastSeen()))
			.append('.');
		if (alert.withdrawn()) {
			text.append(" Judged a false positive by the SOC.");
		}
		return text.toString();
	}

	private ArrayNode references(SharedAlert alert) {
		ArrayNode references = json.createArrayNode();
		ObjectNode sigma = references.addObject();
		sigma.put("source_name", "sigma");
		sigma.put("external_id", alert.ruleUid());
		sigma.put("description", alert.ruleAuthor() == null || alert.ruleAuthor().isBlank() ? alert.ruleTitle()
				: alert.ruleTitle() + " (author: " + alert.ruleAuthor().strip() + ")");
		for (String technique : AlertDays.techniques(alert.tags())) {
			ObjectNode attack = references.addObject();
			attack.put("source_name", "mitre-attack");
			attack.put("external_id", technique);
			attack.put("url", "https://attack.mitre.org/techniques/" + technique.replace('.', '/') + "/");
		}
		ObjectNode khien = references.addObject();
		khien.put("source_name", "khien");
		khien.put("external_id", "alert:" + alert.id());
		return references;
	}

	/** {@code attack.command_and_control} gives {@code command-and-control}. */
	static List<String> tactics(List<String> tags) {
		List<String> phases = new ArrayList<>();
		for (String tag : tags) {
			String lower = tag.toLowerCase(Locale.ROOT);
			if (lower.startsWith("attack.") && TACTICS.contains(lower.substring(7))) {
				String phase = lower.substring(7).replace('_', '-');
				if (!phases.contains(phase)) {
					phases.add(phase);
				}
			}
		}
		return phases;
	}

	/** When the rule's file is gone: its id, title and author, still valid Sigma. */
	private static String minimalRule(SharedAlert alert) {
		return "title: " + yamlString(alert.ruleTitle()) + "\nid: " + yamlString(alert.ruleUid())
				+ (alert.ruleAuthor() == null ? "" : "\nauthor: " + yamlString(alert.ruleAuthor())) + "\n";
	}

	private static String yamlString(String value) {
		return "'" + value.replace("'", "''").replaceAll("[\\r\\n]+", " ") + "'";
	}

	private ObjectNode sco(Observation observation) {
		String type = observation.form().scoType();
		ObjectNode sco = json.createObjectNode();
		sco.put("type", type);
		sco.put("spec_version", "2.1");
		sco.put("id", observation.scoId());
		if ("file".equals(type)) {
			sco.putObject("hashes").put(observation.form().hashName(), observation.value());
		}
		else {
			sco.put("value", observation.value());
		}
		return sco;
	}

	private ObjectNode sdo(String type, String id, Instant from, Instant to) {
		ObjectNode sdo = json.createObjectNode();
		sdo.put("type", type);
		sdo.put("spec_version", "2.1");
		sdo.put("id", id);
		sdo.put("created_by_ref", producerId);
		sdo.put("created", Ids.stixTime(from));
		sdo.put("modified", Ids.stixTime(to));
		return sdo;
	}

	private static ObjectNode marked(ObjectNode object, SharedAlert alert) {
		object.putArray("object_marking_refs").add(alert.tlp().markingId());
		return object;
	}

	/** STIX caps counts at 999,999,999. */
	private static int clamp(long count, int floor) {
		return (int) Math.max(floor, Math.min(count, 999_999_999L));
	}

}
