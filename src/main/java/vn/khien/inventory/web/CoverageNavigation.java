package vn.khien.inventory.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

@Configuration
class CoverageNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER);

	@Bean
	NavItem coverageNav() {
		return new NavItem(32, "nav.menu.inventory", "nav.coverage", "/coverage", READERS, "shield-check");
	}

	@Bean
	NavItem malwareCampaignsNav() {
		return new NavItem(33, "nav.menu.inventory", "nav.malwareCampaigns", "/malware-campaigns", READERS, "bug");
	}

}
