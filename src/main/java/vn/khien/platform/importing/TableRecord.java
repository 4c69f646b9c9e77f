package vn.khien.platform.importing;

import org.jspecify.annotations.Nullable;

/** A data row read through its file's header. */
public record TableRecord(TableRow row, Header header) {

	public int line() {
		return row.line();
	}

	/** See {@link Header#value(TableRow, String)}. */
	public @Nullable String get(String column) {
		return header.value(row, column);
	}

	/** See {@link Header#label(String)}. */
	public String label(String column) {
		return header.label(column);
	}

	/** A problem with this row, at its line. */
	public ImportProblem problem(String messageKey, @Nullable Object... args) {
		return ImportProblem.atLine(row.line(), messageKey, args);
	}
}
