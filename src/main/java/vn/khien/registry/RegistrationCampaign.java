package vn.khien.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * A call on agencies to register or confirm their focal points between {@code openedOn}
 * and {@code deadline}; {@code agencyKinds} empty means every kind of agency.
 */
public record RegistrationCampaign(long id, String name, LocalDate openedOn, LocalDate deadline,
		Set<AgencyKind> agencyKinds, String createdBy) {

	public record Details(String name, LocalDate openedOn, LocalDate deadline, Set<AgencyKind> agencyKinds) {
	}

	public boolean deadlinePassed(LocalDate today) {
		return today.isAfter(deadline);
	}
}
