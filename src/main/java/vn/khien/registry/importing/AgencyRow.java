package vn.khien.registry.importing;

import org.jspecify.annotations.Nullable;

/**
 * One agency as read from an import file, values trimmed and NFC-normalised, blank values
 * as null. Rows are returned even when they have problems so that a preview can show them
 * next to their problems; {@code line} is the physical 1-based line (CSV) or row number
 * (XLSX), header = 1.
 */
public record AgencyRow(int line, @Nullable String code, @Nullable String name, @Nullable String kind,
		@Nullable String parentCode, @Nullable String headName, @Nullable String headTitle, @Nullable String headPhone,
		@Nullable String headEmail, @Nullable String address) {
}
