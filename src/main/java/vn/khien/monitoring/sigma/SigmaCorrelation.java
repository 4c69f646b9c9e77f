package vn.khien.monitoring.sigma;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Sigma correlation rule (spec 2): the rules it counts or orders (by id or name), the
 * fields it groups by, its time span and its count condition.
 */
public record SigmaCorrelation(String fileName, int line, @Nullable String id, @Nullable String name, String title,
		@Nullable String status, @Nullable String level, @Nullable String author, @Nullable String description,
		List<String> references, List<String> tags, Type type, List<String> rules, List<String> groupBy,
		Duration timespan, Threshold condition, @Nullable String field, boolean generate,
		Map<String, Map<String, String>> aliases) {

	public SigmaCorrelation {
		references = List.copyOf(references);
		tags = List.copyOf(tags);
		rules = List.copyOf(rules);
		groupBy = List.copyOf(groupBy);
		aliases = Map.copyOf(aliases);
	}

	public enum Type {

		EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED

	}

	/**
	 * The count condition: bounds that may be absent (null), each inclusive or not, and a
	 * count to differ from ({@code neq}).
	 */
	public record Threshold(@Nullable Long gt, @Nullable Long gte, @Nullable Long lt, @Nullable Long lte,
			@Nullable Long eq, @Nullable Long neq) {

		public boolean test(long count) {
			return (gt == null || count > gt) && (gte == null || count >= gte) && (lt == null || count < lt)
					&& (lte == null || count <= lte) && (eq == null || count == eq) && (neq == null || count != neq);
		}

		/**
		 * The largest count the condition needs to be held (beyond it the state is not
		 * needed).
		 */
		long reach() {
			long reach = 1;
			if (gt != null) {
				reach = Math.max(reach, gt + 1);
			}
			if (gte != null) {
				reach = Math.max(reach, gte);
			}
			if (eq != null) {
				reach = Math.max(reach, eq);
			}
			if (lt != null) {
				reach = Math.max(reach, lt);
			}
			if (lte != null) {
				reach = Math.max(reach, lte + 1);
			}
			return reach;
		}

	}

	/** Whether a reference names this correlation (correlations may chain). */
	boolean isNamed(String reference) {
		return reference.equals(id) || reference.equals(name);
	}

}
