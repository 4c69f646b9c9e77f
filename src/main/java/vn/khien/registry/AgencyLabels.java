package vn.khien.registry;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyDirectory;

/**
 * Names and codes of agencies for labels and pickers. Unlike {@link Agencies} this is not
 * scoped: the list of the province's agencies is public, their records are not.
 */
@Component
public class AgencyLabels implements AgencyDirectory {

	private final JdbcClient jdbc;

	AgencyLabels(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
			.query((rs, n) -> rs.getString("code") + " — " + rs.getString("name"))
			.optional();
	}

}
