package vn.khien.registry.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

@Configuration
class ReorgNavigation {

	@Bean
	NavItem reorganisationsNav() {
		return new NavItem(
				11, "nav.menu.registry", "nav.reorganisations", "/agencies/reorganisations", Set.of(Role.ADMIN,
						Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER),
				"shuffle");
	}

	@Bean
	NavItem agencyImportNav() {
		return new NavItem(12, "nav.menu.registry", "nav.agencyImport", "/agencies/import",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR), "upload");
	}

}
