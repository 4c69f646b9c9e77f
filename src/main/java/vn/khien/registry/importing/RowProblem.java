package vn.khien.registry.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A problem found while reading an import file. {@code line} 0 means the file as a whole;
 * {@code field} is the canonical column name (e.g. {@code parent_code}) or null for file-level
 * problems; {@code messageKey} is one of {@link ImportKeys}, formatted with {@code args}.
 */
public record RowProblem(int line, @Nullable String field, String messageKey, List<Object> args) {

	public RowProblem {
		args = List.copyOf(args);
	}

	static RowProblem of(int line, @Nullable String field, String messageKey, Object... args) {
		return new RowProblem(line, field, messageKey, List.of(args));
	}
}
