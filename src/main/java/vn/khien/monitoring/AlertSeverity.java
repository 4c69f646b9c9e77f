package vn.khien.monitoring;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.EnumCodes;

/** An alert's severity: the Sigma level of the rule that raised it, least first. */
public enum AlertSeverity {

	INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<AlertSeverity> of(@Nullable String code) {
		return EnumCodes.of(AlertSeverity.class, code);
	}

	/**
	 * A rule's level as its author wrote it; a rule without one is medium, as Sigma's
	 * tools take it.
	 */
	public static AlertSeverity ofLevel(@Nullable String level) {
		return of(level).orElse(MEDIUM);
	}

}
