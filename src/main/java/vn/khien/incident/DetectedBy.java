package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * How an incident was detected, as Circular 20/2017’s initial report asks: by an
 * intrusion detection system, in logs, notified by someone, otherwise.
 */
public enum DetectedBy {

	IDS, LOGS, NOTIFIED, OTHER;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<DetectedBy> of(String code) {
		return EnumCodes.of(DetectedBy.class, code);
	}

}
