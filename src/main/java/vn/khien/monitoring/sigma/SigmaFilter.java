package vn.khien.monitoring.sigma;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;

/**
 * A Sigma meta filter: matches of the rules it names (by id or name) are dropped when the
 * event also fits its detection. The named rules themselves are left as they are.
 */
public record SigmaFilter(String fileName, int line, @Nullable String id, String title, @Nullable String description,
		@Nullable String author, LogSource logSource, List<String> rules, Detection detection) {

	public SigmaFilter {
		rules = List.copyOf(rules);
	}

}
