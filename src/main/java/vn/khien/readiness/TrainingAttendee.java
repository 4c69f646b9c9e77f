package vn.khien.readiness;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One person's attendance of an event. {@code personKey} names the person across events
 * (their registered staff id, their email, else their name within their agency).
 */
public record TrainingAttendee(long id, long eventId, String eventTopic, TrainingKind eventKind, long agencyId,
		String personKey, String fullName, @Nullable String position, @Nullable String email, @Nullable Long staffId,
		LocalDate attendedOn, String source) {
}
