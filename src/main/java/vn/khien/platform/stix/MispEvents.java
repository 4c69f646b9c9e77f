package vn.khien.platform.stix;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts every MISP event Khiên writes shares (a case, an alert): the event's head,
 * its attributes and their TLP tags, in the MISP core format. Instance-local ids are left
 * out for the importing instance to assign; uuids are name-based (ADR 0010), so they hold
 * across exports.
 */
public final class MispEvents {

	/** How MISP writes an attribute's first and last seen. */
	public static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	private static final int INFO_LIMIT = 256;

	private final JsonMapper json;

	public MispEvents(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The event under the key Event of {@code root}, with its head written; the caller
	 * adds its tags and attributes.
	 * @param threatLevel MISP's 1 (high) to 4 (undefined)
	 * @param analysis MISP's 0 initial, 1 ongoing, 2 completed
	 */
	public ObjectNode event(ObjectNode root, String uuid, String info, LocalDate date, String threatLevel,
			String analysis, Tlp tlp, String timestamp, String producer) {
		ObjectNode event = root.putObject("Event");
		event.put("uuid", uuid);
		event.put("info", info(info));
		event.put("date", date.toString());
		event.put("threat_level_id", threatLevel);
		event.put("analysis", analysis);
		event.put("distribution", tlp.mispDistribution());
		event.put("sharing_group_id", "0");
		event.put("published", false);
		event.put("timestamp", timestamp);
		event.put("publish_timestamp", "0");
		ObjectNode orgc = event.putObject("Orgc");
		orgc.put("name", producer);
		orgc.put("uuid", Ids.v5(Ids.KHIEN, producer + "\nmisp-org").toString());
		return event;
	}

	/**
	 * An attribute of the event, its uuid from the event's and its own name, tagged with
	 * its TLP.
	 */
	public ObjectNode attribute(String eventUuid, String name, String type, String category, String value,
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

	public ObjectNode tag(String name, String colour) {
		ObjectNode tag = json.createObjectNode();
		tag.put("name", name);
		tag.put("colour", colour);
		tag.put("exportable", true);
		return tag;
	}

	/** MISP asks for one line of at most 256 characters. */
	public static String info(String title) {
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

}
