package vn.khien.incident.exchange;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.platform.stix.Ids;
import vn.khien.platform.stix.MispEvents;
import vn.khien.platform.stix.Observation;
import vn.khien.platform.stix.Tlp;

/**
 * A case as an event in the MISP core format, for CERTs that run MISP: the case's TLP and
 * RSIT class as taxonomy tags, each observable as an attribute with its own TLP tag.
 * Instance-local ids (id, org_id, event_id) are left out for the importing instance to
 * assign. Mapping tables: docs/incident-exchange.md.
 */
@Component
public class MispExport {

	// The event's date is the day it happened in the province.
	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JsonMapper json;

	private final MispEvents misp;

	public MispExport(JsonMapper json) {
		this.json = json;
		this.misp = new MispEvents(json);
	}

	/**
	 * The event as JSON, one object under the key Event; its uuids hold across exports.
	 */
	public String misp(SharedIncident incident) {
		String producer = incident.producer();
		Tlp caseTlp = Tlp.of(incident.tlp());
		Instant modified = incident.modified().isBefore(incident.created()) ? incident.created() : incident.modified();
		String timestamp = Long.toString(modified.getEpochSecond());

		ObjectNode root = json.createObjectNode();
		Instant happened = incident.discoveredAt() == null ? incident.created() : incident.discoveredAt();
		// NB: the record says nothing of the case's stage, so the analysis is ongoing (1)
		ObjectNode event = misp.event(root, Ids.v5(Ids.KHIEN, producer + "\nmisp-event\n" + incident.id()).toString(),
				incident.title(), happened.atZone(ZONE).toLocalDate(), threatLevel(incident.severity()), "1", caseTlp,
				timestamp, producer);

		ArrayNode tags = event.putArray("Tag");
		tags.add(misp.tag(caseTlp.mispTag(), caseTlp.mispColour()));
		String rsit = StixExport.rsitTag(incident);
		if (rsit != null) {
			ObjectNode tag = tags.addObject();
			tag.put("name", rsit);
			tag.put("exportable", true);
		}

		ArrayNode attributes = event.putArray("Attribute");
		String eventUuid = event.get("uuid").asString();
		if (!incident.description().isBlank()) {
			attributes.add(misp.attribute(eventUuid, "description", "comment", "Other", incident.description(), false,
					caseTlp, timestamp, "description of the case"));
		}
		if (incident.agencyName() != null && !incident.agencyName().isBlank()) {
			attributes.add(misp.attribute(eventUuid, "agency", "target-org", "Targeting data", incident.agencyName(),
					false, caseTlp, timestamp, "affected agency"));
		}
		if (incident.systemName() != null && !incident.systemName().isBlank()) {
			attributes.add(misp.attribute(eventUuid, "system", "target-machine", "Targeting data",
					incident.systemName(), false, caseTlp, timestamp, "affected system"));
		}
		for (SharedObservable observable : incident.observables()) {
			Observation observation = Observation.of(observable.kind(), observable.value());
			Observation.Form form = observation.form();
			String comment = form == Observation.Form.TEXT
					? observable.kind().trim().toLowerCase(Locale.ROOT) + ", seen " + observable.sightings() + " times"
					: "seen " + observable.sightings() + " times";
			ObjectNode attribute = misp.attribute(eventUuid, "observable\n" + observable.id(), form.mispType(),
					form.mispCategory(), observation.value(), form.toIds(), Tlp.of(observable.tlp()), timestamp,
					comment);
			attribute.put("first_seen", MispEvents.SEEN.format(observable.firstSeen()));
			attribute.put("last_seen", MispEvents.SEEN.format(observable.seenUntil()));
			attributes.add(attribute);
		}
		event.put("attribute_count", Integer.toString(attributes.size()));
		return json.writeValueAsString(root);
	}

	/**
	 * critical and high are MISP's High (1), medium 2, low 3, anything else Undefined
	 * (4).
	 */
	static String threatLevel(String severity) {
		return switch (severity.trim().toLowerCase(Locale.ROOT)) {
			case "critical", "high" -> "1";
			case "medium" -> "2";
			case "low" -> "3";
			default -> "4";
		};
	}

}
