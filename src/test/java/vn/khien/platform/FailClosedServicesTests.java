package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.KhienTest;
import vn.khien.inventory.Assets;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyManagement;

/**
 * The real services, called with nobody signed in (a listener, a task without a
 * principal).
 */
@KhienTest
class FailClosedServicesTests {

	// NB: taken from the context, not injected, so that the test-fixtures principal does
	// not wrap them
	@Autowired
	ApplicationContext context;

	@Test
	void withoutAPrincipalServicesReadNothingAndWriteNothing() {
		Agencies agencies = context.getBean(Agencies.class);
		assertThat(agencies.findByCode("SYT")).isEmpty();
		assertThat(context.getBean(Assets.class).list(Assets.Filter.none(), PageQuery.of(0, 5, null)).items())
			.isEmpty();
		long health = vn.khien.FixturePrincipal.FIXTURES.call(() -> agencies.findByCode("SYT").orElseThrow().id());
		assertThatThrownBy(() -> context.getBean(AgencyManagement.class).deactivate(health))
			.isInstanceOf(NotFoundException.class);
		assertThat(vn.khien.FixturePrincipal.FIXTURES.call(() -> agencies.findByCode("SYT").orElseThrow().status()))
			.hasToString("ACTIVE");
	}

}
