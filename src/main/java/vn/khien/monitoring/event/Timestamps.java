package vn.khien.monitoring.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Reads event times without regular expressions or formatters: ISO 8601 / RFC 3339 with
 * {@code T} or a space, 0 to 9 (or more, cut) fraction digits, {@code Z}, {@code +07:00},
 * {@code +0700}, {@code +07} or no zone; and epoch numbers (seconds, or milliseconds from
 * 10^11 on). Anything else gives null.
 */
final class Timestamps {

	private Timestamps() {
	}

	static @Nullable Instant parse(@Nullable Object value, ZoneId noZone) {
		if (value instanceof String text) {
			return parse(text, noZone);
		}
		if (value instanceof Long number) {
			return epoch(number, 0);
		}
		if (value instanceof Double number && Double.isFinite(number)) {
			double seconds = (Math.abs(number) >= 1e11) ? number / 1000 : number;
			long whole = (long) Math.floor(seconds);
			return epoch(whole, (long) ((seconds - whole) * 1_000_000_000L));
		}
		return null;
	}

	static @Nullable Instant parse(String text, ZoneId noZone) {
		return parse(text, 0, text.length(), noZone);
	}

	static @Nullable Instant parse(String s, int from, int to, ZoneId noZone) {
		while (from < to && s.charAt(from) == ' ') {
			from++;
		}
		while (to > from && s.charAt(to - 1) == ' ') {
			to--;
		}
		if (to - from < 10) {
			return epochText(s, from, to);
		}
		if (s.charAt(from + 4) != '-') {
			return epochText(s, from, to);
		}
		int year = digits(s, from, 4);
		int month = digits(s, from + 5, 2);
		int day = digits(s, from + 8, 2);
		if (year < 0 || month < 0 || day < 0 || s.charAt(from + 7) != '-') {
			return null;
		}
		int i = from + 10;
		if (i + 6 > to || (s.charAt(i) != 'T' && s.charAt(i) != ' ' && s.charAt(i) != 't')) {
			return null;
		}
		int hour = digits(s, i + 1, 2);
		int minute = digits(s, i + 4, 2);
		if (hour < 0 || minute < 0 || s.charAt(i + 3) != ':') {
			return null;
		}
		i += 6;
		int second = 0;
		int nanos = 0;
		if (i < to && s.charAt(i) == ':') {
			second = digits(s, i + 1, 2);
			if (second < 0) {
				return null;
			}
			i += 3;
			if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
				i++;
				int start = i;
				int scale = 100_000_000;
				while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
					nanos += (s.charAt(i) - '0') * scale;
					scale /= 10;
					i++;
				}
				if (i == start) {
					return null;
				}
			}
		}
		ZoneOffset offset = null;
		boolean zoned = false;
		if (i < to) {
			char c = s.charAt(i);
			if (c == ' ' && i + 1 < to) {
				i++;
				c = s.charAt(i);
			}
			if ((c == 'Z' || c == 'z') && i + 1 == to) {
				offset = ZoneOffset.UTC;
			}
			else if (to - i == 3 && s.regionMatches(true, i, "UTC", 0, 3)) {
				offset = ZoneOffset.UTC;
			}
			else if (c == '+' || c == '-') {
				offset = offset(s, i, to);
				if (offset == null) {
					return null;
				}
			}
			else {
				return null;
			}
			zoned = true;
		}
		try {
			LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
			if (zoned) {
				return local.toInstant(offset);
			}
			return (noZone == ZoneOffset.UTC) ? local.toInstant(ZoneOffset.UTC) : local.atZone(noZone).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** {@code +HH}, {@code +HHMM} or {@code +HH:MM} exactly filling the range. */
	private static @Nullable ZoneOffset offset(String s, int i, int to) {
		int sign = (s.charAt(i) == '-') ? -1 : 1;
		int length = to - i;
		int hours = digits(s, i + 1, 2);
		int minutes;
		if (length == 3) {
			minutes = 0;
		}
		else if (length == 5) {
			minutes = digits(s, i + 3, 2);
		}
		else if (length == 6 && s.charAt(i + 3) == ':') {
			minutes = digits(s, i + 4, 2);
		}
		else {
			return null;
		}
		if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
			return null;
		}
		try {
			return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** Epoch seconds or milliseconds written as digits, with an optional fraction. */
	static @Nullable Instant epochText(String s, int from, int to) {
		int dot = -1;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c == '.' && dot < 0) {
				dot = i;
			}
			else if (c < '0' || c > '9') {
				return null;
			}
		}
		int end = (dot < 0) ? to : dot;
		Long whole = FlatMaps.parseLong(s, from, end);
		if (whole == null) {
			return null;
		}
		long nanos = 0;
		if (dot >= 0) {
			long scale = 100_000_000;
			for (int i = dot + 1; i < to && scale > 0; i++) {
				nanos += (s.charAt(i) - '0') * scale;
				scale /= 10;
			}
		}
		return epoch(whole, nanos);
	}

	private static @Nullable Instant epoch(long value, long nanos) {
		if (value < 0) {
			return null;
		}
		if (value >= 100_000_000_000L) {
			// milliseconds (10^11 s would be the year 5138)
			return Instant.ofEpochMilli(value).plusNanos(nanos / 1000);
		}
		return Instant.ofEpochSecond(value, nanos);
	}

	/** {@code count} decimal digits at {@code at}, or -1. */
	static int digits(String s, int at, int count) {
		if (at + count > s.length()) {
			return -1;
		}
		int value = 0;
		for (int i = at; i < at + count; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
