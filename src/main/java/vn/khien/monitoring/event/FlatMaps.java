package vn.khien.monitoring.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Helpers over the decoded JSON (nested maps of String, Long, Double, Boolean, List):
 * flattening to dotted names, nesting back, and typed reads that never throw.
 */
final class FlatMaps {

	private FlatMaps() {
	}

	/**
	 * Flattens {@code map} into {@code out} under dotted names; arrays of objects merge
	 * their fields into lists under one name ({@code dns.answers.rdata}), empty values
	 * and nulls are left out.
	 */
	static void flatten(String prefix, Map<String, Object> map, Map<String, Object> out) {
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
			flattenValue(key, entry.getValue(), out);
		}
	}

	@SuppressWarnings("unchecked")
	private static void flattenValue(String key, @Nullable Object value, Map<String, Object> out) {
		if (value == null) {
			return;
		}
		if (value instanceof Map<?, ?> nested) {
			flatten(key, (Map<String, Object>) nested, out);
		}
		else if (value instanceof List<?> list) {
			for (Object element : list) {
				if (element instanceof Map<?, ?> || element instanceof List<?>) {
					flattenValue(key, element, out);
				}
				else if (element != null) {
					addToList(out, key, element);
				}
			}
		}
		else {
			add(out, key, value);
		}
	}

	/** Appends to the list at {@code key}: a JSON array stays a list even of one. */
	@SuppressWarnings("unchecked")
	private static void addToList(Map<String, Object> out, String key, Object value) {
		Object previous = out.get(key);
		if (previous instanceof List<?>) {
			((List<Object>) previous).add(value);
			return;
		}
		List<Object> list = new ArrayList<>(4);
		if (previous != null) {
			list.add(previous);
		}
		list.add(value);
		out.put(key, list);
	}

	@SuppressWarnings("unchecked")
	static void add(Map<String, Object> out, String key, Object value) {
		Object previous = out.putIfAbsent(key, value);
		if (previous == null) {
			return;
		}
		List<Object> list;
		if (previous instanceof List<?>) {
			list = (List<Object>) previous;
		}
		else {
			list = new ArrayList<>(4);
			list.add(previous);
			out.put(key, list);
		}
		list.add(value);
	}

	/** Puts {@code value} at a dotted path, creating the maps on the way. */
	@SuppressWarnings("unchecked")
	static void putNested(Map<String, Object> root, String dotted, Object value) {
		Map<String, Object> map = root;
		int start = 0;
		int dot;
		while ((dot = dotted.indexOf('.', start)) > 0) {
			String part = dotted.substring(start, dot);
			Object child = map.get(part);
			if (!(child instanceof Map<?, ?>)) {
				Map<String, Object> created = new LinkedHashMap<>();
				if (child != null) {
					// a scalar where an object goes (both a.b and a.b.c): keep it beside
					created.put("value", child);
				}
				map.put(part, created);
				child = created;
			}
			else if (!(child instanceof LinkedHashMap<?, ?>)) {
				// copy maps shared with the decoded document before writing into them
				child = new LinkedHashMap<>((Map<String, Object>) child);
				map.put(part, child);
			}
			map = (Map<String, Object>) child;
			start = dot + 1;
		}
		map.putIfAbsent(dotted.substring(start), value);
	}

	@SuppressWarnings("unchecked")
	static @Nullable Map<String, Object> map(@Nullable Map<String, Object> map, String key) {
		if (map == null) {
			return null;
		}
		Object value = map.get(key);
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : null;
	}

	/** Value at a dotted path of nested maps. */
	static @Nullable Object path(Map<String, Object> map, String... keys) {
		Map<String, Object> current = map;
		for (int i = 0; i < keys.length - 1; i++) {
			current = map(current, keys[i]);
			if (current == null) {
				return null;
			}
		}
		return current.get(keys[keys.length - 1]);
	}

	/** A scalar as text (numbers and booleans too); null for containers and absence. */
	static @Nullable String text(@Nullable Object value) {
		if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
			return null;
		}
		return (value instanceof String s) ? s : value.toString();
	}

	static @Nullable Long toLong(@Nullable Object value) {
		if (value instanceof Long number) {
			return number;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text) {
			return parseLong(text, 0, text.length());
		}
		return null;
	}

	/** A decimal integer (optional sign) from a range of text, or null. */
	static @Nullable Long parseLong(String text, int from, int to) {
		int i = from;
		boolean negative = false;
		if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
			negative = text.charAt(i) == '-';
			i++;
		}
		if (i >= to || to - i > 18) {
			return null;
		}
		long value = 0;
		for (; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			value = value * 10 + (c - '0');
		}
		return negative ? -value : value;
	}

	/** Cheap syntactic test for an IPv4 or IPv6 literal (no lookup, no regex). */
	static boolean isIp(String text) {
		int length = text.length();
		if (length < 2 || length > 45) {
			return false;
		}
		boolean colon = false;
		int dots = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == ':') {
				colon = true;
			}
			else if (c == '.') {
				dots++;
			}
			else if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
				return false;
			}
		}
		if (colon) {
			return true;
		}
		if (dots != 3) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c != '.' && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

}
