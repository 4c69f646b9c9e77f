package vn.khien.compliance.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.khien.compliance.AssessmentActions;
import vn.khien.compliance.AssessmentManagement;
import vn.khien.platform.HomeCard;
import vn.khien.platform.HomeCards;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;

/**
 * What assessments leave waiting: the remediation actions past their deadline, and those
 * falling due this week.
 */
@Component
class AssessmentHomeCards implements HomeCards {

	/** Most deadlines the home page lists from here. */
	static final int DUE_SHOWN = 20;

	private final AssessmentActions actions;

	AssessmentHomeCards(AssessmentActions actions) {
		this.actions = actions;
	}

	private static boolean concerned(KhienUser user) {
		return user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR) || user.has(Role.POLICE)
				|| user.has(Role.AGENCY_OFFICER);
	}

	@Override
	public List<HomeCard> cardsFor(KhienUser user) {
		if (!concerned(user)) {
			return List.of();
		}
		long overdue = actions.overdue(AssessmentManagement.today());
		return List.of(new HomeCard(70, "home.assessmentActions.overdue", overdue, "/assessment-actions?overdue=true",
				"home.assessmentActions.overdue.note", List.of(),
				overdue == 0 ? HomeCard.Tone.GOOD : HomeCard.Tone.ATTENTION));
	}

	@Override
	public List<Deadline> dueFor(KhienUser user, LocalDate from, LocalDate to) {
		if (!concerned(user)) {
			return List.of();
		}
		return actions.due(from, to, DUE_SHOWN)
			.stream()
			.map(x -> new Deadline(x.dueOn(), "home.due.assessmentAction", List.of(x.systemCode(), x.title()),
					"/assessments/" + x.assessmentId() + "#actions"))
			.toList();
	}

}
