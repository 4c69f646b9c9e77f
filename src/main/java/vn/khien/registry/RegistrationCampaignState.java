package vn.khien.registry;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/** Where an agency stands in a campaign. */
public enum RegistrationCampaignState {

	/** Both duties have an active focal point confirmed on or after the opening. */
	REGISTERED,
	/** Not yet registered, deadline not passed. */
	PENDING,
	/** Not registered and the deadline has passed. */
	OVERDUE;

	/** Reads {@code registered|pending|overdue} (any case); blank means no filter. */
	public static @Nullable RegistrationCampaignState parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("state", "campaign.state.unknown", text.trim());
		}
	}

}
