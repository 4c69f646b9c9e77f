package vn.khien.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyScope;

/**
 * Names and codes of agencies for labels and pickers. Unlike {@link Agencies} this is not
 * scoped: the list of the province's agencies is public, their records are not.
 */
@Component
public class AgencyLabels implements AgencyDirectory {

	private final JdbcClient jdbc;

	private final AgencyTree tree;

	AgencyLabels(JdbcClient jdbc, AgencyTree tree) {
		this.jdbc = jdbc;
		this.tree = tree;
	}

	@Override
	public List<Long> tops(AgencyScope scope) {
		if (scope.unrestricted()) {
			// NB: every root, the active first: a merged or retired root may still have
			// active units, which the lists count
			return jdbc
				.sql("SELECT id FROM agency WHERE parent_id IS NULL"
						+ " ORDER BY CASE WHEN status = 'ACTIVE' THEN 0 ELSE 1 END, id")
				.query(Long.class)
				.list();
		}
		return scope.agencyIds().stream().filter(id -> !scope.includes(tree.parentOf(id))).sorted().toList();
	}

	@Override
	public Optional<Long> idOfCode(String code) {
		return jdbc.sql("SELECT id FROM agency WHERE code = :code")
			.param("code", code.trim())
			.query(Long.class)
			.optional();
	}

	@Override
	public Optional<String> label(long agencyId) {
		return jdbc.sql("SELECT code, name FROM agency WHERE id = :id")
			.param("id", agencyId)
			.query((rs, n) -> labelOf(rs))
			.optional();
	}

	/** In one query, for a page's table. */
	@Override
	public Map<Long, String> labels(Set<Long> agencyIds) {
		Map<Long, String> labels = new HashMap<>();
		if (!agencyIds.isEmpty()) {
			jdbc.sql("SELECT id, code, name FROM agency WHERE id IN (:ids)").param("ids", agencyIds).query(rs -> {
				labels.put(rs.getLong("id"), labelOf(rs));
			});
		}
		return labels;
	}

	private static String labelOf(ResultSet rs) throws SQLException {
		return rs.getString("code") + " — " + rs.getString("name");
	}

}
