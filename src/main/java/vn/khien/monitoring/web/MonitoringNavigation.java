package vn.khien.monitoring.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** The SOC's menu: the alert queue and what fired, the rules, the sources. */
@Configuration
class MonitoringNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER);

	@Bean
	NavItem alertsNav() {
		return new NavItem(80, "nav.menu.monitoring", "nav.alerts", "/alerts", READERS, "bell");
	}

	@Bean
	NavItem attackNav() {
		return new NavItem(81, "nav.menu.monitoring", "nav.attackMatrix", "/alerts/attack", READERS, "grid-3x3");
	}

	@Bean
	NavItem detectionRulesNav() {
		return new NavItem(82, "nav.menu.monitoring", "nav.detectionRules", "/detection-rules", READERS, "funnel");
	}

	@Bean
	NavItem eventSourcesNav() {
		return new NavItem(83, "nav.menu.monitoring", "nav.eventSources", "/event-sources",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR), "broadcast");
	}

}
