package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * The phases of a response (NIST SP 800-61): detection and analysis; containment,
 * eradication and recovery; post-incident activity. A task belongs to one of them.
 */
public enum IncidentPhase {

	DETECTION, CONTAINMENT, POST_INCIDENT;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<IncidentPhase> of(String code) {
		return EnumCodes.of(IncidentPhase.class, code);
	}

}
