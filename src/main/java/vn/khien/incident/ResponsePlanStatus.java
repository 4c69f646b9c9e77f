package vn.khien.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a version of a response plan stands: a draft being written, or approved and from
 * then on read-only.
 */
public enum ResponsePlanStatus {

	DRAFT, APPROVED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ResponsePlanStatus> of(String code) {
		for (ResponsePlanStatus s : values()) {
			if (s.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

}
