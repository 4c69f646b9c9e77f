package vn.khien.monitoring.sharing;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.monitoring.AlertDays;
import vn.khien.monitoring.AlertStatus;
import vn.khien.platform.stix.Ids;
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

	private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	private static final int INFO_LIMIT = 256;

	private final JsonMapper json;

	private final String producer;

	AlertMisp(JsonMapper json, String producer) {
		this.json = json;
		this.producer = producer;
	}

	/**
	 * The event as JSON, one object under the key Event; its uuids hold across exports.
	 */
	String misp(SharedAlert alert) {
		Tlp tlp = alert.tlp();
		String timestamp = Long.toString(alert.addedAt().getEpochSecond());
		ObjectNode root = json.createObjectNode();
		ObjectNode event = root.putObject("Event");
		String uuid = Ids.v5(Ids.KHIEN, producer + "\nmisp-event\nalert\n" + alert.id()).toString();
		event.put("uuid", uuid);
		event.put("info", info("Sigma: " + alert.ruleTitle()));
		event.put("date", alert.firstSeenAt().atZone(ZONE).toLocalDate().toString());
		event.put("threat_level_id", switch (alert.severity()) {
			case CRITICAL, HIGH -> "1";
			case MEDIUM -> "2";
			case LOW -> "3";
			case INFORMATIONAL -> "4";
		});
		// MISP's analysis: 0 initial, 1 ongoing, 2 completed.
		event.put("analysis",
				alert.status() == AlertStatus.NEW ? "0" : alert.status() == AlertStatus.ACKNOWLEDGED ? "1" : "2");
		event.put("distribution", tlp.mispDistribution());
		event.put("sharing_group_id", "0");
		event.put("published", false);
		event.put("timestamp", timestamp);
		event.put("publish_timestamp", "0");
		ObjectNode orgc = event.putObject("Orgc");
		orgc.put("name", producer);
		orgc.put("uuid", Ids.v5(Ids.KHIEN, producer + "\nmisp-org").toString());

		ArrayNode tags = event.putArray("Tag");
		tags.add(tag(tlp.mispTag(), tlp.mispColour()));
		for (String technique : AlertDays.techniques(alert.tags())) {
			tags.add(tag("mitre-attack:technique=\"" + technique + "\"", "#c0392b"));
		}
		for (String tactic : AlertStix.tactics(alert.tags())) {
			tags.add(tag("mitre-attack:tactic=\"" + tactic + "\"", "#c0392b"));
		}
		if (alert.withdrawn()) {
			tags.add(tag("false-positive:risk=\"low\"", "#7f8c8d"));
		}

		ArrayNode attributes = event.putArray("Attribute");
		attributes.add(attribute(uuid, "rule", "comment", "Other", AlertStix.description(alert), false, tlp, timestamp,
				ruleComment(alert)));
		for (SharedAlert.Observable observable : alert.observables()) {
			String type = switch (observable.field()) {
				case "source.ip" -> "ip-src";
				case "destination.ip" -> "ip-dst";
				default -> observable.observation().form().mispType();
			};
			ObjectNode attribute = attribute(uuid, observable.field() + "\n" + observable.observation().value(), type,
					observable.observation().form().mispCategory(), observable.observation().value(),
					observable.observation().form().toIds() && !alert.withdrawn(), tlp, timestamp,
					"ECS " + observable.field());
			attribute.put("first_seen", SEEN.format(alert.firstSeenAt()));
			attribute.put("last_seen", SEEN.format(alert.lastSeen()));
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

	private ObjectNode attribute(String eventUuid, String name, String type, String category, String value,
			boolean toIds, Tlp tlp, String timestamp, String comment) {
		ObjectNode attribute = json.createObjectNode();
		attribute.put("uuid", Ids.v5(Ids.KHIEN, eventUuid + "\nmisp-attribute\n" + name).toString());
		attribute.put("type", type);
		attribute.put("category", category);
		attribute.put("value", value);
		attribute.put("to_ids", toIds);
		attribute.put("distribution", tlp.mispDistribution());
		attribute.put("timestamp", timestamp);
		attribute.put("comment", comment);
		attribute.putArray("Tag").add(tag(tlp.mispTag(), tlp.mispColour()));
		return attribute;
	}

	private ObjectNode tag(String name, String colour) {
		ObjectNode tag = json.createObjectNode();
		tag.put("name", name);
		tag.put("colour", colour);
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
		if (Character.isHighSurrogate(line.charAt(end - 1))) {
			end--;
		}
		return line.substring(0, end) + "…";
	}

}
