package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * What an incident did to its system, in the words of the serious-incident criteria of
 * the pack.
 */
public enum Impact {

	DISRUPTION, SECRET_LEAK, INTEGRITY_LOSS, LOSS_OF_CONTROL, CHAIN_IMPACT, LIMITED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<Impact> of(String code) {
		return EnumCodes.of(Impact.class, code);
	}

}
