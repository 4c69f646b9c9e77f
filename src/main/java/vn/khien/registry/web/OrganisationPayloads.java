package vn.khien.registry.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationContact;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;

final class OrganisationPayloads {

	private OrganisationPayloads() {
	}

	/** The organisation form, also the JSON body of create and update. */
	record OrganisationForm(@NotNull OrganisationKind kind, @NotBlank @Size(max = 255) String name,
			@Nullable @Size(max = 20) @Pattern(regexp = "[0-9-]*") String taxCode,
			@Nullable @Size(max = 500) String address,
			@Nullable @Size(max = 255) @Pattern(regexp = "(https?://\\S+)?") String website,
			@Nullable @Size(max = 30) @Pattern(regexp = FocalPointPayloads.PHONE) String hotline,
			@Nullable @Size(max = 255) @Email String email,
			@Nullable @Size(max = 500) @Pattern(regexp = "(https?://\\S+)?") String reportUrl,
			@Nullable OrganisationStatus status) {

		static OrganisationForm empty() {
			return new OrganisationForm(OrganisationKind.TELECOM_PROVIDER, "", null, null, null, null, null, null,
					OrganisationStatus.ACTIVE);
		}

		static OrganisationForm from(Organisation o) {
			return new OrganisationForm(o.kind(), o.name(), o.taxCode(), o.address(), o.website(), o.hotline(),
					o.email(), o.reportUrl(), o.status());
		}

		Organisation.Details details() {
			return new Organisation.Details(kind, name, taxCode, address, website, hotline, email, reportUrl,
					status == null ? OrganisationStatus.ACTIVE : status);
		}
	}

	record ContactForm(@NotBlank @Size(max = 255) String name, @Nullable @Size(max = 255) String title,
			@Nullable @Size(max = 30) @Pattern(regexp = FocalPointPayloads.PHONE) String phone,
			@Nullable @Size(max = 255) @Email String email) {

		static ContactForm empty() {
			return new ContactForm("", null, null, null);
		}

		OrganisationContact.Details details() {
			return new OrganisationContact.Details(name, title, phone, email);
		}
	}

}
