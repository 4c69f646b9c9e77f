package vn.khien.readiness;

import org.jspecify.annotations.Nullable;

/** A live-fire drill attacks real systems; a tabletop drill talks a scenario through. */
public enum DrillKind {

	LIVE_FIRE, TABLETOP;

	public String code() {
		return DrillCodes.code(this);
	}

	public static DrillKind of(@Nullable String word, String field) {
		return DrillCodes.parse(DrillKind.class, word, field, "drill.kind.unknown");
	}

}
