package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every agency-owned table has an index that leads with its agency column, so that a
 * scoped read never scans the whole table (docs/architecture.md, "Scale"). Read from the
 * migrated database's own metadata.
 */
@KhienTest
class AgencyIndexesTests {

	/** Columns that say which agency owns a row. */
	static boolean agencyColumn(String column) {
		return column.equals("agency_id") || column.endsWith("_agency_id");
	}

	@Autowired
	DataSource dataSource;

	@Test
	void everyAgencyColumnLeadsAnIndex() throws Exception {
		var missing = new TreeSet<String>();
		try (Connection con = dataSource.getConnection()) {
			DatabaseMetaData meta = con.getMetaData();
			String schema = con.getSchema();
			Map<String, Set<String>> agencyColumns = new HashMap<>();
			try (ResultSet columns = meta.getColumns(null, schema, "%", "%")) {
				while (columns.next()) {
					String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
					if (agencyColumn(column) && !table.startsWith("flyway")) {
						agencyColumns.computeIfAbsent(table, t -> new HashSet<>()).add(column);
					}
				}
			}
			assertThat(agencyColumns).as("tables with an agency column").containsKeys("asset", "information_system");
			for (var e : agencyColumns.entrySet()) {
				Set<String> leading = new HashSet<>();
				try (ResultSet indexes = meta.getIndexInfo(null, schema, tableName(meta, schema, e.getKey()), false,
						true)) {
					while (indexes.next()) {
						if (indexes.getShort("ORDINAL_POSITION") == 1 && indexes.getString("COLUMN_NAME") != null) {
							leading.add(indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
						}
					}
				}
				for (String column : e.getValue()) {
					if (!leading.contains(column)) {
						missing.add(e.getKey() + "." + column);
					}
				}
			}
		}
		assertThat(missing).as("agency columns that lead no index").isEmpty();
	}

	/**
	 * The table's name as the database stores it (H2 and PostgreSQL both store these in
	 * lower case).
	 */
	private static String tableName(DatabaseMetaData meta, String schema, String table) throws Exception {
		try (ResultSet tables = meta.getTables(null, schema, "%", null)) {
			while (tables.next()) {
				if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
					return tables.getString("TABLE_NAME");
				}
			}
		}
		return table;
	}

}
