package vn.khien.inventory.importing;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import vn.khien.platform.importing.SafeJson;
import vn.khien.platform.importing.ImportProblem;

/**
 * Reader of {@code Get-MpComputerStatus | ConvertTo-Json} output: one object, or an array
 * of objects when collected from many machines (then each object carries
 * {@code PSComputerName}). Array elements are read one at a time. Record lines and
 * problem locations use the 1-based position of the object.
 */
public final class DefenderStatusParser {

	static final String PRODUCT = "Microsoft Defender Antivirus";

	private static final String[] HOST_FIELDS = { "pscomputername", "computername", "csname" };

	private static final String[] STATUS_FIELDS = { "amproductversion", "amserviceenabled", "antivirusenabled",
			"realtimeprotectionenabled", "antivirussignaturelastupdated" };

	// Windows PowerShell 5.1 writes DateTime as "\/Date(ms)\/", optionally with an offset
	// that does not change
	// the instant (the milliseconds are already UTC).
	private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d+)(?:[+-]\\d{4})?\\)/$");

	private final ZoneId zone;

	public DefenderStatusParser() {
		this(Values.DEFAULT_ZONE);
	}

	/**
	 * @param zone zone of the machines, for ISO timestamps without offset and for the
	 * signature date
	 */
	public DefenderStatusParser(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * @return number of records given to {@code consumer}
	 * @throws ImportProblem {@code import.defender.shape} for JSON that is not
	 * Get-MpComputerStatus output, {@code import.defender.noHost} when an object names no
	 * computer, {@code import.json.malformed}, {@code import.file.empty}
	 */
	public int parse(InputStream in, Consumer<CoverageRecord> consumer) {
		return SafeJson.guarded(() -> {
			try (JsonParser parser = SafeJson.open(in)) {
				JsonToken first = SafeJson.firstToken(parser);
				if (first == JsonToken.START_OBJECT) {
					consumer.accept(toRecord(1, SafeJson.readValue(parser)));
					return 1;
				}
				if (first != JsonToken.START_ARRAY) {
					throw ImportProblem.ofFile("import.defender.shape");
				}
				int ordinal = 0;
				JsonToken token;
				while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
					ordinal++;
					if (token != JsonToken.START_OBJECT) {
						throw ImportProblem.atElement("item[" + ordinal + "]", "import.defender.shape");
					}
					consumer.accept(toRecord(ordinal, SafeJson.readValue(parser)));
				}
				return ordinal;
			}
		});
	}

	private CoverageRecord toRecord(int ordinal, JsonNode status) {
		String element = "item[" + ordinal + "]";
		// ConvertTo-Json keeps .NET property names, but hand-edited or re-serialised
		// files vary in case.
		Map<String, JsonNode> fields = new HashMap<>();
		for (Map.Entry<String, JsonNode> property : status.properties()) {
			fields.putIfAbsent(property.getKey().toLowerCase(Locale.ROOT), property.getValue());
		}
		boolean looksLikeDefender = false;
		for (String name : STATUS_FIELDS) {
			looksLikeDefender |= fields.containsKey(name);
		}
		if (!looksLikeDefender) {
			throw ImportProblem.atElement(element, "import.defender.shape");
		}
		String hostText = null;
		for (String name : HOST_FIELDS) {
			hostText = Values.trimToNull(SafeJson.text(fields.get(name)));
			if (hostText != null) {
				break;
			}
		}
		if (hostText == null) {
			throw ImportProblem.atElement(element, "import.defender.noHost");
		}
		String hostname;
		try {
			hostname = AssetIdentity.normaliseHostname(hostText);
		}
		catch (IllegalArgumentException ex) {
			throw ImportProblem.atElement(element, "import.row.invalidHostname", hostText);
		}
		boolean running = isTrue(fields.get("amserviceenabled")) && isTrue(fields.get("antivirusenabled"))
				&& isTrue(fields.get("realtimeprotectionenabled"));
		Instant signatureUpdated = date(fields.get("antivirussignaturelastupdated"), element);
		LocalDate signatureDate = signatureUpdated == null ? null : signatureUpdated.atZone(zone).toLocalDate();
		// Get-MpComputerStatus has no "last seen" time; when the data was collected is
		// only known to the caller.
		return new CoverageRecord(ordinal, hostname, null, PRODUCT,
				Values.trimToNull(SafeJson.text(fields.get("amproductversion"))), running, signatureDate, null);
	}

	private static boolean isTrue(@Nullable JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return "true".equalsIgnoreCase(SafeJson.text(node));
	}

	/**
	 * Accepts "\/Date(ms)\/", {"value":"\/Date(ms)\/","DateTime":"..."} and ISO-8601
	 * (PowerShell 7).
	 */
	private @Nullable Instant date(@Nullable JsonNode node, String element) {
		if (node != null && node.isObject()) {
			node = node.get("value");
		}
		String text = Values.trimToNull(SafeJson.text(node));
		if (text == null) {
			return null;
		}
		Matcher ms = MS_DATE.matcher(text);
		try {
			if (ms.matches()) {
				return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
			}
			return Values.parseInstant(text, zone);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw ImportProblem.atElement(element, "import.row.invalidDate", "AntivirusSignatureLastUpdated", text);
		}
	}

}
