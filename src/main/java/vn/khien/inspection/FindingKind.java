package vn.khien.inspection;

import org.jspecify.annotations.Nullable;

/** What an inspection found: a breach of a rule, a shortcoming, a vulnerability. */
public enum FindingKind {

	VIOLATION, SHORTCOMING, VULNERABILITY;

	public String code() {
		return Codes.code(this);
	}

	public static FindingKind of(@Nullable String word) {
		return of(word, "kind");
	}

	/** The constant a word names; a 400 naming {@code field} otherwise. */
	public static FindingKind of(@Nullable String word, String field) {
		return Codes.parse(FindingKind.class, word, field, "inspection.findingKind.unknown");
	}

}
