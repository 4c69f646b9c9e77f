package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.SigmaView;

/**
 * A rule's or filter's detection, compiled: its search identifiers and its condition (the
 * conditions of a list linked by OR).
 */
public final class Detection {

	private final Selection[] selections;

	private final Cond condition;

	private final List<String> conditions;

	Detection(Selection[] selections, Cond condition, List<String> conditions) {
		this.selections = selections;
		this.condition = condition;
		this.conditions = List.copyOf(conditions);
	}

	public List<String> conditions() {
		return conditions;
	}

	public List<String> selectionNames() {
		List<String> names = new ArrayList<>();
		for (Selection selection : selections) {
			names.add(selection.name);
		}
		return names;
	}

	/** Whether the event fits the condition (log source not considered). */
	public boolean matches(SigmaView event) {
		return condition.test(event);
	}

	/** What an event must hold to fit (log source aside); null if nothing known. */
	@Nullable Need need() {
		return condition.need();
	}

	/**
	 * The search identifiers the event fits, for the analyst (evaluated again, on a match
	 * only).
	 */
	List<String> matchedSelections(SigmaView event) {
		List<String> names = new ArrayList<>(2);
		for (Selection selection : selections) {
			if (selection.test(event)) {
				names.add(selection.name);
			}
		}
		return names;
	}

}
