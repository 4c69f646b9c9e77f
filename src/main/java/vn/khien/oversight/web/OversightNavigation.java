package vn.khien.oversight.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** The oversight's menu: the dashboard and the scorecards. */
@Configuration
class OversightNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER);

	@Bean
	NavItem dashboardNav() {
		return new NavItem(90, "nav.menu.oversight", "nav.dashboard", "/dashboard", READERS, "speedometer2");
	}

	@Bean
	NavItem scorecardsNav() {
		return new NavItem(91, "nav.menu.oversight", "nav.scorecards", "/scorecards", READERS, "trophy");
	}

	@Bean
	NavItem reportsNav() {
		return new NavItem(92, "nav.menu.oversight", "nav.reports", "/reports", READERS, "file-earmark-text");
	}

}
