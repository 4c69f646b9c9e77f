package vn.khien.incident.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.incident.Incidents;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;

/**
 * What the home page shows of incidents: to the response team, the reports waiting for
 * triage; to everyone who reads incidents, the cases in their scope with a reporting
 * deadline passed. Both counted with the list’s capped count.
 */
@Component
class IncidentHomeCards implements HomeCards {

	private final Incidents incidents;

	IncidentHomeCards(Incidents incidents) {
		this.incidents = incidents;
	}

	@Override
	public List<HomeCard> cardsFor(KhienUser user) {
		boolean team = user.has(Role.RESPONDER) || user.has(Role.PROVINCE_OPERATOR) || user.has(Role.ADMIN);
		boolean reader = team || user.has(Role.POLICE) || user.has(Role.LEADERSHIP) || user.has(Role.AGENCY_OFFICER);
		if (!reader) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		if (team) {
			long queue = count(new Incidents.Filter(null, null, null, true, null, null));
			cards.add(new HomeCard(70, "home.incidents.queue", queue, "/incidents?queue=true",
					"home.incidents.queue.note", List.of(), queue == 0 ? HomeCard.Tone.GOOD : HomeCard.Tone.ATTENTION));
		}
		long overdue = incidents.overdueCount();
		cards.add(new HomeCard(71, "home.incidents.overdue", overdue, "/incidents?overdue=true",
				"home.incidents.overdue.note", List.of(), overdue == 0 ? HomeCard.Tone.GOOD : HomeCard.Tone.URGENT));
		return cards;
	}

	private long count(Incidents.Filter filter) {
		return incidents.list(filter, PageQuery.of(0, 1, null)).total();
	}

}
