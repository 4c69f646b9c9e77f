package vn.khien.platform;

import java.text.CollationKey;
import java.text.Collator;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Search that ignores diacritics, since people often type "so y te" for "Sở Y tế". The
 * same folding is available in SQL through TRANSLATE, which H2 and PostgreSQL both have.
 */
public final class VietnameseText {

	private static final String ACCENTED = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

	private static final String PLAIN = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

	// NB: a collation key costs more than rendering the name it sorts; the names sorted
	// (agencies, systems) are
	// few and change rarely, so keys are kept, up to a bound, and read without a lock
	private static final Map<String, CollationKey> KEYS = new ConcurrentHashMap<>();

	private static final int KEYS_KEPT = 100_000;

	/** Vietnamese, the language of the documents Khiên issues. */
	public static final Locale LOCALE = Locale.forLanguageTag("vi");

	private static final ThreadLocal<Collator> COLLATOR = ThreadLocal
		.withInitial(() -> Collator.getInstance(Locale.forLanguageTag("vi")));

	private VietnameseText() {
	}

	private static CollationKey key(String text) {
		CollationKey key = KEYS.get(text);
		if (key == null) {
			if (KEYS.size() >= KEYS_KEPT) {
				KEYS.clear();
			}
			key = COLLATOR.get().getCollationKey(text);
			KEYS.put(text, key);
		}
		return key;
	}

	/** Lower case without diacritics. */
	public static String fold(String text) {
		String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		var sb = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			int at = ACCENTED.indexOf(c);
			sb.append(at >= 0 ? PLAIN.charAt(at) : c);
		}
		return sb.toString();
	}

	/** Vietnamese alphabetical order ("Đ" after "D", "Ư" after "U"). */
	public static Comparator<String> order() {
		Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		return collator::compare;
	}

	/**
	 * {@code items} in the Vietnamese order of {@code name}; each name's collation key is
	 * computed once, so that sorting hundreds of agencies compares keys, not strings.
	 */
	public static <T> List<T> sorted(Collection<T> items, Function<T, String> name) {
		record Keyed<T>(CollationKey key, T item) {
		}
		return items.stream()
			.map(item -> new Keyed<>(key(name.apply(item)), item))
			.sorted(Comparator.comparing(Keyed::key))
			.map(Keyed::item)
			.toList();
	}

	/**
	 * The bytes a database sorts by to keep Vietnamese order: H2 and PostgreSQL both
	 * compare binary columns byte by byte, and a collation key's bytes compare as the
	 * collator does. Stored beside a name ({@code name_key}), written wherever the name
	 * is; a change of collator means recomputing them (see ADR 0007).
	 */
	public static byte[] sortKey(String text) {
		return text == null ? null : COLLATOR.get().getCollationKey(text).toByteArray();
	}

	/** A SQL expression folding {@code column} the way {@link #fold(String)} does. */
	public static String foldSql(String column) {
		return "TRANSLATE(LOWER(" + column + "), '" + ACCENTED + "', '" + PLAIN + "')";
	}

	/**
	 * A LIKE pattern for a folded search term, with the LIKE wildcards in the term
	 * escaped.
	 */
	public static String containsPattern(String term) {
		return "%" + fold(term.trim()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
