package vn.khien.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Code that runs with nobody signed in sees nothing and changes nothing, unless it runs
 * as a named {@link SystemPrincipal}; background work is started only in ways that give
 * it one.
 */
class FailClosedTests {

	static final com.tngtech.archunit.core.domain.JavaClasses APPLICATION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.khien");

	// the health department (1) has units 2 and 3
	final CurrentUser currentUser = new CurrentUser(id -> id == 1 ? Set.of(1L, 2L, 3L) : Set.of(id));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void withNobodySignedInTheScopeIsEmptyAndEveryEditIsRefused() {
		SecurityContextHolder.clearContext();
		assertThat(currentUser.scope()).isEqualTo(AgencyScope.none());
		assertThat(currentUser.scope().filter("agency_id")).isEqualTo("1=0");
		assertThat(currentUser.mayEdit(1L)).isFalse();
		assertThat(currentUser.name()).isEqualTo(CurrentUser.ANONYMOUS);
		assertThat(currentUser.find()).isEmpty();
	}

	@Test
	void aSystemPrincipalHasWhatItNamesAndNothingMore() {
		var reader = SystemPrincipal.of("reader", SystemPrincipal.Permission.READ_PROVINCE);
		reader.run(() -> {
			assertThat(currentUser.scope().unrestricted()).isTrue();
			assertThat(currentUser.mayEdit(1L)).isFalse();
			assertThat(currentUser.name()).isEqualTo("system:reader");
		});
		var nothing = SystemPrincipal.of("nothing");
		nothing.run(() -> {
			assertThat(currentUser.scope()).isEqualTo(AgencyScope.none());
			assertThat(currentUser.mayEdit(1L)).isFalse();
		});
		var writer = SystemPrincipal.of("writer", SystemPrincipal.Permission.READ_PROVINCE,
				SystemPrincipal.Permission.WRITE_PROVINCE);
		writer.run(() -> assertThat(currentUser.mayEdit(7L)).isTrue());
		// and whoever ran before is back afterwards
		assertThat(currentUser.scope()).isEqualTo(AgencyScope.none());
	}

	@Test
	void anOfficerStaysWithinTheirAgencyAndItsUnits() {
		var officer = new KhienUser(10, "o", "O", EnumSet.of(Role.AGENCY_OFFICER), 1L, null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null, Set.of()));
		assertThat(currentUser.scope().agencyIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(currentUser.mayEdit(3L)).isTrue();
		assertThat(currentUser.mayEdit(4L)).isFalse();
	}

	@Test
	void onlyThePlatformSetsWhoCodeRunsAs() {
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackages("vn.khien.platform..")
			.should()
			.accessClassesThat()
			.belongToAnyOf(SecurityContextHolder.class);
		rule.check(APPLICATION);
	}

	@Test
	void scheduledWorkGoesThroughTheQueueWithAPrincipal() {
		noMethods().should().beAnnotatedWith(Scheduled.class).check(APPLICATION);
		noClasses().should().beAnnotatedWith(EnableScheduling.class).check(APPLICATION);
	}

	@Test
	void startUpWorkRunsAsASystemPrincipal() {
		ArchRule rule = classes().that()
			.implement(ApplicationRunner.class)
			.should(new ArchCondition<JavaClass>("run as a SystemPrincipal") {
				@Override
				public void check(JavaClass runner, ConditionEvents events) {
					boolean runsAs = runner.getMethodCallsFromSelf()
						.stream()
						.anyMatch(call -> call.getTargetOwner().isEquivalentTo(SystemPrincipal.class)
								&& (call.getName().equals("run") || call.getName().equals("call")));
					events.add(new SimpleConditionEvent(runner, runsAs,
							runner.getName() + (runsAs ? " runs as" : " does not run as") + " a SystemPrincipal"));
				}
			});
		rule.check(APPLICATION);
	}

}
