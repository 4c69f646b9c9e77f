package vn.khien.inventory.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.NavMenu;
import vn.khien.platform.Role;

@Configuration
class SystemsNavigation {

	@Bean
	NavMenu inventoryMenu() {
		return new NavMenu("nav.menu.inventory", "hdd-network");
	}

	@Bean
	NavItem systemsNav() {
		return new NavItem(30, "nav.menu.inventory", "nav.systems", "/systems", Set.of(Role.ADMIN,
				Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.RESPONDER),
				"hdd-stack");
	}

}
