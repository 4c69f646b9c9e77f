package vn.khien.monitoring;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.EnumCodes;

/** Where an alert stands in the analysts' queue. */
public enum AlertStatus {

	NEW, ACKNOWLEDGED, FALSE_POSITIVE, ESCALATED;

	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<AlertStatus> of(@Nullable String code) {
		return EnumCodes.of(AlertStatus.class, code);
	}

}
