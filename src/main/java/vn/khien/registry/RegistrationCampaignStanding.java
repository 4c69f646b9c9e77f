package vn.khien.registry;

/** Where one agency stands in one registration campaign. */
public record RegistrationCampaignStanding(RegistrationCampaign campaign, RegistrationCampaignState state) {
}
