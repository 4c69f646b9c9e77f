package vn.khien.incident.exchange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.platform.stix.Ids;
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

	private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	private static final int INFO_LIMIT = 256;

	private final JsonMapper json;

	public MispExport(JsonMapper json) {
		this.json = json;
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
		ObjectNode event = root.putObject("Event");
		event.put("uuid", Ids.v5(Ids.KHIEN, producer + "\nmisp-event\n" + incident.id()).toString());
		event.put("info", info(incident.title()));
		Instant happened = incident.discoveredAt() == null ? incident.created() : incident.discoveredAt();
		event.put("date", happened.atZone(ZONE).toLocalDate().toString());
		event.put("threat_level_id", threatLevel(incident.severity()));
		// The record says nothing of the case's stage, so the analysis is ongoing.
		event.put("analysis", "1");
		event.put("distribution", caseTlp.mispDistribution());
		event.put("sharing_group_id", "0");
		event.put("published", false);
		event.put("timestamp", timestamp);
		event.put("publish_timestamp", "0");
		ObjectNode orgc = event.putObject("Orgc");
		orgc.put("name", producer);
		orgc.put("uuid", Ids.v5(Ids.KHIEN, producer + "\nmisp-org").toString());

		ArrayNode tags = event.putArray("Tag");
		tags.add(tlpTag(caseTlp));
		String rsit = StixExport.rsitTag(incident);
		if (rsit != null) {
			ObjectNode tag = tags.addObject();
			tag.put("name", rsit);
			tag.put("exportable", true);
		}

		ArrayNode attributes = event.putArray("Attribute");
		String eventUuid = event.get("uuid").asString();
		if (!incident.description().isBlank()) {
			attributes.add(attribute(eventUuid, "description", "comment", "Other", incident.description(), false,
					caseTlp, timestamp, "description of the case"));
		}
		if (incident.agencyName() != null && !incident.agencyName().isBlank()) {
			attributes.add(attribute(eventUuid, "agency", "target-org", "Targeting data", incident.agencyName(), false,
					caseTlp, timestamp, "affected agency"));
		}
		if (incident.systemName() != null && !incident.systemName().isBlank()) {
			attributes.add(attribute(eventUuid, "system", "target-machine", "Targeting data", incident.systemName(),
					false, caseTlp, timestamp, "affected system"));
		}
		for (SharedObservable observable : incident.observables()) {
			Observation observation = Observation.of(observable.kind(), observable.value());
			Observation.Form form = observation.form();
			String comment = form == Observation.Form.TEXT
					? observable.kind().trim().toLowerCase(Locale.ROOT) + ", seen " + observable.sightings() + " times"
					: "seen " + observable.sightings() + " times";
			ObjectNode attribute = attribute(eventUuid, "observable\n" + observable.id(), form.mispType(),
					form.mispCategory(), observation.value(), form.toIds(), Tlp.of(observable.tlp()), timestamp,
					comment);
			attribute.put("first_seen", SEEN.format(observable.firstSeen()));
			attribute.put("last_seen", SEEN.format(observable.seenUntil()));
			attributes.add(attribute);
		}
		event.put("attribute_count", Integer.toString(attributes.size()));
		return json.writeValueAsString(root);
	}

	private ObjectNode attribute(String eventUuid, String name, String type, String category, String value,
			boolean toIds, Tlp tlp, String timestamp, @Nullable String comment) {
		ObjectNode attribute = json.createObjectNode();
		attribute.put("uuid", Ids.v5(Ids.KHIEN, eventUuid + "\nmisp-attribute\n" + name).toString());
		attribute.put("type", type);
		attribute.put("category", category);
		attribute.put("value", value);
		attribute.put("to_ids", toIds);
		attribute.put("distribution", tlp.mispDistribution());
		attribute.put("timestamp", timestamp);
		attribute.put("comment", comment == null ? "" : comment);
		attribute.putArray("Tag").add(tlpTag(tlp));
		return attribute;
	}

	private ObjectNode tlpTag(Tlp tlp) {
		ObjectNode tag = json.createObjectNode();
		tag.put("name", tlp.mispTag());
		tag.put("colour", tlp.mispColour());
		tag.put("exportable", true);
		return tag;
	}

	/** MISP asks for one line of at most 256 characters. */
	static String info(String title) {
		String line = title.replaceAll("\\s+", " ").trim();
		if (line.length() <= INFO_LIMIT) {
			return line;
		}
		int end = INFO_LIMIT - 1;
		// Never cut between the two halves of a character outside the basic plane.
		if (Character.isHighSurrogate(line.charAt(end - 1))) {
			end--;
		}
		return line.substring(0, end) + "…";
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
