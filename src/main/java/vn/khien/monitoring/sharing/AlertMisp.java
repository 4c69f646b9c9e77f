package vn.khien.monitoring.sharing;

import java.time.ZoneId;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.monitoring.AlertDays;
import vn.khien.monitoring.AlertStatus;
import vn.khien.platform.stix.Ids;
import vn.khien.platform.stix.MispEvents;
import vn.khien.platform.stix.Tlp;

/**
 * An alert as an event in the MISP core format, as the incident module writes a case: the
 * TLP and ATT&amp;CK techniques as tags, the rule and its author in a comment, each value
 * the events named as an attribute. Instance-local ids are left for the importing
 * instance to assign. Mapping tables: docs/taxii.md.
 */
final class AlertMisp {

	// The event's date is the day it happened in the province.
	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JsonMapper json;

	private final MispEvents misp;

	private final String producer;

	AlertMisp(JsonMapper json, String producer) {
		this.json = json;
		this.misp = new MispEvents(json);
		this.producer = producer;
	}

	/**
	 * The event as JSON, one object under the key Event; its uuids hold across exports.
	 */
	String misp(SharedAlert alert) {
		Tlp tlp = alert.tlp();
		String timestamp = Long.toString(alert.addedAt().getEpochSecond());
		ObjectNode root = json.createObjectNode();
		String uuid = Ids.v5(Ids.KHIEN, producer + "\nmisp-event\nalert\n" + alert.id()).toString();
		String threatLevel = switch (alert.severity()) {
			case CRITICAL, HIGH -> "1";
			case MEDIUM -> "2";
			case LOW -> "3";
			case INFORMATIONAL -> "4";
		};
		String analysis = alert.status() == AlertStatus.NEW ? "0"
				: alert.status() == AlertStatus.ACKNOWLEDGED ? "1" : "2";
		ObjectNode event = misp.event(root, uuid, "Sigma: " + alert.ruleTitle(),
				alert.firstSeenAt().atZone(ZONE).toLocalDate(), threatLevel, analysis, tlp, timestamp, producer);

		ArrayNode tags = event.putArray("Tag");
		tags.add(misp.tag(tlp.mispTag(), tlp.mispColour()));
		for (String technique : AlertDays.techniques(alert.tags())) {
			tags.add(misp.tag("mitre-attack:technique=\"" + technique + "\"", "#c0392b"));
		}
		for (String tactic : AlertStix.tactics(alert.tags())) {
			tags.add(misp.tag("mitre-attack:tactic=\"" + tactic + "\"", "#c0392b"));
		}
		if (alert.withdrawn()) {
			tags.add(misp.tag("false-positive:risk=\"low\"", "#7f8c8d"));
		}

		ArrayNode attributes = event.putArray("Attribute");
		attributes.add(misp.attribute(uuid, "rule", "comment", "Other", AlertStix.description(alert), false, tlp,
				timestamp, ruleComment(alert)));
		for (SharedAlert.Observable observable : alert.observables()) {
			String type = switch (observable.field()) {
				case "source.ip" -> "ip-src";
				case "destination.ip" -> "ip-dst";
				default -> observable.observation().form().mispType();
			};
			ObjectNode attribute = misp.attribute(uuid, observable.field() + "\n" + observable.observation().value(),
					type, observable.observation().form().mispCategory(), observable.observation().value(),
					observable.observation().form().toIds() && !alert.withdrawn(), tlp, timestamp,
					"ECS " + observable.field());
			attribute.put("first_seen", MispEvents.SEEN.format(alert.firstSeenAt()));
			attribute.put("last_seen", MispEvents.SEEN.format(alert.lastSeen()));
			attributes.add(attribute);
		}
		event.put("attribute_count", Integer.toString(attributes.size()));
		return json.writeValueAsString(root);
	}

	/** The Detection Rule License asks that the rule's author go with every match. */
	static String ruleComment(SharedAlert alert) {
		return "Sigma rule " + alert.ruleUid() + " (" + alert.ruleTitle() + ")"
				+ (alert.ruleAuthor() == null || alert.ruleAuthor().isBlank() ? ""
						: ", author: " + alert.ruleAuthor().strip());
	}

}
