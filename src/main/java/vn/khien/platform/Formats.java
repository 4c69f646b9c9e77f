package vn.khien.platform;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one way numbers and dates are written for people, by their language: pages (the fmt
 * bean), exports, and the same rules in khien.js for what JavaScript writes. Counts are
 * grouped by thousands (a dot in Vietnamese, a comma in English), ratios are percentages
 * with at most one decimal, dates are dd/MM/yyyy and times are on the province's clock.
 */
public final class Formats {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	private Formats() {
	}

	/** A count, grouped by thousands in the language's way; empty for none. */
	public static String number(@Nullable Number value, Locale locale) {
		if (value == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	/** A ratio (0.875) as a percentage (87,5% in Vietnamese); empty for none. */
	public static String percent(@Nullable Number ratio, Locale locale) {
		if (ratio == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(1);
		return format.format(ratio);
	}

	/** A day: a date, or the day of an instant or a local date-time. */
	public static String date(@Nullable TemporalAccessor value) {
		return value == null ? "" : DATE.format(value);
	}

	/** A moment to the minute, on the province's clock. */
	public static String dateTime(@Nullable TemporalAccessor value) {
		if (value == null) {
			return "";
		}
		if (value instanceof LocalDate day) {
			return DATE.format(day);
		}
		return DATE_TIME.format(value instanceof LocalDateTime local ? local : Instant.from(value));
	}

}
