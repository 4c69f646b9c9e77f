package vn.khien.incident;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.khien.platform.EnumCodes;

/**
 * Where an incident stands: new in the queue; a case in one of the three phases of a
 * response; closed; rejected as no incident; merged into another case, whose status it
 * then follows.
 */
public enum IncidentStatus {

	NEW, DETECTION, CONTAINMENT, POST_INCIDENT, CLOSED, REJECTED, MERGED;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return EnumCodes.code(this);
	}

	/** The statuses a move may go to from this one (a merge is its own move). */
	public Set<IncidentStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(DETECTION, REJECTED);
			case DETECTION -> EnumSet.of(CONTAINMENT, POST_INCIDENT, REJECTED);
			case CONTAINMENT -> EnumSet.of(DETECTION, POST_INCIDENT);
			case POST_INCIDENT -> EnumSet.of(CONTAINMENT, CLOSED);
			case CLOSED -> EnumSet.of(DETECTION);
			case REJECTED -> EnumSet.of(NEW);
			case MERGED -> EnumSet.noneOf(IncidentStatus.class);
		};
	}

	/** A case being worked: in one of the three phases. */
	public boolean active() {
		return this == DETECTION || this == CONTAINMENT || this == POST_INCIDENT;
	}

	/**
	 * What the reporter of a public report is told: received, being handled, resolved, or
	 * closed without action; a merged report shows its case.
	 */
	public String publicStatus() {
		return switch (this) {
			case NEW -> "received";
			case DETECTION, CONTAINMENT, POST_INCIDENT -> "in_progress";
			case CLOSED -> "resolved";
			case REJECTED -> "closed";
			case MERGED -> "in_progress";
		};
	}

	public static Optional<IncidentStatus> of(String code) {
		return EnumCodes.of(IncidentStatus.class, code);
	}

}
