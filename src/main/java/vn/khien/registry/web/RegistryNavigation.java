package vn.khien.registry.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.NavMenu;
import vn.khien.platform.Role;

@Configuration
class RegistryNavigation {

	@Bean
	NavMenu registryMenu() {
		return new NavMenu("nav.menu.registry", "building");
	}

	@Bean
	NavItem agenciesNav() {
		return new NavItem(10, "nav.menu.registry", "nav.agencies", "/agencies", Set.of(Role.ADMIN,
				Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER),
				"diagram-3");
	}

}
