package vn.khien.platform.stix;

import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TLP 2.0 labels, loosest first, with the marking definitions OASIS publishes for them
 * (cti-stix-common-objects, extension-definition-specifications/tlp-2.0) and the MISP
 * taxonomy's tags.
 */
public enum Tlp {

	CLEAR("94868c89-83c2-464b-929b-a1a8aa3c8487", "#ffffff", "3"),
	GREEN("bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "#33FF00", "2"),
	AMBER("55d920b0-5e8b-4f79-9ee9-91f868d9b421", "#FFC000", "1"),
	AMBER_STRICT("939a9414-2ddd-4d32-a0cd-375ea402b003", "#FFC000", "0"),
	RED("e828b379-4e03-4974-9ac4-e53a884c97c1", "#FF2B2B", "0");

	/** The property extension every TLP 2.0 marking definition carries. */
	public static final String EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

	/** The creation time OASIS gave the five TLP 2.0 marking definitions. */
	public static final String CREATED = "2022-10-01T00:00:00.000Z";

	private final String uuid;

	private final String colour;

	private final String distribution;

	Tlp(String uuid, String colour, String distribution) {
		this.uuid = uuid;
		this.colour = colour;
		this.distribution = distribution;
	}

	/**
	 * Reads a label in any case, with or without {@code TLP:}; WHITE is TLP 1.0's name
	 * for CLEAR. An unknown label is refused rather than shared under a looser one.
	 */
	public static Tlp of(String label) {
		String code = label.trim().toUpperCase(Locale.ROOT);
		if (code.startsWith("TLP:")) {
			code = code.substring(4);
		}
		return switch (code) {
			case "CLEAR", "WHITE" -> CLEAR;
			case "GREEN" -> GREEN;
			case "AMBER" -> AMBER;
			case "AMBER+STRICT", "AMBER_STRICT" -> AMBER_STRICT;
			case "RED" -> RED;
			default -> throw new IllegalArgumentException("Not a TLP 2.0 label: " + label);
		};
	}

	public static Tlp stricter(Tlp a, Tlp b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	/**
	 * {@code clear}, {@code amber+strict}: the value of the extension and of MISP's tag.
	 */
	public String code() {
		return this == AMBER_STRICT ? "amber+strict" : name().toLowerCase(Locale.ROOT);
	}

	public String markingId() {
		return "marking-definition--" + uuid;
	}

	public String markingName() {
		return "TLP:" + code().toUpperCase(Locale.ROOT);
	}

	public String mispTag() {
		return "tlp:" + code();
	}

	public String mispColour() {
		return colour;
	}

	/**
	 * MISP distribution: RED and AMBER+STRICT stay in the organisation, AMBER in this
	 * community, GREEN in connected communities, CLEAR goes to all.
	 */
	public String mispDistribution() {
		return distribution;
	}

	/**
	 * The marking definition exactly as OASIS publishes it, without an author of ours.
	 */
	public ObjectNode markingDefinition(JsonMapper json) {
		ObjectNode marking = json.createObjectNode();
		marking.put("type", "marking-definition");
		marking.put("spec_version", "2.1");
		marking.put("id", markingId());
		marking.put("created", CREATED);
		marking.put("name", markingName());
		ObjectNode extension = marking.putObject("extensions").putObject(EXTENSION);
		extension.put("extension_type", "property-extension");
		extension.put("tlp_2_0", code());
		return marking;
	}

}
