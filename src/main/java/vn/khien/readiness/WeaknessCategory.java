package vn.khien.readiness;

import org.jspecify.annotations.Nullable;

/** What a drill's weakness lies in. */
public enum WeaknessCategory {

	PROCESS, TECHNOLOGY, PEOPLE;

	public String code() {
		return DrillCodes.code(this);
	}

	public static WeaknessCategory of(@Nullable String word, String field) {
		return DrillCodes.parse(WeaknessCategory.class, word, field, "drill.category.unknown");
	}

}
