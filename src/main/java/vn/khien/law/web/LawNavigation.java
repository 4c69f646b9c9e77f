package vn.khien.law.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavItem;
import vn.khien.platform.NavMenu;

/** The compliance menu, opened by the rule packs every signed-in user may read. */
@Configuration
class LawNavigation {

	@Bean
	NavMenu complianceMenu() {
		return new NavMenu("nav.menu.compliance", "journal-check");
	}

	@Bean
	NavItem rulePacksNav() {
		return new NavItem(59, "nav.menu.compliance", "nav.rulePacks", "/rule-packs", Set.of(), "book");
	}

}
