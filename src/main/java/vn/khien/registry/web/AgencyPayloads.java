package vn.khien.registry.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/** What the API and the agency form accept and answer. */
final class AgencyPayloads {

	private AgencyPayloads() {
	}

	record AgencyView(long id, String code, String name, AgencyKind kind, @Nullable Long parentId, @Nullable Head head,
			@Nullable String address, String status, @Nullable Long successorId) {

		static AgencyView from(Agency a) {
			Head head = a.headName() == null ? null
					: new Head(a.headName(), a.headTitle(), a.headPhone(), a.headEmail());
			return new AgencyView(a.id(), a.code(), a.name(), a.kind(), a.parentId(), head, a.address(),
					a.status().name(), a.successorId());
		}
	}

	record Head(@Nullable @Size(max = 255) String name, @Nullable @Size(max = 255) String title,
			@Nullable @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*") String phone,
			@Nullable @Size(max = 255) @Email String email) {
	}

	/** The agency form, also the JSON body of create and update. */
	record AgencyForm(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]*") String code,
			@NotBlank @Size(max = 255) String name, @NotNull AgencyKind kind, @Nullable Long parentId,
			@Nullable @Size(max = 255) String headName, @Nullable @Size(max = 255) String headTitle,
			@Nullable @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*") String headPhone,
			@Nullable @Size(max = 255) @Email String headEmail, @Nullable @Size(max = 500) String address) {

		static AgencyForm empty(@Nullable Long parentId) {
			return new AgencyForm("", "", AgencyKind.DEPARTMENT, parentId, null, null, null, null, null);
		}

		static AgencyForm from(Agency a) {
			return new AgencyForm(a.code(), a.name(), a.kind(), a.parentId(), a.headName(), a.headTitle(),
					a.headPhone(), a.headEmail(), a.address());
		}

		AgencyDetails details() {
			return new AgencyDetails(code, name, kind, parentId, headName, headTitle, headPhone, headEmail, address);
		}
	}

	record MoveRequest(@Nullable Long parentId) {
	}

}
