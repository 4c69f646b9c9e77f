package vn.khien.platform;

import java.io.Serializable;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

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

	/** The account as it signs in. */
	public static KhienUser of(Accounts.Account account) {
		return new KhienUser(account.id(), account.username(), account.displayName(), Set.copyOf(account.roles()),
				account.agencyId(), account.organisationId());
	}

	/**
	 * Does {@code work} signed in as this user, then puts back who was: work done on a
	 * person's behalf outside their request (a job for its submitter, a demo account's
	 * steps) is checked and recorded as theirs.
	 */
	public <T> T call(Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this, null,
				roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
