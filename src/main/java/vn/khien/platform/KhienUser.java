package vn.khien.platform;

import java.io.Serializable;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;

/** The signed-in person, as the rest of the application sees them. */
public record KhienUser(long id, String username, String displayName, Set<Role> roles, @Nullable Long agencyId,
		@Nullable Long organisationId) implements Serializable, AuthenticatedPrincipal {

	private static final long serialVersionUID = 1L;

	/**
	 * The name sessions are indexed by, so that all of an account's sessions can be ended
	 * at once.
	 */
	@Override
	public String getName() {
		return username;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean readsWholeProvince() {
		return roles.stream().anyMatch(Role.PROVINCE_WIDE::contains);
	}
}
