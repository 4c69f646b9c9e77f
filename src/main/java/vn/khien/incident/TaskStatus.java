package vn.khien.incident;

import java.util.Optional;

import vn.khien.platform.EnumCodes;

/**
 * Where a task of a case stands.
 */
public enum TaskStatus {

	OPEN, IN_PROGRESS, DONE, CANCELLED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	public static Optional<TaskStatus> of(String code) {
		return EnumCodes.of(TaskStatus.class, code);
	}

}
