package vn.khien.platform;

import java.util.function.Function;

import org.springframework.ui.Model;

/**
 * One choice of an entity picker ({@code fragments/picker.html}): the value the form
 * submits and the label the user reads.
 */
public record PickerOption(String value, String label) {

	/** How many options a picker shows at once; more means the user types more. */
	public static final int SHOWN = 20;

	/**
	 * The picker's answer for a page of {@code found} records: their options, whether
	 * there are more, and the fragment that renders them.
	 */
	public static <T> String options(PageResult<T> found, Function<T, PickerOption> option, Model model) {
		model.addAttribute("options", found.items().stream().map(option).toList());
		model.addAttribute("more", found.total() > found.items().size());
		return "fragments/picker :: options";
	}

}
