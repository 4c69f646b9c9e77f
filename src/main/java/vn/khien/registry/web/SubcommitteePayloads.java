package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.registry.Subcommittee;
import vn.khien.registry.SubcommitteeMember;
import vn.khien.registry.SubcommitteeRole;

final class SubcommitteePayloads {

	private SubcommitteePayloads() {
	}

	record StandingBody(long id, @Nullable String code, @Nullable String name) {
	}

	record SubcommitteeView(String name, @Nullable String decisionRef, @Nullable StandingBody standingBody,
			List<SubcommitteeMember> members) {

		static SubcommitteeView from(Subcommittee s, List<SubcommitteeMember> members) {
			StandingBody body = s.standingBodyId() == null ? null
					: new StandingBody(s.standingBodyId(), s.standingBodyCode(), s.standingBodyName());
			return new SubcommitteeView(s.name(), s.decisionRef(), body, members);
		}
	}

	record SubcommitteeForm(@NotBlank @Size(max = 255) String name, @Nullable @Size(max = 255) String decisionRef,
			@Nullable Long standingBodyId) {

		static SubcommitteeForm from(@Nullable Subcommittee s) {
			return s == null ? new SubcommitteeForm("", null, null)
					: new SubcommitteeForm(s.name(), s.decisionRef(), s.standingBodyId());
		}

		Subcommittee.Details details() {
			return new Subcommittee.Details(name, decisionRef, standingBodyId);
		}
	}

	record MemberForm(@NotNull SubcommitteeRole role, @NotBlank @Size(max = 255) String name,
			@Nullable @Size(max = 255) String title, @Nullable Long agencyId,
			@Nullable @Size(max = 30) @Pattern(regexp = FocalPointPayloads.PHONE) String phone,
			@Nullable @Size(max = 255) @Email String email,
			@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {

		static MemberForm empty() {
			return new MemberForm(SubcommitteeRole.MEMBER, "", null, null, null, null, null, null);
		}

		static MemberForm from(SubcommitteeMember m) {
			return new MemberForm(m.role(), m.name(), m.title(), m.agencyId(), m.phone(), m.email(), m.since(),
					m.until());
		}

		SubcommitteeMember.Details details() {
			return new SubcommitteeMember.Details(role, name, title, agencyId, phone, email, since, until);
		}
	}

}
