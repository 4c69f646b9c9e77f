package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/** Where a coordination request stands: asked, taken up by its recipient, done. */
public enum CoordinationRequestStatus {

	REQUESTED, ACKNOWLEDGED, COMPLETED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<CoordinationRequestStatus> of(String code) {
		return EnumCodes.of(CoordinationRequestStatus.class, code);
	}

	/** The one step that may follow this one; none after completion. */
	public Optional<CoordinationRequestStatus> next() {
		return switch (this) {
			case REQUESTED -> Optional.of(ACKNOWLEDGED);
			case ACKNOWLEDGED -> Optional.of(COMPLETED);
			case COMPLETED -> Optional.empty();
		};
	}

}
