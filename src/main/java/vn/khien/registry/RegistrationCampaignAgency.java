package vn.khien.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An agency's standing in a registration campaign. */
public record RegistrationCampaignAgency(long agencyId, String code, String name, AgencyKind kind,
		RegistrationCampaignState state, @Nullable LocalDate lastConfirmed) {
}
