package vn.khien.platform;

/**
 * One choice of an entity picker ({@code fragments/picker.html}): the value the form
 * submits and the label the user reads.
 */
public record PickerOption(String value, String label) {

	/** How many options a picker shows at once; more means the user types more. */
	public static final int SHOWN = 20;

}
