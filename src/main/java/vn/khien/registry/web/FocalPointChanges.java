package vn.khien.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.registry.FocalPointHistoryEntry;

/**
 * Turns a history entry's before/after snapshots into the fields that changed, for people
 * to read.
 */
@Component
class FocalPointChanges {

	/** Fields shown, in this order; the rest of a snapshot is bookkeeping. */
	private static final List<String> FIELDS = List.of("duty", "name", "title", "phone", "email", "outOfHours",
			"primary", "confirmedOn");

	record Change(String field, @Nullable Object before, @Nullable Object after) {
	}

	record Row(FocalPointHistoryEntry entry, @Nullable String person, List<Change> changes) {
	}

	private final JsonMapper json;

	private final MessageSource messages;

	FocalPointChanges(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	List<Row> rows(List<FocalPointHistoryEntry> entries) {
		return entries.stream().map(this::row).toList();
	}

	Row row(FocalPointHistoryEntry e) {
		Map<String, Object> before = single(e.before());
		Map<String, Object> after = single(e.after());
		Map<String, Object> current = after.isEmpty() ? before : after;
		String person = current.get("name") instanceof String s ? s : null;
		List<Change> changes = new ArrayList<>();
		Set<String> fields = new LinkedHashSet<>(FIELDS);
		for (String field : fields) {
			Object b = before.get(field);
			Object a = after.get(field);
			if (!Objects.equals(a, b) && (a != null || b != null)) {
				changes.add(new Change(field, display(field, b), display(field, a)));
			}
		}
		return new Row(e, person, changes);
	}

	private @Nullable String display(String field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		return switch (field) {
			case "duty" -> messages.getMessage("duty." + value, null, value.toString(), locale);
			case "primary" ->
				messages.getMessage(Boolean.TRUE.equals(value) ? "contacts.yes" : "contacts.no", null, locale);
			case "confirmedOn" -> LocalDate.parse(value.toString()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
			default -> value.toString();
		};
	}

	/**
	 * A snapshot of one focal point; a confirmation lists several and shows no field
	 * changes.
	 */
	private Map<String, Object> single(@Nullable String text) {
		if (text == null || !text.startsWith("{")) {
			return Map.of();
		}
		return json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}

}
