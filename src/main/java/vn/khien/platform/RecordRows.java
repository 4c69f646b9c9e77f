package vn.khien.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.ClassUtils;

/**
 * Rows as records: {@code jdbc.sql(...).query(RecordRows.of(Owned.class))} where Spring's
 * {@code query(Class)} would do. Columns are matched to the record's components
 * ({@code owner_agency_id} to {@code ownerAgencyId}) once per query from the result's
 * metadata. Spring's own mapper asks the driver for {@code ownerAgencyId} first on every
 * row, and on H2 each miss builds an exception with its stack trace: a quarter of a
 * page's time for thirty rows.
 */
public final class RecordRows<R extends Record> implements RowMapper<R> {

	private final Constructor<R> constructor;

	private final RecordComponent[] components;

	private @Nullable ResultSet resolvedFor;

	private int[] columns = new int[0];

	private RecordRows(Class<R> type) {
		this.components = type.getRecordComponents();
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		try {
			this.constructor = type.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalArgumentException(type + " has no canonical constructor", ex);
		}
	}

	/** A mapper for one query: it keeps the column order of the result it reads. */
	public static <R extends Record> RecordRows<R> of(Class<R> type) {
		return new RecordRows<>(type);
	}

	@Override
	public R mapRow(ResultSet rs, int rowNum) throws SQLException {
		if (rs != resolvedFor) {
			columns = resolve(rs.getMetaData());
			resolvedFor = rs;
		}
		Object[] args = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Class<?> type = components[i].getType();
			Object value = JdbcUtils.getResultSetValue(rs, columns[i], type);
			args[i] = value == null || ClassUtils.isAssignableValue(type, value) ? value
					: DefaultConversionService.getSharedInstance().convert(value, type);
		}
		return BeanUtils.instantiateClass(constructor, args);
	}

	private int[] resolve(ResultSetMetaData meta) throws SQLException {
		Map<String, Integer> byName = new HashMap<>();
		for (int c = 1; c <= meta.getColumnCount(); c++) {
			byName.putIfAbsent(meta.getColumnLabel(c).toLowerCase(Locale.ROOT).replace("_", ""), c);
		}
		int[] found = new int[components.length];
		for (int i = 0; i < components.length; i++) {
			Integer c = byName.get(components[i].getName().toLowerCase(Locale.ROOT));
			if (c == null) {
				throw new IllegalStateException("no column for " + constructor.getDeclaringClass().getSimpleName() + "."
						+ components[i].getName() + " among " + byName.keySet());
			}
			found[i] = c;
		}
		return found;
	}

}
