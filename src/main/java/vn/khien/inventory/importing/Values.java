package vn.khien.inventory.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Lenient-but-unambiguous parsing of the scalar values found in import files. */
final class Values {

	/** Timestamps without an offset are taken to be local time in the province. */
	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private Values() {
	}

	static @Nullable String trimToNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** ISO {@code yyyy-MM-dd}; a full timestamp is accepted and cut to its date. */
	static @Nullable LocalDate parseDate(@Nullable String value, ZoneId zone) {
		String text = trimToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return parseInstant(text, zone).atZone(zone).toLocalDate();
		}
	}

	/**
	 * ISO-8601 instant ({@code 2024-05-01T03:00:00Z}), offset date-time ({@code +07:00}),
	 * or local date-time ({@code 2024-05-01T10:00:00} or with a space instead of T)
	 * interpreted in {@code zone}.
	 * @throws DateTimeParseException when none of these
	 */
	static @Nullable Instant parseInstant(@Nullable String value, ZoneId zone) {
		String text = trimToNull(value);
		if (text == null) {
			return null;
		}
		if (text.length() > 10 && text.charAt(10) == ' ') {
			text = text.substring(0, 10) + 'T' + text.substring(11);
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
	}

	/**
	 * true/false, yes/no, 1/0, có/không (with or without diacritics).
	 * @throws IllegalArgumentException for anything else
	 */
	static @Nullable Boolean parseBoolean(@Nullable String value) {
		String text = trimToNull(value);
		if (text == null) {
			return null;
		}
		switch (AssetKind.fold(text).toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "co", "x":
				return Boolean.TRUE;
			case "false", "no", "n", "0", "khong":
				return Boolean.FALSE;
			default:
				throw new IllegalArgumentException("not a boolean");
		}
	}

}
