package vn.khien.readiness;

import org.jspecify.annotations.Nullable;

/** Open, done (reported by its owner agency), verified (by the province's roles). */
public enum DrillActionStatus {

	OPEN, DONE, VERIFIED;

	public String code() {
		return DrillCodes.code(this);
	}

	/** Whether this status moves on to {@code to}: only one step forward. */
	public boolean movesTo(DrillActionStatus to) {
		return (this == OPEN && to == DONE) || (this == DONE && to == VERIFIED);
	}

	public static DrillActionStatus of(@Nullable String word, String field) {
		return DrillCodes.parse(DrillActionStatus.class, word, field, "drill.actionStatus.unknown");
	}

}
