package vn.khien.readiness.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** Drills in the readiness menu: the drills, their coverage, the actions to follow. */
@Configuration
class DrillNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER);

	@Bean
	NavItem drillsNav() {
		return new NavItem(80, "nav.menu.readiness", "nav.drills", "/drills", READERS, "bullseye");
	}

	@Bean
	NavItem drillCoverageNav() {
		return new NavItem(81, "nav.menu.readiness", "nav.drillCoverage", "/drills/coverage", READERS, "check2-square");
	}

	@Bean
	NavItem drillActionsNav() {
		return new NavItem(82, "nav.menu.readiness", "nav.drillActions", "/drill-actions", READERS, "list-check");
	}

}
