package vn.khien.platform.web;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;

/**
 * What the user administration API takes and answers; never a password hash or TOTP
 * secret.
 */
final class UserPayloads {

	private UserPayloads() {
	}

	record UserView(long id, String username, String displayName, @Nullable String email, Set<Role> roles,
			@Nullable Long agencyId, @Nullable Long organisationId, boolean enabled, boolean totpEnabled,
			boolean locked, @Nullable Instant lockedUntil, @Nullable Instant lastLoginAt) {

		static UserView from(Accounts.Account a) {
			boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(Instant.now());
			return new UserView(a.id(), a.username(), a.displayName(), a.email(), a.roles(), a.agencyId(),
					a.organisationId(), a.enabled(), a.totpEnabled(), locked, a.lockedUntil(), a.lastLoginAt());
		}
	}

	record NewUser(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*") String username,
			@NotBlank @Size(max = 255) String displayName, @Nullable @Email @Size(max = 255) String email,
			@NotBlank @Size(min = 12, max = 200) String password, @NotEmpty Set<Role> roles, @Nullable Long agencyId,
			@Nullable Long organisationId) {

		Accounts.NewAccount account() {
			return new Accounts.NewAccount(username.trim(), displayName.trim(), blankToNull(email), password,
					Set.copyOf(roles), agencyId, organisationId);
		}
	}

	record UserUpdate(@NotBlank @Size(max = 255) String displayName, @Nullable @Email @Size(max = 255) String email,
			@Nullable Long agencyId, @Nullable Long organisationId, @NotNull Boolean enabled) {

		Accounts.Details details() {
			return new Accounts.Details(displayName.trim(), blankToNull(email), agencyId, organisationId);
		}
	}

	record RolesRequest(@NotNull Set<Role> roles) {
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
