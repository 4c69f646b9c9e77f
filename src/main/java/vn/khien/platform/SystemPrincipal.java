package vn.khien.platform;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who work runs as when no person started it: demo data at start-up, the nightly
 * snapshot, retention. It names what it may do; code that runs with neither a user nor a
 * system principal sees nothing and may change nothing ({@link CurrentUser}).
 */
public record SystemPrincipal(String name,
		Set<Permission> permissions) implements AuthenticatedPrincipal, Serializable {

	public enum Permission {

		/** Reads agency-owned records of the whole province. */
		READ_PROVINCE,

		/** Writes agency-owned records of any agency. */
		WRITE_PROVINCE

	}

	/** What the audit trail names a system principal by: this, then its name. */
	public static final String AUDIT_PREFIX = "system:";

	public SystemPrincipal {
		permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
	}

	public static SystemPrincipal of(String name, Permission... permissions) {
		return new SystemPrincipal(name, permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions));
	}

	public boolean may(Permission permission) {
		return permissions.contains(permission);
	}

	/** As the audit trail names it. */
	@Override
	public String getName() {
		return AUDIT_PREFIX + name;
	}

	/** Runs {@code work} as this principal, then puts back whoever ran before. */
	public <T> T call(Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(this, null, AuthorityUtils.NO_AUTHORITIES));
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
