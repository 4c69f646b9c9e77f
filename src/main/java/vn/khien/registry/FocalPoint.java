package vn.khien.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A person an agency names as its contact for monitoring or incident response. */
public record FocalPoint(long id, long agencyId, String agencyCode, String agencyName, FocalPointDuty duty, String name,
		@Nullable String title, @Nullable String phone, @Nullable String email, @Nullable String outOfHours,
		boolean primary, boolean active, LocalDate confirmedOn) {

	/** What a user may set on a focal point. */
	public record Details(long agencyId, FocalPointDuty duty, String name, @Nullable String title,
			@Nullable String phone, @Nullable String email, @Nullable String outOfHours, boolean primary) {
	}

	/** The part of a focal point kept in its history and the audit trail. */
	public record Snapshot(long agencyId, String duty, String name, @Nullable String title, @Nullable String phone,
			@Nullable String email, @Nullable String outOfHours, boolean primary, boolean active,
			LocalDate confirmedOn) {
	}

	public Snapshot snapshot() {
		return new Snapshot(agencyId, duty.name(), name, title, phone, email, outOfHours, primary, active, confirmedOn);
	}
}
