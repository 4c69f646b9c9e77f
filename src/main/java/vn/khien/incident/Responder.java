package vn.khien.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member of the response team's roster (R8.3): seconded from an agency, with an account
 * when they sign in, their skills and whether they can be called on now.
 */
public record Responder(long id, long agencyId, @Nullable Long accountId, String name, @Nullable String email,
		@Nullable String phone, @Nullable String skills, Availability availability, boolean active, Instant createdAt,
		Instant updatedAt) {

	/**
	 * What the team writes of a member; null fields are missing (name, agency) or empty.
	 */
	public record Details(@Nullable Long agencyId, @Nullable Long accountId, @Nullable String name,
			@Nullable String email, @Nullable String phone, @Nullable String skills,
			@Nullable Availability availability, @Nullable Boolean active) {
	}

}
