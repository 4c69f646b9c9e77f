package vn.khien.incident.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** The incident figures' entry of the incident response menu. */
@Configuration
class IncidentStatisticsNavigation {

	@Bean
	NavItem incidentStatisticsNav() {
		return new NavItem(
				76, "nav.menu.response", "nav.incidentStatistics", "/incidents/statistics", Set.of(Role.ADMIN,
						Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER),
				"bar-chart");
	}

}
