package vn.khien.inspection;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/** The words the API and the forms use for the module's enums: {@code in_progress}. */
final class Codes {

	private Codes() {
	}

	static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The constant a word names, or a 400 naming the field; {@code messageKey} says what
	 * was expected.
	 */
	static <E extends Enum<E>> E parse(Class<E> type, @Nullable String word, String field, String messageKey) {
		if (word == null || word.isBlank()) {
			throw new InvalidInputException(field, "inspection.field.required", field);
		}
		for (E value : type.getEnumConstants()) {
			if (code(value).equals(word.strip().toLowerCase(Locale.ROOT))) {
				return value;
			}
		}
		throw new InvalidInputException(field, messageKey, word);
	}

}
