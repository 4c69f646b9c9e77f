package vn.khien.compliance;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a dossier stands: drafted by the owner, submitted, taken up for appraisal by the
 * unit the pack names, appraised, approved with a decision, or returned with comments
 * (then drafted again).
 */
public enum DossierStatus {

	DRAFT, SUBMITTED, UNDER_APPRAISAL, APPRAISED, APPROVED, RETURNED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean open() {
		return this != APPROVED;
	}

	public static Optional<DossierStatus> of(String code) {
		for (DossierStatus s : values()) {
			if (s.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

}
