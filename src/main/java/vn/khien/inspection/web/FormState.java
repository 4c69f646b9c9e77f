package vn.khien.inspection.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/**
 * A refused form of a page, carried over the redirect: which form, the field at fault,
 * the message, and what was typed, so the page shows the message next to the field and
 * keeps the values.
 */
record FormState(String form, @Nullable String field, String message,
		HashMap<String, String> values) implements Serializable {

	static final FormState NONE = new FormState("", null, "", new HashMap<>());

	static FormState of(String form, InvalidInputException ex, String message, Map<String, String> typed) {
		return new FormState(form, ex.field(), message, new HashMap<>(typed));
	}

	/** What was typed into the field, when this form was the one refused. */
	public String value(String formName, String name) {
		return form.equals(formName) ? values.getOrDefault(name, "") : "";
	}

	public boolean invalid(String formName, String name) {
		return form.equals(formName) && name.equals(field);
	}

	/** A refusal of the form that no field of it shows. */
	public boolean global(String formName, String... fields) {
		if (!form.equals(formName)) {
			return false;
		}
		for (String f : fields) {
			if (f.equals(field)) {
				return false;
			}
		}
		return true;
	}

	static @Nullable Long id(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "inspection.id.invalid", value);
		}
	}

	static @Nullable Integer number(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "inspection.number.invalid", value);
		}
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "inspection.date.invalid", value);
		}
	}

}
