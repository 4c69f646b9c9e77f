package vn.khien.registry;

import org.jspecify.annotations.Nullable;

/** A person to reach at an external organisation. */
public record OrganisationContact(long id, long organisationId, String name, @Nullable String title,
		@Nullable String phone, @Nullable String email) {

	public record Details(String name, @Nullable String title, @Nullable String phone, @Nullable String email) {
	}
}
