package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * What an observable is.
 */
public enum ObservableKind {

	IP, DOMAIN, URL, FILE_HASH, EMAIL, PHONE;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<ObservableKind> of(String code) {
		return EnumCodes.of(ObservableKind.class, code);
	}

}
