package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.khien.platform.VietnameseText;

/**
 * Fills the Vietnamese sort keys of the names already stored; SQL cannot compute a
 * collation key on either database, so this step is Java.
 */
public class V2026_12_03_0901__vietnamese_sort_keys_filled extends BaseJavaMigration {

	private static final String[][] NAMES = { { "agency", "name", "name_key" },
			{ "information_system", "name", "name_key" }, { "organisation", "name", "name_key" },
			{ "focal_point", "name", "name_key" }, { "app_user", "display_name", "display_name_key" } };

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		for (String[] name : NAMES) {
			try (Statement read = connection.createStatement();
					ResultSet rows = read.executeQuery("SELECT id, " + name[1] + " FROM " + name[0]);
					PreparedStatement write = connection
						.prepareStatement("UPDATE " + name[0] + " SET " + name[2] + " = ? WHERE id = ?")) {
				int pending = 0;
				while (rows.next()) {
					write.setBytes(1, VietnameseText.sortKey(rows.getString(2)));
					write.setLong(2, rows.getLong(1));
					write.addBatch();
					if (++pending == 1000) {
						write.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					write.executeBatch();
				}
			}
		}
	}

}
