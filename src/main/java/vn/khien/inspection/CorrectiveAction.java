package vn.khien.inspection;

import java.time.Instant;
import java.time.LocalDate;

import vn.khien.platform.InvalidInputException;

/**
 * What the agency must do about a finding, by when, and where that stands.
 *
 * @param owner who at the agency answers for it, as written
 */
public record CorrectiveAction(long id, long findingId, long roundId, long agencyId, String title, String owner,
		LocalDate dueOn, ActionStatus status, String createdBy, Instant createdAt, Instant statusAt, int version) {

	/** Past its deadline and not verified: reported done does not stop the clock. */
	public boolean overdue(LocalDate today) {
		return status != ActionStatus.VERIFIED && dueOn.isBefore(today);
	}

	/**
	 * Refuses a move its status does not allow; a verification of what was not reported
	 * done says so.
	 */
	public void checkMove(ActionStatus to) {
		if (status.next().contains(to)) {
			return;
		}
		if (to == ActionStatus.VERIFIED) {
			throw InvalidInputException.conflict("to", "inspection.action.verifyNotDone", status.code());
		}
		throw InvalidInputException.conflict("to", "inspection.action.transition", status.code(), to.code());
	}

	/** One change of its status, with the report or the verifier’s note. */
	public record Event(long id, Instant at, String actor, ActionStatus from, ActionStatus to,
			@org.jspecify.annotations.Nullable String note, @org.jspecify.annotations.Nullable Long fileId,
			@org.jspecify.annotations.Nullable String filename) {
	}

}
