package vn.khien.registry;

/** A member's place in the cybersecurity subcommittee, in the order they are listed. */
public enum SubcommitteeRole {

	CHAIR, VICE_CHAIR, STANDING_MEMBER, MEMBER, SECRETARY

}
