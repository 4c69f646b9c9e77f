package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * How an incident was handled, as the periodic report counts it: in-house, with domestic
 * help, with foreign help, referred to the national coordinator.
 */
public enum Handling {

	IN_HOUSE, DOMESTIC_HELP, FOREIGN_HELP, REFERRED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<Handling> of(String code) {
		return EnumCodes.of(Handling.class, code);
	}

}
