package vn.khien.compliance.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/**
 * The compliance menu's dossiers and overview (the menu itself comes with the rule
 * packs).
 */
@Configuration
class ComplianceNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER);

	@Bean
	NavItem complianceOverviewNav() {
		return new NavItem(55, "nav.menu.compliance", "nav.complianceOverview", "/compliance", READERS, "speedometer2");
	}

	@Bean
	NavItem dossiersNav() {
		return new NavItem(56, "nav.menu.compliance", "nav.dossiers", "/dossiers", READERS, "folder-check");
	}

}
