package vn.khien.inspection.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/**
 * Inspections in the compliance menu: the plans, and the corrective actions to follow up.
 */
@Configuration
class InspectionNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.RESPONDER, Role.AGENCY_OFFICER);

	@Bean
	NavItem inspectionPlansNav() {
		return new NavItem(60, "nav.menu.compliance", "nav.inspectionPlans", "/inspection-plans", READERS,
				"clipboard-check");
	}

	@Bean
	NavItem inspectionActionsNav() {
		return new NavItem(61, "nav.menu.compliance", "nav.inspectionActions", "/inspection-actions", READERS,
				"list-check");
	}

}
