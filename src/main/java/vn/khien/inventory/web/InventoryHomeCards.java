package vn.khien.inventory.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.inventory.Coverage;
import vn.khien.inventory.MalwareCampaigns;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;

/**
 * Hosts in the user's scope that do not run up-to-date anti-malware (Directive 18 asks
 * for 100 %).
 */
@Component
class InventoryHomeCards implements HomeCards {

	private final Coverage coverage;

	private final MalwareCampaigns campaigns;

	InventoryHomeCards(Coverage coverage, MalwareCampaigns campaigns) {
		this.coverage = coverage;
		this.campaigns = campaigns;
	}

	@Override
	public List<HomeCard> cardsFor(KhienUser user) {
		if (!user.readsWholeProvince() && !user.has(Role.AGENCY_OFFICER)) {
			return List.of();
		}
		long unprotected = coverage.unprotectedCount();
		return List.of(new HomeCard(30, "home.coverage.unprotected", unprotected, "/coverage/unprotected",
				"home.coverage.note", List.of(), unprotected == 0 ? HomeCard.Tone.GOOD : HomeCard.Tone.ATTENTION));
	}

	/** The malware-scanning campaigns in the user's scope that end in the week. */
	@Override
	public List<Deadline> dueFor(KhienUser user, LocalDate from, LocalDate to) {
		if (!user.readsWholeProvince() && !user.has(Role.AGENCY_OFFICER)) {
			return List.of();
		}
		return campaigns.list(PageQuery.of(0, 50, "-endsOn"))
			.items()
			.stream()
			.filter(c -> !c.endsOn().isBefore(from) && !c.endsOn().isAfter(to))
			.map(c -> new Deadline(c.endsOn(), "home.due.malwareCampaign", List.of(c.name()),
					"/malware-campaigns/" + c.id()))
			.toList();
	}

}
