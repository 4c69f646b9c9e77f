package vn.khien.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** How one run of a drill went, and the weaknesses it exposed. */
public record DrillRun(long id, long drillId, LocalDate heldOn, @Nullable String timeline, boolean prevented,
		@Nullable Integer minutesToDetect, @Nullable Integer minutesToRespond, String createdBy, Instant createdAt,
		List<Weakness> weaknesses) {

	public record Weakness(long id, WeaknessCategory category, String severity, String description) {
	}

}
