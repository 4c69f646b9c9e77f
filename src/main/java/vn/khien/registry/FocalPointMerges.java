package vn.khien.registry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Focal points and security staff follow their agency into the successor of a merger. */
@Component
class FocalPointMerges {

	private final FocalPoints focalPoints;

	private final SecurityStaffing staffing;

	FocalPointMerges(FocalPoints focalPoints, SecurityStaffing staffing) {
		this.focalPoints = focalPoints;
		this.staffing = staffing;
	}

	// NB: synchronous, in the merger's transaction, so a merger never leaves contacts
	// behind
	@EventListener
	void on(AgenciesMerged event) {
		focalPoints.moveMerged(event);
		staffing.moveMerged(event);
	}

}
