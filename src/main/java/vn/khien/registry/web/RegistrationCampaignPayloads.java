package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.RegistrationCampaign;

final class RegistrationCampaignPayloads {

	private RegistrationCampaignPayloads() {
	}

	record CampaignView(long id, String name, LocalDate openedOn, LocalDate deadline, Set<AgencyKind> agencyKinds,
			boolean deadlinePassed) {

		static CampaignView from(RegistrationCampaign c, LocalDate today) {
			return new CampaignView(c.id(), c.name(), c.openedOn(), c.deadline(), c.agencyKinds(),
					c.deadlinePassed(today));
		}
	}

	/** The campaign form, also the JSON body of POST. */
	record CampaignForm(@NotBlank @Size(max = 255) String name,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@Nullable Set<AgencyKind> agencyKinds) {

		static CampaignForm empty(LocalDate today) {
			return new CampaignForm("", today, today.plusDays(30), Set.of());
		}

		RegistrationCampaign.Details details() {
			return new RegistrationCampaign.Details(name, openedOn, deadline,
					agencyKinds == null ? Set.of() : agencyKinds);
		}
	}

}
