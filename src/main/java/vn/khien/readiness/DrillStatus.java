package vn.khien.readiness;

import org.jspecify.annotations.Nullable;

/** Planned until a run is recorded (done) or it is called off (cancelled). */
public enum DrillStatus {

	PLANNED, DONE, CANCELLED;

	public String code() {
		return DrillCodes.code(this);
	}

	public static DrillStatus of(@Nullable String word, String field) {
		return DrillCodes.parse(DrillStatus.class, word, field, "drill.status.unknown");
	}

}
