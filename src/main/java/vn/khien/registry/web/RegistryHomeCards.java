package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.RegistrationCampaign;
import vn.khien.registry.RegistrationCampaigns;

/**
 * Agencies in the user's scope that have not registered their focal points in the latest
 * campaign.
 */
@Component
class RegistryHomeCards implements HomeCards {

	private final RegistrationCampaigns campaigns;

	RegistryHomeCards(RegistrationCampaigns campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public List<HomeCard> cardsFor(KhienUser user) {
		if (!user.readsWholeProvince() && !user.has(Role.AGENCY_OFFICER)) {
			return List.of();
		}
		var latest = campaigns.list(PageQuery.of(0, 1, null)).items();
		if (latest.isEmpty()) {
			return List.of();
		}
		RegistrationCampaign campaign = latest.get(0);
		LocalDate today = LocalDate.now(AgencyManagement.ZONE);
		long missing = campaigns.counts(campaign, today).notRegistered();
		boolean overdue = campaign.deadlinePassed(today);
		HomeCard.Tone tone = missing == 0 ? HomeCard.Tone.GOOD
				: overdue ? HomeCard.Tone.URGENT : HomeCard.Tone.ATTENTION;
		String state = overdue ? "overdue" : "pending";
		return List
			.of(new HomeCard(20, "home.focalPoints.missing", missing, "/campaigns/" + campaign.id() + "?state=" + state,
					"home.focalPoints.note",
					List.of(campaign.name(),
							campaign.deadline().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
					tone));
	}

	/**
	 * The registration campaigns whose deadline falls in the week, for who follows them.
	 */
	@Override
	public List<Deadline> dueFor(KhienUser user, LocalDate from, LocalDate to) {
		if (!user.readsWholeProvince() && !user.has(Role.AGENCY_OFFICER)) {
			return List.of();
		}
		return campaigns.list(PageQuery.of(0, 50, "-deadline"))
			.items()
			.stream()
			.filter(c -> !c.deadline().isBefore(from) && !c.deadline().isAfter(to))
			.map(c -> new Deadline(c.deadline(), "home.due.campaign", List.of(c.name()), "/campaigns/" + c.id()))
			.toList();
	}

}
