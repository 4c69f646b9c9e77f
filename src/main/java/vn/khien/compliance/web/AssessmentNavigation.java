package vn.khien.compliance.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.Role;

/** The assessments' entries of the compliance menu. */
@Configuration
class AssessmentNavigation {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.ASSESSOR);

	@Bean
	NavItem assessmentsNav() {
		return new NavItem(70, "nav.menu.compliance", "nav.assessments", "/assessments", READERS, "clipboard-check");
	}

	@Bean
	NavItem assessmentActionsNav() {
		return new NavItem(71, "nav.menu.compliance", "nav.assessmentActions", "/assessment-actions", READERS,
				"list-check");
	}

	@Bean
	NavItem protectionLayersNav() {
		return new NavItem(73, "nav.menu.compliance", "nav.protectionLayers", "/protection",
				Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.AGENCY_OFFICER),
				"layers");
	}

	@Bean
	NavItem assessmentEngagementsNav() {
		return new NavItem(72, "nav.menu.compliance", "nav.assessmentEngagements", "/assessment-engagements", READERS,
				"person-badge");
	}

}
