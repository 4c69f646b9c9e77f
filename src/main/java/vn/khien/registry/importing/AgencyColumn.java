package vn.khien.registry.importing;

import java.util.List;

import vn.khien.platform.importing.Columns;
import vn.khien.platform.importing.Columns.Column;

/** Import file columns with their accepted header names. */
enum AgencyColumn {

	CODE("code", true, "mã"), NAME("name", true, "tên"), KIND("kind", true, "loại"),
	PARENT_CODE("parent_code", false, "mã cấp trên"), HEAD_NAME("head_name", false, "thủ trưởng"),
	HEAD_TITLE("head_title", false, "chức vụ"), HEAD_PHONE("head_phone", false, "điện thoại"),
	HEAD_EMAIL("head_email", false, "email"), ADDRESS("address", false, "địa chỉ");

	static final Columns COLUMNS = columns();

	private final String key;

	private final boolean required;

	private final String alias;

	AgencyColumn(String key, boolean required, String alias) {
		this.key = key;
		this.required = required;
		this.alias = alias;
	}

	/** Canonical column name, as the shared table reader knows the column. */
	String key() {
		return key;
	}

	private static Columns columns() {
		Columns columns = Columns
			.of(List.of(values()).stream().map(c -> Column.of(c.key, c.alias)).toArray(Column[]::new));
		for (AgencyColumn column : values()) {
			if (column.required) {
				columns = columns.require(column.key);
			}
		}
		return columns;
	}

}
