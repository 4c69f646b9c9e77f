package vn.khien.incident.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** The response plans' entry of the incident response menu. */
@Configuration
class ResponsePlanNavigation {

	@Bean
	NavItem responsePlansNav() {
		return new NavItem(
				72, "nav.menu.response", "nav.responsePlans", "/response-plans", Set.of(Role.ADMIN,
						Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER),
				"journal-check");
	}

}
