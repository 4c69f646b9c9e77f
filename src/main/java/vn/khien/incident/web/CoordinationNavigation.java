package vn.khien.incident.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/**
 * The coordination entries of the incident response menu: requests and advisories, open
 * to the providers who answer them, and the team's roster.
 */
@Configuration
class CoordinationNavigation {

	@Bean
	NavItem coordinationRequestsNav() {
		return new NavItem(74, "nav.menu.response", "nav.coordinationRequests", "/coordination-requests",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER,
						Role.RESPONDER, Role.ORGANISATION),
				"arrow-left-right");
	}

	@Bean
	NavItem advisoriesNav() {
		return new NavItem(75, "nav.menu.response", "nav.advisories", "/advisories",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER, Role.RESPONDER, Role.ORGANISATION),
				"megaphone");
	}

	@Bean
	NavItem respondersNav() {
		return new NavItem(76, "nav.menu.response", "nav.responders", "/responders", Set.of(Role.ADMIN,
				Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER), "people");
	}

}
