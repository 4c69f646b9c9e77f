package vn.khien.readiness.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.khien.platform.NavMenu;

/** The readiness menu, which the drills' and the training's items join. */
@Configuration
class ReadinessNavigation {

	@Bean
	NavMenu readinessMenu() {
		return new NavMenu("nav.menu.readiness", "bullseye");
	}

}
