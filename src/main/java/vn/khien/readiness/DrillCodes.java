package vn.khien.readiness;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/** The words the API and the forms use for the drills' enums: {@code live_fire}. */
final class DrillCodes {

	private DrillCodes() {
	}

	static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** The constant a word names, or a 400 naming the field. */
	static <E extends Enum<E>> E parse(Class<E> type, @Nullable String word, String field, String messageKey) {
		if (word == null || word.isBlank()) {
			throw new InvalidInputException(field, "drill.field.required", field);
		}
		String w = word.strip().toLowerCase(Locale.ROOT).replace('-', '_');
		for (E value : type.getEnumConstants()) {
			if (code(value).equals(w)) {
				return value;
			}
		}
		throw new InvalidInputException(field, messageKey, word);
	}

}
