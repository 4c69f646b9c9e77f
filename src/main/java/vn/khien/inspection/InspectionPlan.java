package vn.khien.inspection;

import java.time.Instant;

import vn.khien.platform.InvalidInputException;

/**
 * An inspection plan of one year, by one inspecting body (an agency).
 *
 * @param year the year it covers; its targets' dates and its rounds lie in it
 */
public record InspectionPlan(long id, int year, PlanKind kind, String title, long inspectingAgencyId, PlanStatus status,
		String createdBy, Instant createdAt, Instant statusAt, int version) {

	/** Refuses a move its status does not allow, naming both; nothing is changed. */
	public void checkMove(PlanStatus to) {
		if (!status.next().contains(to)) {
			throw InvalidInputException.conflict("to", "inspection.plan.transition", status.code(), to.code());
		}
	}

	/** Refuses new targets once the plan is approved: an approved plan is a decision. */
	public void checkTargetsOpen() {
		if (status != PlanStatus.DRAFT) {
			throw InvalidInputException.conflict("agencyId", "inspection.plan.targetsClosed", status.code());
		}
	}

	/** Refuses rounds before approval and after closing. */
	public void checkTakesRounds() {
		if (!status.takesRounds()) {
			throw InvalidInputException.conflict(null, "inspection.plan.noRounds", status.code());
		}
	}

}
