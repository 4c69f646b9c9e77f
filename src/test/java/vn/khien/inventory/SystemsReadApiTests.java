package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.khien.KhienTest;
import vn.khien.platform.Accounts;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.registry.Agencies;

/**
 * The public reads other modules use: resolve, belongsTo, mayEdit, all within the
 * caller's scope.
 */
@KhienTest
class SystemsReadApiTests {

	@Autowired
	SystemManagement management;

	@Autowired
	Systems systems;

	@Autowired
	Agencies agencies;

	@Autowired
	Accounts accounts;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	void signIn(String username) {
		Accounts.Account a = accounts.findByUsername(username).orElseThrow();
		var user = new KhienUser(a.id(), a.username(), a.displayName(), a.roles(), a.agencyId(), a.organisationId());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					a.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
	}

	@Test
	void resolveTakesCodeOrIdWithinScopeOnly() {
		var fixtures = new SystemFixtures(management, systems, agencies);
		InformationSystem own = fixtures.system("SYT-8", false);
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT-8"));
		InformationSystem other = fixtures.system("SGDDT", false);
		signIn("officer");
		assertThat(systems.resolve(own.code()).id()).isEqualTo(own.id());
		assertThat(systems.resolve(" " + own.id() + " ").code()).isEqualTo(own.code());
		assertThat(systems.resolve(shared.code()).id()).isEqualTo(shared.id());
		assertThat(systems.mayEdit(own)).isTrue();
		assertThat(systems.mayEdit(shared)).isFalse();
		assertThatThrownBy(() -> systems.resolve(other.code())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> systems.resolve(String.valueOf(other.id()))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> systems.resolve("no such system")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void belongsToCoversOwnerOperatorAndUserAgencies() {
		var fixtures = new SystemFixtures(management, systems, agencies);
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT-8"));
		assertThat(systems.belongsTo(shared.id(), fixtures.agency("SKHCN"))).isTrue();
		assertThat(systems.belongsTo(shared.id(), fixtures.agency("SYT-8"))).isTrue();
		assertThat(systems.belongsTo(shared.id(), fixtures.agency("SGDDT"))).isFalse();
		assertThat(systems.belongsTo(-1, fixtures.agency("SKHCN"))).isFalse();
	}

}
