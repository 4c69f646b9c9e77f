package vn.khien.readiness;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What remedies one weakness of a drill, by whom (the owner agency and the person there)
 * and by when; its status carries who moved it last, when and why.
 */
public record DrillAction(long id, long weaknessId, long drillId, long agencyId, String ownerName, LocalDate dueOn,
		DrillActionStatus status, String statusBy, Instant statusAt, @Nullable String statusNote, int version,
		WeaknessCategory category, String severity, String description) {

	/** One move of the action. */
	public record Event(Instant at, String actor, DrillActionStatus from, DrillActionStatus to, @Nullable String note) {
	}

}
