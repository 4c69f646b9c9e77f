package vn.khien.inventory.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.importing.ImportProblem;

/**
 * Field names and validation of the generic coverage format, shared by
 * {@link CoverageCsvParser} and {@link CoverageJsonParser} so both accept the same fields
 * with the same rules.
 */
final class CoverageRowReader {

	static final String HOSTNAME = "hostname";
	static final String ADDRESS = "address";
	static final String PRODUCT = "product";
	static final String VERSION = "version";
	static final String RUNNING = "running";
	static final String SIGNATURE_DATE = "signaturedate";
	static final String LAST_CHECK_IN = "lastcheckin";

	static final List<String> FIELDS = List.of(HOSTNAME, ADDRESS, PRODUCT, VERSION, RUNNING, SIGNATURE_DATE,
			LAST_CHECK_IN);

	private final ZoneId zone;

	CoverageRowReader(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Maps snake_case, camelCase, kebab-case and any letter case to one canonical name;
	 * null when the name is not a coverage field.
	 */
	static @Nullable String canonical(@Nullable String name) {
		if (name == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
				out.append(c);
			}
		}
		String folded = out.toString().toLowerCase(Locale.ROOT);
		switch (folded) {
			case "productversion":
				return VERSION;
			case "ip":
				return ADDRESS;
			default:
				return FIELDS.contains(folded) ? folded : null;
		}
	}

	/**
	 * @param line value for {@link CoverageRecord#line()}
	 * @param location where to point problems at ({@code line:n} or {@code element:...})
	 * @param field value of a canonical field, or null
	 */
	CoverageRecord read(int line, String location, UnaryOperator<@Nullable String> field) {
		String hostnameText = Values.trimToNull(field.apply(HOSTNAME));
		String hostname;
		try {
			hostname = AssetIdentity.normaliseHostname(hostnameText);
		}
		catch (IllegalArgumentException ex) {
			throw new ImportProblem("import.row.invalidHostname", location, hostnameText);
		}
		String addressText = Values.trimToNull(field.apply(ADDRESS));
		String address = null;
		if (addressText != null) {
			try {
				address = AssetIdentity.normaliseAddress(addressText);
			}
			catch (IllegalArgumentException ex) {
				throw new ImportProblem("import.row.invalidAddress", location, addressText);
			}
		}
		if (hostname == null && address == null) {
			throw new ImportProblem("import.row.missingIdentity", location);
		}
		String runningText = field.apply(RUNNING);
		Boolean running;
		try {
			running = Values.parseBoolean(runningText);
		}
		catch (IllegalArgumentException ex) {
			throw new ImportProblem("import.row.invalidBoolean", location, RUNNING, runningText);
		}
		String signatureText = field.apply(SIGNATURE_DATE);
		LocalDate signatureDate;
		try {
			signatureDate = Values.parseDate(signatureText, zone);
		}
		catch (DateTimeParseException ex) {
			throw new ImportProblem("import.row.invalidDate", location, "signature_date", signatureText);
		}
		String checkInText = field.apply(LAST_CHECK_IN);
		Instant lastCheckIn;
		try {
			lastCheckIn = Values.parseInstant(checkInText, zone);
		}
		catch (DateTimeParseException ex) {
			throw new ImportProblem("import.row.invalidDate", location, "last_check_in", checkInText);
		}
		return new CoverageRecord(line, hostname, address, Values.trimToNull(field.apply(PRODUCT)),
				Values.trimToNull(field.apply(VERSION)), running, signatureDate, lastCheckIn);
	}

}
