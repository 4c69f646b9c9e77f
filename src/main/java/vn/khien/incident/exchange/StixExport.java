package vn.khien.incident.exchange;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.platform.stix.Ids;
import vn.khien.platform.stix.Observation;
import vn.khien.platform.stix.Tlp;

/**
 * A case as a STIX 2.1 bundle for the national network: the response team as an identity
 * that authors every object, the incident, each observable as a cyber-observable with its
 * observed-data, an indicator and a sighting, related to the incident, and the TLP 2.0
 * marking definitions the objects carry. Mapping tables: docs/incident-exchange.md.
 */
@Component
public class StixExport {

	/** The producer's identity is one object across cases, so its version is fixed. */
	static final Instant IDENTITY_TIME = Instant.parse("2026-01-01T00:00:00Z");

	private final JsonMapper json;

	public StixExport(JsonMapper json) {
		this.json = json;
	}

	/** The bundle as JSON; its objects' ids are the same at every export of the case. */
	public String stix(SharedIncident incident) {
		return json.writeValueAsString(new Writer(incident).bundle());
	}

	private final class Writer {

		private final SharedIncident incident;

		private final String producer;

		private final String producerId;

		private final String incidentId;

		private final Tlp caseTlp;

		private final Instant created;

		private final Instant modified;

		private final Set<Tlp> used = EnumSet.noneOf(Tlp.class);

		private final ArrayNode objects;

		Writer(SharedIncident incident) {
			this.incident = incident;
			this.producer = incident.producer();
			this.producerId = Ids.khien("identity", producer, "producer");
			this.incidentId = Ids.khien("incident", producer, incident.id());
			this.caseTlp = Tlp.of(incident.tlp());
			this.created = incident.created();
			// STIX refuses a modified before created.
			this.modified = incident.modified().isBefore(created) ? created : incident.modified();
			this.objects = json.createArrayNode();
		}

		ObjectNode bundle() {
			ObjectNode identity = sdo("identity", producerId, IDENTITY_TIME, IDENTITY_TIME);
			identity.put("name", producer);
			identity.put("identity_class", "organization");
			objects.add(identity);

			objects.add(incidentObject());
			if (incident.agencyName() != null && !incident.agencyName().isBlank()) {
				String agencyId = Ids.khien("identity", producer, "agency", incident.id());
				ObjectNode agency = sdo("identity", agencyId, created, modified);
				agency.put("name", incident.agencyName());
				agency.put("identity_class", "organization");
				objects.add(marked(agency, caseTlp));
				objects.add(relationship("agency", incidentId, agencyId, "affected agency", caseTlp));
			}
			if (incident.systemName() != null && !incident.systemName().isBlank()) {
				String systemId = Ids.khien("infrastructure", producer, incident.id());
				ObjectNode system = sdo("infrastructure", systemId, created, modified);
				system.put("name", incident.systemName());
				objects.add(marked(system, caseTlp));
				objects.add(relationship("system", incidentId, systemId, "affected system", caseTlp));
			}
			for (SharedObservable observable : incident.observables()) {
				observable(observable);
			}

			ObjectNode bundle = json.createObjectNode();
			bundle.put("type", "bundle");
			bundle.put("id", "bundle--" + UUID.randomUUID());
			ArrayNode all = bundle.putArray("objects");
			for (Tlp tlp : used) {
				all.add(tlp.markingDefinition(json));
			}
			all.addAll(objects);
			return bundle;
		}

		private ObjectNode incidentObject() {
			ObjectNode sdo = sdo("incident", incidentId, created, modified);
			sdo.put("name", incident.title());
			if (!incident.description().isBlank()) {
				sdo.put("description", incident.description());
			}
			ArrayNode labels = json.createArrayNode();
			String rsit = rsitTag(incident);
			if (rsit != null) {
				labels.add(rsit);
			}
			labels.add("severity:" + incident.severity().trim().toLowerCase(Locale.ROOT));
			sdo.set("labels", labels);
			ObjectNode reference = sdo.putArray("external_references").addObject();
			reference.put("source_name", "khien");
			reference.put("external_id", Long.toString(incident.id()));
			return marked(sdo, caseTlp);
		}

		private void observable(SharedObservable observable) {
			Observation observation = Observation.of(observable.kind(), observable.value());
			Tlp own = Tlp.of(observable.tlp());
			// An object tying the observable to the case says both, so it takes the
			// stricter.
			Tlp tie = Tlp.stricter(own, caseTlp);
			if (!observation.hasSco()) {
				objects.add(note(observable, observation, tie));
				return;
			}
			ObjectNode sco = sco(observation);
			objects.add(marked(sco, own));
			String scoId = sco.get("id").asString();

			String observedId = Ids.khien("observed-data", producer, observable.id());
			ObjectNode observed = sdo("observed-data", observedId, created, modified);
			observed.put("first_observed", Ids.stixTime(observable.firstSeen()));
			observed.put("last_observed", Ids.stixTime(observable.seenUntil()));
			observed.put("number_observed", clamp(observable.sightings(), 1));
			observed.putArray("object_refs").add(scoId);
			objects.add(marked(observed, own));

			String indicatorId = Ids.khien("indicator", producer, observable.id());
			ObjectNode indicator = sdo("indicator", indicatorId, created, modified);
			indicator.put("name", observation.value());
			indicator.put("pattern", observation.pattern());
			indicator.put("pattern_type", "stix");
			indicator.put("pattern_version", "2.1");
			indicator.put("valid_from", Ids.stixTime(observable.firstSeen()));
			objects.add(marked(indicator, own));

			if (observable.sightings() > 0) {
				ObjectNode sighting = sdo("sighting", Ids.khien("sighting", producer, observable.id()), created,
						modified);
				sighting.put("first_seen", Ids.stixTime(observable.firstSeen()));
				sighting.put("last_seen", Ids.stixTime(observable.seenUntil()));
				sighting.put("count", clamp(observable.sightings(), 0));
				sighting.put("sighting_of_ref", indicatorId);
				sighting.putArray("observed_data_refs").add(observedId);
				sighting.putArray("where_sighted_refs").add(producerId);
				objects.add(marked(sighting, own));
			}
			objects.add(relationship("indicator\n" + observable.id(), indicatorId, incidentId, null, tie));
			objects.add(relationship("observed-data\n" + observable.id(), observedId, incidentId, null, tie));
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

		/**
		 * A phone number, or a value its kind does not fit, as a note on the incident:
		 * STIX 2.1 has no object for it and a custom one would be dropped by most
		 * receivers.
		 */
		private ObjectNode note(SharedObservable observable, Observation observation, Tlp tlp) {
			ObjectNode note = sdo("note", Ids.khien("note", producer, observable.id()), created, modified);
			note.put("abstract", observation.form() == Observation.Form.PHONE ? "phone-number"
					: observable.kind().trim().toLowerCase(Locale.ROOT));
			note.put("content", observation.value());
			note.putArray("object_refs").add(incidentId);
			return marked(note, tlp);
		}

		// related-to because STIX 2.1 defines no other relationship with an incident.
		private ObjectNode relationship(String name, String source, String target, @Nullable String description,
				Tlp tlp) {
			ObjectNode sro = sdo("relationship", Ids.khien("relationship", producer, incident.id(), name), created,
					modified);
			sro.put("relationship_type", "related-to");
			if (description != null) {
				sro.put("description", description);
			}
			sro.put("source_ref", source);
			sro.put("target_ref", target);
			return marked(sro, tlp);
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

		private ObjectNode marked(ObjectNode object, Tlp tlp) {
			used.add(tlp);
			object.putArray("object_marking_refs").add(tlp.markingId());
			return object;
		}

	}

	/** STIX and MISP both cap counts at 999,999,999. */
	private static int clamp(int count, int floor) {
		return Math.max(floor, Math.min(count, 999_999_999));
	}

	/**
	 * The case's RSIT class and type as MISP's machine tag, namespace:predicate with the
	 * type quoted as the value (rsit:fraud with phishing); null without a class.
	 */
	static @Nullable String rsitTag(SharedIncident incident) {
		String type = incident.taxonomyType();
		String taxonomyClass = incident.taxonomyClass();
		if (taxonomyClass == null || taxonomyClass.isBlank()) {
			return null;
		}
		String tag = "rsit:" + taxonomyClass.trim().toLowerCase(Locale.ROOT);
		if (type != null && !type.isBlank()) {
			tag += "=\"" + type.trim().toLowerCase(Locale.ROOT).replace("\"", "") + "\"";
		}
		return tag;
	}

}
