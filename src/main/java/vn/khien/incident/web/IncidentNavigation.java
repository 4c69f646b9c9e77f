package vn.khien.incident.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.NavMenu;
import vn.khien.platform.Role;

/** The incident response menu: the queue and the cases first. */
@Configuration
class IncidentNavigation {

	@Bean
	NavMenu responseMenu() {
		return new NavMenu("nav.menu.response", "shield-exclamation");
	}

	@Bean
	NavItem incidentsNav() {
		return new NavItem(70, "nav.menu.response", "nav.incidents", "/incidents", Set.of(Role.ADMIN,
				Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER),
				"exclamation-octagon");
	}

}
