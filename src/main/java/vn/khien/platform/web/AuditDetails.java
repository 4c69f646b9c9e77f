package vn.khien.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's before and after states as a table people read. A change stores both
 * states as JSON objects: each field with its value before and after, changed fields
 * flagged. An event with one state (a creation, a deletion, a sign-in's detail) gives
 * each field's value. Anything else (a list, a text, no JSON at all) gives no table, and
 * the page shows the stored text as it is.
 */
record AuditDetails(Layout layout, List<Field> fields) {

	/** Long values are cut in the table; the stored JSON stays whole beside it. */
	static final int MAX_VALUE = 200;

	enum Layout {

		/** Both states: field, before, after. */
		CHANGES,

		/** Only the state before: field, value. */
		BEFORE,

		/** Only the state after: field, value. */
		AFTER,

		/** No table. */
		NONE

	}

	/** A field's values as shown, null when absent or JSON null. */
	record Field(String name, @Nullable String before, @Nullable String after, boolean changed) {
	}

	static AuditDetails of(JsonMapper json, @Nullable String before, @Nullable String after,
			Function<Boolean, String> yesNo) {
		JsonNode b = read(json, before);
		JsonNode a = read(json, after);
		if (isObject(b) && isObject(a)) {
			var names = new LinkedHashSet<String>(b.propertyNames());
			names.addAll(a.propertyNames());
			var fields = new ArrayList<Field>();
			for (String name : names) {
				JsonNode was = value(b.get(name));
				JsonNode is = value(a.get(name));
				fields.add(new Field(name, text(was, yesNo), text(is, yesNo), !Objects.equals(was, is)));
			}
			return new AuditDetails(Layout.CHANGES, fields);
		}
		if (isObject(b) && a == null) {
			return new AuditDetails(Layout.BEFORE, values(b, yesNo, true));
		}
		if (isObject(a) && b == null) {
			return new AuditDetails(Layout.AFTER, values(a, yesNo, false));
		}
		return new AuditDetails(Layout.NONE, List.of());
	}

	private static List<Field> values(JsonNode state, Function<Boolean, String> yesNo, boolean before) {
		var fields = new ArrayList<Field>();
		for (var property : state.properties()) {
			String value = text(property.getValue(), yesNo);
			fields.add(new Field(property.getKey(), before ? value : null, before ? null : value, false));
		}
		return fields;
	}

	/** Null for no state; a missing node when the stored text is not JSON. */
	private static @Nullable JsonNode read(JsonMapper json, @Nullable String state) {
		if (state == null) {
			return null;
		}
		try {
			return json.readTree(state);
		}
		catch (JacksonException ex) {
			return json.missingNode();
		}
	}

	private static boolean isObject(@Nullable JsonNode node) {
		return node != null && node.isObject();
	}

	/** Null for an absent field and for JSON null alike: both read as no value. */
	private static @Nullable JsonNode value(@Nullable JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() ? null : node;
	}

	private static @Nullable String text(@Nullable JsonNode node, Function<Boolean, String> yesNo) {
		if (value(node) == null) {
			return null;
		}
		String text = node.isBoolean() ? yesNo.apply(node.booleanValue())
				: node.isString() ? node.stringValue() : node.toString();
		return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
	}

}
