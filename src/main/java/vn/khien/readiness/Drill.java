package vn.khien.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A drill plan of an organising agency, with what it targets and who takes part.
 */
public record Drill(long id, long agencyId, DrillKind kind, String title, @Nullable String scenario,
		LocalDate scheduledOn, DrillStatus status, String createdBy, Instant createdAt, Instant statusAt, int version,
		List<Target> targets, List<Participant> participants) {

	/**
	 * A system attacked, or one of its databases; {@code agencyId} is the system's owner.
	 */
	public record Target(long systemId, @Nullable String databaseName, long agencyId) {
	}

	/** An agency taking part, and the person it sent when named. */
	public record Participant(long agencyId, @Nullable String personName, @Nullable String role) {
	}

	public int year() {
		return scheduledOn.getYear();
	}

}
