package vn.khien.registry;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.OrganisationDirectory;

/** Organisations' names for the platform's user administration. */
@Component
class OrganisationNames implements OrganisationDirectory {

	private final JdbcClient jdbc;

	OrganisationNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> name(long organisationId) {
		return jdbc.sql("SELECT name FROM organisation WHERE id = :id")
			.param("id", organisationId)
			.query(String.class)
			.optional();
	}

}
