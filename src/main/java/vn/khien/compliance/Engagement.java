package vn.khien.compliance;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An organisation engaged to assess a system independently from {@code startsOn} to
 * {@code endsOn} inclusive (R3.4); its users with the assessor role see and assess that
 * system in that period.
 */
public record Engagement(long id, long agencyId, long systemId, String systemCode, String systemName,
		long organisationId, LocalDate startsOn, LocalDate endsOn, @Nullable String note, String createdBy,
		Instant createdAt) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(startsOn) && !date.isAfter(endsOn);
	}

}
