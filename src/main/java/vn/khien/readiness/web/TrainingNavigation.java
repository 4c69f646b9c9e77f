package vn.khien.readiness.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** Training, its reach and the budget proposals in the readiness menu. */
@Configuration
class TrainingNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER);

	@Bean
	NavItem trainingsNav() {
		return new NavItem(85, "nav.menu.readiness", "nav.trainings", "/trainings", READERS, "mortarboard");
	}

	@Bean
	NavItem trainingReachNav() {
		return new NavItem(86, "nav.menu.readiness", "nav.trainingReach", "/trainings/reach", READERS, "people");
	}

	@Bean
	NavItem trainingPeopleNav() {
		return new NavItem(87, "nav.menu.readiness", "nav.trainingPeople", "/trainings/people", READERS,
				"person-vcard");
	}

	@Bean
	NavItem budgetProposalsNav() {
		return new NavItem(88, "nav.menu.readiness", "nav.budgetProposals", "/budget-proposals", READERS, "cash-coin");
	}

}
