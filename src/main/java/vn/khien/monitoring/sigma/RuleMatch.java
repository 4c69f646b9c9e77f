package vn.khien.monitoring.sigma;

import java.util.List;

/** A rule that fired on an event, with the search identifiers the event fits. */
public record RuleMatch(SigmaRule rule, List<String> selections) {

	public RuleMatch {
		selections = List.copyOf(selections);
	}

}
