package vn.khien.platform.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

@Configuration
class PlatformNavigation {

	@Bean
	NavItem usersNav() {
		return new NavItem(900, "nav.menu.admin", "nav.users", "/admin/users", Set.of(Role.ADMIN));
	}

	@Bean
	NavItem securityNav() {
		return new NavItem(910, "nav.menu.admin", "nav.security", "/admin/security", Set.of(Role.ADMIN));
	}

	@Bean
	NavItem auditNav() {
		return new NavItem(920, "nav.menu.admin", "nav.audit", "/audit", Set.of(Role.ADMIN, Role.POLICE));
	}

}
