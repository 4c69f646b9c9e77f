package vn.khien.inventory.importing;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import vn.khien.platform.importing.SafeJson;
import vn.khien.platform.importing.ImportProblem;

/**
 * Streaming reader of the Wazuh server API {@code GET /agents} response
 * ({@code {"data":{"affected_items":[...]}}}). Only one agent object is held in memory at
 * a time. Record lines and problem locations use the 1-based position in
 * {@code affected_items}. Every agent becomes a record; the manager's own entry (agent
 * {@code 000}) is marked {@link CoverageRecord#manager()}.
 */
public final class WazuhAgentsParser {

	static final String PRODUCT = "Wazuh agent";

	static final String MANAGER_ID = "000";

	// The manager (agent 000) reports this keep-alive to mean "always connected"; it is
	// not a real time.
	private static final Instant NEVER_EXPIRES = Instant.parse("9999-01-01T00:00:00Z");

	private final ZoneId zone;

	public WazuhAgentsParser() {
		this(Values.DEFAULT_ZONE);
	}

	/**
	 * @param zone zone used to turn keep-alive instants into a local date
	 */
	public WazuhAgentsParser(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * @return number of records given to {@code consumer}
	 * @throws ImportProblem {@code import.wazuh.shape} when the document has no
	 * {@code data.affected_items} array, {@code import.json.malformed},
	 * {@code import.file.empty}, or an agent problem located at
	 * {@code element:affected_items[n]}
	 */
	public int parse(InputStream in, Consumer<CoverageRecord> consumer) {
		return SafeJson.guarded(() -> {
			try (JsonParser parser = SafeJson.open(in)) {
				if (SafeJson.firstToken(parser) != JsonToken.START_OBJECT) {
					throw ImportProblem.ofFile("import.wazuh.shape");
				}
				int parsed = -1;
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if ("data".equals(name) && value == JsonToken.START_OBJECT) {
						parsed = readData(parser, consumer);
					}
					else {
						parser.skipChildren();
					}
				}
				if (parsed < 0) {
					throw ImportProblem.ofFile("import.wazuh.shape");
				}
				return parsed;
			}
		});
	}

	/**
	 * @return records emitted, or -1 when {@code data} has no {@code affected_items}
	 * array
	 */
	private int readData(JsonParser parser, Consumer<CoverageRecord> consumer) {
		int parsed = -1;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("affected_items".equals(name) && value == JsonToken.START_ARRAY) {
				parsed = 0;
				int ordinal = 0;
				JsonToken token;
				while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
					ordinal++;
					if (token != JsonToken.START_OBJECT) {
						throw ImportProblem.atElement("affected_items[" + ordinal + "]", "import.wazuh.shape");
					}
					consumer.accept(toRecord(ordinal, SafeJson.readValue(parser)));
					parsed++;
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return parsed;
	}

	private CoverageRecord toRecord(int ordinal, JsonNode agent) {
		String element = "affected_items[" + ordinal + "]";
		// NB: agent 000 is the manager reporting on itself (its host name, 127.0.0.1),
		// not a host of the agency.
		// It is only marked here and skipped when applied, so nothing about it may refuse
		// the file.
		boolean manager = MANAGER_ID.equals(SafeJson.text(agent.get("id")));
		String nameText = Values.trimToNull(SafeJson.text(agent.get("name")));
		String hostname = null;
		try {
			hostname = AssetIdentity.normaliseHostname(nameText);
		}
		catch (IllegalArgumentException ex) {
			if (!manager) {
				throw ImportProblem.atElement(element, "import.row.invalidHostname", nameText);
			}
		}
		String ipText = Values.trimToNull(SafeJson.text(agent.get("ip")));
		String address = null;
		// "any" means the agent registered without a fixed address; it identifies
		// nothing.
		if (ipText != null && !"any".equalsIgnoreCase(ipText)) {
			try {
				address = AssetIdentity.normaliseAddress(ipText);
			}
			catch (IllegalArgumentException ex) {
				if (!manager) {
					throw ImportProblem.atElement(element, "import.row.invalidAddress", ipText);
				}
			}
		}
		if (hostname == null && address == null && !manager) {
			throw ImportProblem.atElement(element, "import.row.missingIdentity");
		}
		boolean active = "active".equalsIgnoreCase(SafeJson.text(agent.get("status")));
		String keepAliveText = SafeJson.text(agent.get("lastKeepAlive"));
		Instant lastKeepAlive = null;
		try {
			lastKeepAlive = Values.parseInstant(keepAliveText, zone);
		}
		catch (DateTimeParseException ex) {
			if (!manager) {
				throw ImportProblem.atElement(element, "import.row.invalidDate", "lastKeepAlive", keepAliveText);
			}
		}
		if (lastKeepAlive != null && !lastKeepAlive.isBefore(NEVER_EXPIRES)) {
			lastKeepAlive = null;
		}
		// Wazuh is an EDR: it has no antivirus signature file, its detection content is
		// the manager's rule set,
		// which a connected agent receives on every keep-alive. So for an active agent
		// "signatures as fresh as
		// the last keep-alive" is the honest equivalent, letting coverage rules treat AV
		// and EDR alike.
		LocalDate signatureDate = active && lastKeepAlive != null ? lastKeepAlive.atZone(zone).toLocalDate() : null;
		return new CoverageRecord(ordinal, hostname, address, PRODUCT, version(SafeJson.text(agent.get("version"))),
				active, signatureDate, lastKeepAlive, manager);
	}

	/**
	 * "Wazuh v4.7.2" (4.x) and "v5.0.0" (5.x) both become "4.7.2" / "5.0.0" so versions
	 * compare cleanly.
	 */
	private static @Nullable String version(@Nullable String text) {
		String version = Values.trimToNull(text);
		if (version == null) {
			return null;
		}
		if (version.toLowerCase(Locale.ROOT).startsWith("wazuh ")) {
			version = version.substring(6).strip();
		}
		if (version.length() > 1 && (version.charAt(0) == 'v' || version.charAt(0) == 'V')
				&& Character.isDigit(version.charAt(1))) {
			version = version.substring(1);
		}
		return version;
	}

}
