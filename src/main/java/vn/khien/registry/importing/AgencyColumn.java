package vn.khien.registry.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Import file columns with their accepted header names. */
enum AgencyColumn {
	CODE("code", true, "mã"),
	NAME("name", true, "tên"),
	KIND("kind", true, "loại"),
	PARENT_CODE("parent_code", false, "mã cấp trên"),
	HEAD_NAME("head_name", false, "thủ trưởng"),
	HEAD_TITLE("head_title", false, "chức vụ"),
	HEAD_PHONE("head_phone", false, "điện thoại"),
	HEAD_EMAIL("head_email", false, "email"),
	ADDRESS("address", false, "địa chỉ");

	private static final Map<String, AgencyColumn> BY_HEADER = new HashMap<>();

	static {
		for (AgencyColumn column : values()) {
			BY_HEADER.put(normalizeHeader(column.key), column);
			BY_HEADER.put(normalizeHeader(column.alias), column);
		}
	}

	private final String key;
	private final boolean required;
	private final String alias;

	AgencyColumn(String key, boolean required, String alias) {
		this.key = key;
		this.required = required;
		this.alias = alias;
	}

	/** Canonical column name, also used as {@link RowProblem#field()}. */
	String key() {
		return key;
	}

	boolean required() {
		return required;
	}

	static @Nullable AgencyColumn forHeader(String header) {
		return BY_HEADER.get(normalizeHeader(header));
	}

	// Spaces, hyphens and underscores are interchangeable so "Parent code" and "mã-cấp-trên" match too.
	static String normalizeHeader(String header) {
		return Normalizer.normalize(header, Normalizer.Form.NFC)
				.strip()
				.toLowerCase(Locale.ROOT)
				.replaceAll("[\\s_-]+", "_");
	}
}
