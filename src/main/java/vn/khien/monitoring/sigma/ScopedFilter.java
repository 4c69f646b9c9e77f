package vn.khien.monitoring.sigma;

import java.util.Set;

/**
 * A filter with the agencies whose events it may silence: an agency's own exceptions
 * never hide another agency's matches. An empty set means every agency (a province-wide
 * tuning).
 */
public record ScopedFilter(SigmaFilter filter, Set<Long> agencies) {

	public ScopedFilter {
		agencies = Set.copyOf(agencies);
	}

	public static ScopedFilter everywhere(SigmaFilter filter) {
		return new ScopedFilter(filter, Set.of());
	}

	public static ScopedFilter forAgencies(SigmaFilter filter, Set<Long> agencies) {
		if (agencies.isEmpty()) {
			throw new IllegalArgumentException("an agency filter needs at least one agency");
		}
		return new ScopedFilter(filter, agencies);
	}

	boolean appliesTo(long agencyId) {
		return agencies.isEmpty() || agencies.contains(agencyId);
	}

}
