package vn.khien.readiness;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A person reached by training in a period: how many events, the latest one's date. */
public record TrainingPerson(String personKey, String fullName, long agencyId, @Nullable Long staffId, long events,
		LocalDate lastAttendedOn) {
}
