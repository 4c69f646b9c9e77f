package vn.khien.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which agencies' records the current user may read. Every query on agency-owned data
 * adds {@link #filter(String)} and {@link #bind(JdbcClient.StatementSpec)}, so scope
 * lives in the data access layer and never in controllers.
 */
public record AgencyScope(boolean unrestricted, Set<Long> agencyIds) {

	static final String PARAM = "scopeAgencyIds";

	public static AgencyScope all() {
		return new AgencyScope(true, Set.of());
	}

	public static AgencyScope none() {
		return new AgencyScope(false, Set.of());
	}

	public static AgencyScope of(Set<Long> agencyIds) {
		return new AgencyScope(false, Set.copyOf(agencyIds));
	}

	public boolean includes(@Nullable Long agencyId) {
		return unrestricted || (agencyId != null && agencyIds.contains(agencyId));
	}

	/** A SQL condition restricting {@code column} to this scope. */
	public String filter(String column) {
		if (unrestricted) {
			return "1=1";
		}
		return agencyIds.isEmpty() ? "1=0" : column + " IN (:" + PARAM + ")";
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
		return unrestricted || agencyIds.isEmpty() ? spec : spec.param(PARAM, agencyIds);
	}
}
