package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * Whether a member of the response team can be called on now.
 */
public enum Availability {

	AVAILABLE, BUSY, UNAVAILABLE;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<Availability> of(String code) {
		return EnumCodes.of(Availability.class, code);
	}

}
