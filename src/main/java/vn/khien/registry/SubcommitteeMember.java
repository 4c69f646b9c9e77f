package vn.khien.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A member of the cybersecurity subcommittee. */
public record SubcommitteeMember(long id, SubcommitteeRole role, String name, @Nullable String title,
		@Nullable Long agencyId, @Nullable String agencyName, @Nullable String phone, @Nullable String email,
		@Nullable LocalDate since, @Nullable LocalDate until) {

	public record Details(SubcommitteeRole role, String name, @Nullable String title, @Nullable Long agencyId,
			@Nullable String phone, @Nullable String email, @Nullable LocalDate since, @Nullable LocalDate until) {
	}
}
