package vn.khien.incident.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.incident.Advisories;
import vn.khien.incident.CoordinationRequests;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;

/**
 * What waits for an agency's officers and a provider's users: the coordination requests
 * they have to answer, the advisories they have not read, and the requests falling due
 * this week. A provider signing in lands on the home page and finds its inbox here.
 */
@Component
class CoordinationHomeCards implements HomeCards {

	static final int DUE_SHOWN = 20;

	private final CoordinationRequests requests;

	private final Advisories advisories;

	CoordinationHomeCards(CoordinationRequests requests, Advisories advisories) {
		this.requests = requests;
		this.advisories = advisories;
	}

	private static boolean recipient(KhienUser user) {
		return (user.has(Role.ORGANISATION) && user.organisationId() != null)
				|| (user.has(Role.AGENCY_OFFICER) && user.agencyId() != null);
	}

	@Override
	public List<HomeCard> cardsFor(KhienUser user) {
		if (!recipient(user)) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		long waiting = requests.waiting();
		cards.add(new HomeCard(74, "home.coordination.waiting", waiting, "/coordination-requests?mine=true&open=true",
				"home.coordination.waiting.note", List.of(), waiting == 0 ? HomeCard.Tone.GOOD : HomeCard.Tone.URGENT));
		long unread = advisories.unread();
		cards.add(new HomeCard(75, "home.advisories.unread", unread, "/advisories?unread=true",
				"home.advisories.unread.note", List.of(), unread == 0 ? HomeCard.Tone.GOOD : HomeCard.Tone.ATTENTION));
		return cards;
	}

	@Override
	public List<Deadline> dueFor(KhienUser user, LocalDate from, LocalDate to) {
		if (!recipient(user)) {
			return List.of();
		}
		return requests.dueBetween(from, to, DUE_SHOWN)
			.stream()
			.map(r -> new Deadline(r.due(), "home.due.coordination", List.of(r.action()),
					"/coordination-requests?mine=true&open=true"))
			.toList();
	}

}
