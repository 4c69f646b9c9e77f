package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffGap;

final class SecurityStaffPayloads {

	private SecurityStaffPayloads() {
	}

	record StaffingView(long agencyId, String code, String name, int needed, int actual, int gap,
			List<SecurityStaff> people) {

		static StaffingView from(SecurityStaffGap g, List<SecurityStaff> people) {
			return new StaffingView(g.agencyId(), g.code(), g.name(), g.needed(), g.actual(), g.gap(), people);
		}
	}

	record GapView(long agencyId, String code, String name, int needed, int actual, int gap) {

		static GapView from(SecurityStaffGap g) {
			return new GapView(g.agencyId(), g.code(), g.name(), g.needed(), g.actual(), g.gap());
		}
	}

	record NeededForm(@NotNull @Min(0) @Max(1000) Integer needed) {
	}

	record StaffForm(@NotBlank @Size(max = 255) String name, @Nullable @Size(max = 255) String title,
			@Nullable @Size(max = 500) String qualification,
			@Nullable @Size(max = 30) @Pattern(regexp = FocalPointPayloads.PHONE) String phone,
			@Nullable @Size(max = 255) @Email String email,
			@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {

		static StaffForm empty() {
			return new StaffForm("", null, null, null, null, null);
		}

		static StaffForm from(SecurityStaff s) {
			return new StaffForm(s.name(), s.title(), s.qualification(), s.phone(), s.email(), s.since());
		}

		SecurityStaff.Details details() {
			return new SecurityStaff.Details(name, title, qualification, phone, email, since);
		}
	}

}
