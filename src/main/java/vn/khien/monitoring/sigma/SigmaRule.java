package vn.khien.monitoring.sigma;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;

/**
 * A Sigma detection rule as loaded: its metadata kept whole (DRL 1.1 requires every alert
 * raised from a rule to carry its {@code author}) and its compiled detection.
 */
public record SigmaRule(String fileName, int line, @Nullable String id, @Nullable String name, String title,
		@Nullable String status, @Nullable String level, @Nullable String author, @Nullable String description,
		@Nullable String license, @Nullable String date, @Nullable String modified, List<String> references,
		List<String> tags, LogSource logSource, List<String> falsePositives, List<String> fields, Detection detection) {

	public SigmaRule {
		references = List.copyOf(references);
		tags = List.copyOf(tags);
		falsePositives = List.copyOf(falsePositives);
		fields = List.copyOf(fields);
	}

	/** ATT&CK technique tags, {@code attack.t1059.001} and the like. */
	public List<String> techniques() {
		return tags.stream().filter(t -> t.matches("(?i)attack\\.t\\d{4}(\\.\\d{3})?")).toList();
	}

	/** ATT&CK tactic tags, {@code attack.execution} and the like. */
	public List<String> tactics() {
		return tags.stream()
			.filter(t -> t.toLowerCase(java.util.Locale.ROOT).startsWith("attack.")
					&& !t.matches("(?i)attack\\.(t\\d{4}(\\.\\d{3})?|g\\d{4}|s\\d{4})"))
			.toList();
	}

	/**
	 * Whether a reference (a correlation's or a filter's) names this rule, by id or by
	 * name.
	 */
	boolean isNamed(String reference) {
		return reference.equals(id) || reference.equals(name);
	}

}
