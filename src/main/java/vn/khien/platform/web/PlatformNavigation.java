package vn.khien.platform.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.NavMenu;
import vn.khien.platform.Role;

@Configuration
class PlatformNavigation {

	/**
	 * Under the inventory's menu, where most imports start, for the roles that import.
	 */
	@Bean
	NavItem importsNav() {
		return new NavItem(39, "nav.menu.inventory", "nav.imports", "/imports",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER), "clock-history");
	}

	@Bean
	NavMenu adminMenu() {
		return new NavMenu("nav.menu.admin", "gear");
	}

	@Bean
	NavItem usersNav() {
		return new NavItem(900, "nav.menu.admin", "nav.users", "/admin/users", Set.of(Role.ADMIN), "person-gear");
	}

	@Bean
	NavItem securityNav() {
		return new NavItem(910, "nav.menu.admin", "nav.security", "/admin/security", Set.of(Role.ADMIN), "shield-lock");
	}

	@Bean
	NavItem auditNav() {
		return new NavItem(920, "nav.menu.admin", "nav.audit", "/audit", Set.of(Role.ADMIN, Role.POLICE),
				"journal-text");
	}

}
