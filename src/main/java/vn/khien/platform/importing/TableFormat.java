package vn.khien.platform.importing;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The two table files uploads come in. */
public enum TableFormat {

	CSV, XLSX;

	/**
	 * By the file name's extension (case-insensitive); empty for anything else, old
	 * {@code .xls} included.
	 */
	public static Optional<TableFormat> ofFilename(@Nullable String filename) {
		String name = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return Optional.of(CSV);
		}
		return name.endsWith(".xlsx") ? Optional.of(XLSX) : Optional.empty();
	}

}
