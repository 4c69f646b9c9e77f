package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * What one file (or archive) held: the documents that loaded and the refusals of the
 * rest.
 */
public record ParseResult(List<SigmaRule> rules, List<SigmaCorrelation> correlations, List<SigmaFilter> filters,
		List<RuleError> errors) {

	public ParseResult {
		rules = List.copyOf(rules);
		correlations = List.copyOf(correlations);
		filters = List.copyOf(filters);
		errors = List.copyOf(errors);
	}

	static ParseResult merge(List<ParseResult> parts, List<RuleError> more) {
		List<SigmaRule> rules = new ArrayList<>();
		List<SigmaCorrelation> correlations = new ArrayList<>();
		List<SigmaFilter> filters = new ArrayList<>();
		List<RuleError> errors = new ArrayList<>();
		for (ParseResult part : parts) {
			rules.addAll(part.rules);
			correlations.addAll(part.correlations);
			filters.addAll(part.filters);
			errors.addAll(part.errors);
		}
		errors.addAll(more);
		return new ParseResult(rules, correlations, filters, errors);
	}

}
