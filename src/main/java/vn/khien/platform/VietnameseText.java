package vn.khien.platform;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Search that ignores diacritics, since people often type "so y te" for "Sở Y tế". The
 * same folding is available in SQL through TRANSLATE, which H2 and PostgreSQL both have.
 */
public final class VietnameseText {

	private static final String ACCENTED = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

	private static final String PLAIN = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

	private VietnameseText() {
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
