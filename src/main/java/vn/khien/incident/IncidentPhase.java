package vn.khien.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * The phases of a response (NIST SP 800-61): detection and analysis; containment,
 * eradication and recovery; post-incident activity. A task belongs to one of them.
 */
public enum IncidentPhase {

	DETECTION, CONTAINMENT, POST_INCIDENT;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<IncidentPhase> of(String code) {
		for (IncidentPhase p : values()) {
			if (p.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}

}
