package vn.khien.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user, or the {@link SystemPrincipal} that background work runs as, and
 * the agency scope that follows. It fails closed: with neither, the scope is empty and
 * every edit check answers no.
 */
@Component
public class CurrentUser {

	public static final String ANONYMOUS = "anonymous";

	private final AgencyHierarchy hierarchy;

	CurrentUser(AgencyHierarchy hierarchy) {
		this.hierarchy = hierarchy;
	}

	public Optional<KhienUser> find() {
		return principal() instanceof KhienUser user ? Optional.of(user) : Optional.empty();
	}

	public Optional<SystemPrincipal> system() {
		return principal() instanceof SystemPrincipal system ? Optional.of(system) : Optional.empty();
	}

	public KhienUser get() {
		return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
	}

	/**
	 * Who the audit trail names: a username, {@code system:<name>}, or
	 * {@value #ANONYMOUS}.
	 */
	public String name() {
		Object principal = principal();
		if (principal instanceof KhienUser user) {
			return user.username();
		}
		return principal instanceof SystemPrincipal system ? system.getName() : ANONYMOUS;
	}

	/** Scope for reading agency-owned data; empty without a user or system principal. */
	public AgencyScope scope() {
		Object principal = principal();
		if (principal instanceof KhienUser user) {
			return scopeOf(user);
		}
		if (principal instanceof SystemPrincipal system && system.may(SystemPrincipal.Permission.READ_PROVINCE)) {
			return AgencyScope.all();
		}
		return AgencyScope.none();
	}

	public AgencyScope scopeOf(KhienUser user) {
		if (user.readsWholeProvince()) {
			return AgencyScope.all();
		}
		if (user.has(Role.AGENCY_OFFICER) && user.agencyId() != null) {
			return AgencyScope.of(hierarchy.selfAndDescendants(user.agencyId()));
		}
		return AgencyScope.none();
	}

	/**
	 * Whether the caller may change records of this agency: operators anywhere, officers
	 * in their scope, a system principal allowed to write; nobody else.
	 */
	public boolean mayEdit(Long agencyId) {
		Object principal = principal();
		if (principal instanceof KhienUser user) {
			if (user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR)) {
				return true;
			}
			// NB: the officer role writes its own agency and those below it, whatever
			// else the user may read
			return user.has(Role.AGENCY_OFFICER) && user.agencyId() != null
					&& hierarchy.selfAndDescendants(user.agencyId()).contains(agencyId);
		}
		return principal instanceof SystemPrincipal system && system.may(SystemPrincipal.Permission.WRITE_PROVINCE);
	}

	/**
	 * Whether the caller may change records of every agency (an administrator, an
	 * operator, a system principal allowed to write the province).
	 */
	public boolean mayEditProvince() {
		Object principal = principal();
		if (principal instanceof KhienUser user) {
			return user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR);
		}
		return principal instanceof SystemPrincipal system && system.may(SystemPrincipal.Permission.WRITE_PROVINCE);
	}

	private static Object principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		Object principal = auth == null ? null : auth.getPrincipal();
		return principal instanceof KhienPrincipal carrier ? carrier.khienUser() : principal;
	}

}
