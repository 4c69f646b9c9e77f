package vn.khien.platform;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The words the API, the forms and the database use for an enum's constants: lower case,
 * {@code post_incident}; the constant a word names, whatever its case.
 */
public final class EnumCodes {

	private EnumCodes() {
	}

	public static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	public static <E extends Enum<E>> Optional<E> of(Class<E> type, @Nullable String word) {
		if (word == null) {
			return Optional.empty();
		}
		String wanted = word.strip().toLowerCase(Locale.ROOT);
		for (E value : type.getEnumConstants()) {
			if (code(value).equals(wanted)) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	/**
	 * The constant {@code word} names, or a 400 on {@code field} with {@code messageKey}
	 * (its argument the word) when it names none or is blank.
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String word, String field, String messageKey) {
		return of(type, word).orElseThrow(() -> new InvalidInputException(field, messageKey, String.valueOf(word)));
	}

}
