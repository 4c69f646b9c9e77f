package vn.khien.inspection;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Open, done (reported by the agency, pending verification), verified (by the inspecting
 * body), reopened (the verifier found it wanting, or withdrew a verification).
 */
public enum ActionStatus {

	OPEN, DONE, VERIFIED, REOPENED;

	public String code() {
		return Codes.code(this);
	}

	public Set<ActionStatus> next() {
		return switch (this) {
			case OPEN, REOPENED -> EnumSet.of(DONE);
			case DONE -> EnumSet.of(VERIFIED, REOPENED);
			case VERIFIED -> EnumSet.of(REOPENED);
		};
	}

	/** A move only the inspecting body makes. */
	public boolean verifiers() {
		return this == VERIFIED || this == REOPENED;
	}

	public static ActionStatus of(@Nullable String word) {
		return of(word, "to");
	}

	/** The constant a word names; a 400 naming {@code field} otherwise. */
	public static ActionStatus of(@Nullable String word, String field) {
		return Codes.parse(ActionStatus.class, word, field, "inspection.actionStatus.unknown");
	}

}
