package vn.khien.inspection;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Drafted, approved, under way (a round started), closed (every round completed). */
public enum PlanStatus {

	DRAFT, APPROVED, IN_PROGRESS, CLOSED;

	public String code() {
		return Codes.code(this);
	}

	/** The statuses a person may move a plan to from this one. */
	public Set<PlanStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(APPROVED);
			case APPROVED -> EnumSet.of(IN_PROGRESS);
			case IN_PROGRESS -> EnumSet.of(CLOSED);
			case CLOSED -> EnumSet.noneOf(PlanStatus.class);
		};
	}

	/** Whether rounds may be planned under it. */
	public boolean takesRounds() {
		return this == APPROVED || this == IN_PROGRESS;
	}

	public static PlanStatus of(@Nullable String word) {
		return of(word, "to");
	}

	/** The constant a word names; a 400 naming {@code field} otherwise. */
	public static PlanStatus of(@Nullable String word, String field) {
		return Codes.parse(PlanStatus.class, word, field, "inspection.planStatus.unknown");
	}

}
