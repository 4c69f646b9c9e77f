package vn.khien.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user and the agency scope that follows from their roles. */
@Component
public class CurrentUser {

	private final AgencyHierarchy hierarchy;

	CurrentUser(AgencyHierarchy hierarchy) {
		this.hierarchy = hierarchy;
	}

	public Optional<KhienUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof KhienUser user ? Optional.of(user) : Optional.empty();
	}

	public KhienUser get() {
		return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
	}

	public String name() {
		return find().map(KhienUser::username).orElse("system");
	}

	/** Scope for reading agency-owned data. Outside a request (jobs, start-up) everything is visible. */
	public AgencyScope scope() {
		return find().map(this::scopeOf).orElseGet(AgencyScope::all);
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

	/** Whether the user may change records of this agency (operators anywhere, officers in scope). */
	public boolean mayEdit(Long agencyId) {
		KhienUser user = get();
		if (user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR)) {
			return true;
		}
		// NB: the officer role writes its own agency and those below it, whatever else the user may read
		return user.has(Role.AGENCY_OFFICER) && user.agencyId() != null
				&& hierarchy.selfAndDescendants(user.agencyId()).contains(agencyId);
	}
}
