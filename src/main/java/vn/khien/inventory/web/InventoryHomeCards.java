package vn.khien.inventory.web;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.inventory.Coverage;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;

/**
 * Hosts in the user's scope that do not run up-to-date anti-malware (Directive 18 asks
 * for 100 %).
 */
@Component
class InventoryHomeCards implements HomeCards {

	private final Coverage coverage;

	InventoryHomeCards(Coverage coverage) {
		this.coverage = coverage;
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

}
