package vn.khien.inventory.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

@Configuration
class AssetsNavigation {

	@Bean
	NavItem assetsNav() {
		return new NavItem(31, "nav.menu.inventory", "nav.assets", "/assets", Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR,
				Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER), "pc-display");
	}

}
