package vn.khien.monitoring.sigma;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A correlation that fired: the group (agency and group-by values), the window's first
 * and last event, the count the condition held for, and the ids of the rules that took
 * part (whose authors an alert must name).
 */
public record CorrelationMatch(SigmaCorrelation correlation, long agencyId, Map<String, String> group, Instant first,
		Instant last, long count, List<String> rules) {

	public CorrelationMatch {
		group = Map.copyOf(group);
		rules = List.copyOf(rules);
	}

}
