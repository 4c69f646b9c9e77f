package vn.khien.platform.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.Accounts;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.Role;

/** The rules pages and API share when an administrator changes an account. */
@Component
class UserAdministration {

	private final Accounts accounts;

	private final CurrentUser currentUser;

	UserAdministration(Accounts accounts, CurrentUser currentUser) {
		this.accounts = accounts;
		this.currentUser = currentUser;
	}

	Accounts.Account get(long id) {
		return accounts.find(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	@Transactional
	void update(long id, Accounts.Details details, @Nullable Boolean enabled) {
		Accounts.Account before = get(id);
		if (before.roles().contains(Role.AGENCY_OFFICER) && details.agencyId() == null) {
			throw new InvalidInputException("agencyId", "user.agency.required");
		}
		accounts.update(id, details);
		if (enabled != null && enabled != before.enabled()) {
			setEnabled(id, enabled);
		}
	}

	@Transactional
	void setEnabled(long id, boolean enabled) {
		get(id);
		if (!enabled && id == currentUser.get().id()) {
			throw InvalidInputException.conflict("enabled", "user.self");
		}
		accounts.setEnabled(id, enabled);
	}

	@Transactional
	void setRoles(long id, Set<Role> roles) {
		Accounts.Account before = get(id);
		// NB: an administrator could otherwise lock everyone out of user administration
		if (id == currentUser.get().id() && !roles.contains(Role.ADMIN)) {
			throw InvalidInputException.conflict("roles", "user.self");
		}
		if (roles.contains(Role.AGENCY_OFFICER) && before.agencyId() == null) {
			throw new InvalidInputException("roles", "user.agency.required");
		}
		accounts.setRoles(id, roles);
	}

}
