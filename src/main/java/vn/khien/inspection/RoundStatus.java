package vn.khien.inspection;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Planned, in progress, completed: only forward, one step at a time. */
public enum RoundStatus {

	PLANNED, IN_PROGRESS, COMPLETED;

	public String code() {
		return Codes.code(this);
	}

	public Set<RoundStatus> next() {
		return switch (this) {
			case PLANNED -> EnumSet.of(IN_PROGRESS);
			case IN_PROGRESS -> EnumSet.of(COMPLETED);
			case COMPLETED -> EnumSet.noneOf(RoundStatus.class);
		};
	}

	public static RoundStatus of(@Nullable String word) {
		return of(word, "to");
	}

	/** The constant a word names; a 400 naming {@code field} otherwise. */
	public static RoundStatus of(@Nullable String word, String field) {
		return Codes.parse(RoundStatus.class, word, field, "inspection.roundStatus.unknown");
	}

}
