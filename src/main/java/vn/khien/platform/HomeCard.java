package vn.khien.platform;

import java.util.List;

/**
 * A figure on the home page that waits for the user, linked to the list behind it.
 * Modules contribute them through {@link HomeCards}, so the platform shows them without
 * depending on them.
 */
public record HomeCard(int order, String titleKey, long value, String link, String noteKey, List<Object> noteArgs,
		Tone tone) {

	public enum Tone {

		GOOD, ATTENTION, URGENT

	}
}
