package vn.khien.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A person an agency dedicates to information security. */
public record SecurityStaff(long id, long agencyId, String name, @Nullable String title, @Nullable String qualification,
		@Nullable String phone, @Nullable String email, @Nullable LocalDate since) {

	/** What a user may set on a staff member. */
	public record Details(String name, @Nullable String title, @Nullable String qualification, @Nullable String phone,
			@Nullable String email, @Nullable LocalDate since) {
	}
}
