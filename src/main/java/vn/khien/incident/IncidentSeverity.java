package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * How bad an incident is, as the response team judges it.
 */
public enum IncidentSeverity {

	CRITICAL, HIGH, MEDIUM, LOW;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<IncidentSeverity> of(String code) {
		return EnumCodes.of(IncidentSeverity.class, code);
	}

}
