package vn.khien.inspection;

import org.jspecify.annotations.Nullable;

/** A plan of the year's periodic inspections, or one made for an occasion (ad hoc). */
public enum PlanKind {

	PERIODIC, AD_HOC;

	public String code() {
		return Codes.code(this);
	}

	public static PlanKind of(@Nullable String word) {
		return of(word, "kind");
	}

	/** The constant a word names; a 400 naming {@code field} otherwise. */
	public static PlanKind of(@Nullable String word, String field) {
		return Codes.parse(PlanKind.class, word, field, "inspection.kind.unknown");
	}

}
