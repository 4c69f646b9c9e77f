package vn.khien.inspection;

import java.time.Instant;
import java.time.LocalDate;

import vn.khien.platform.InvalidInputException;

/**
 * A round (đợt kiểm tra) of a plan at one of its target agencies.
 *
 * @param inspectors who inspects: names or user names, as written
 */
public record InspectionRound(long id, long planId, long agencyId, int planYear, LocalDate startsOn, LocalDate endsOn,
		String inspectors, RoundStatus status, String createdBy, Instant createdAt, Instant statusAt, int version) {

	public void checkMove(RoundStatus to) {
		if (!status.next().contains(to)) {
			throw InvalidInputException.conflict("to", "inspection.round.transition", status.code(), to.code());
		}
	}

	/** Findings are written while the round is under way, not before nor after. */
	public void checkTakesFindings() {
		if (status != RoundStatus.IN_PROGRESS) {
			throw InvalidInputException.conflict(null, "inspection.round.noFindings", status.code());
		}
	}

}
