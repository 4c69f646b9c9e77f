package vn.khien.registry.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

@Configuration
class ContactsNavigation {

	private static final Set<Role> SCOPED = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER);

	@Bean
	NavItem focalPointsNav() {
		return new NavItem(20, "nav.menu.registry", "nav.focalPoints", "/focal-points", SCOPED, "person-lines-fill");
	}

	@Bean
	NavItem campaignsNav() {
		return new NavItem(21, "nav.menu.registry", "nav.campaigns", "/campaigns", SCOPED, "clipboard-check");
	}

	@Bean
	NavItem organisationsNav() {
		return new NavItem(22, "nav.menu.registry", "nav.organisations", "/organisations",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.RESPONDER,
						Role.AGENCY_OFFICER, Role.ORGANISATION),
				"buildings");
	}

	@Bean
	NavItem subcommitteeNav() {
		return new NavItem(23, "nav.menu.registry", "nav.subcommittee", "/subcommittee", SCOPED, "people");
	}

	@Bean
	NavItem securityStaffNav() {
		return new NavItem(24, "nav.menu.registry", "nav.securityStaff", "/staff/gaps", SCOPED, "person-badge");
	}

}
