package vn.khien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import jakarta.annotation.security.PermitAll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access is declared on every handler, so a forgotten rule cannot silently open an
 * endpoint.
 */
@AnalyzeClasses(packages = "vn.khien", importOptions = ImportOption.DoNotIncludeTests.class)
class AccessRulesTests {

	@ArchTest
	static final ArchRule everyHandlerDeclaresWhoMayCallIt = methods().that()
		.areDeclaredInClassesThat()
		.areMetaAnnotatedWith(Controller.class)
		.and()
		.areMetaAnnotatedWith(RequestMapping.class)
		.and()
		.doNotHaveModifier(JavaModifier.PRIVATE)
		.and()
		.doNotHaveModifier(JavaModifier.PROTECTED)
		.should(new ArchCondition<JavaMethod>("carry @PreAuthorize or @PermitAll (on the method or its class)") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				boolean guarded = method.isAnnotatedWith(PreAuthorize.class) || method.isAnnotatedWith(PermitAll.class)
						|| method.getOwner().isAnnotatedWith(PreAuthorize.class)
						|| method.getOwner().isAnnotatedWith(PermitAll.class);
				events.add(new SimpleConditionEvent(method, guarded, method.getFullName()
						+ (guarded ? " is guarded" : " has neither @PreAuthorize nor @PermitAll")));
			}
		});

	@Test
	void ruleCatchesAnUnguardedHandler() {
		var classes = new ClassFileImporter().importClasses(Unguarded.class, Guarded.class);
		var result = everyHandlerDeclaresWhoMayCallIt.evaluate(classes);
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).hasSize(1).first().asString().contains("Unguarded.open()");
	}

	@RestController
	abstract static class Unguarded {

		// NB: abstract, so component scanning of the test
		// context ignores it

		@GetMapping("/test-only/open")
		String open() {
			return "";
		}

	}

	@RestController
	@PreAuthorize("isAuthenticated()")
	abstract static class Guarded {

		@GetMapping("/test-only/guarded")
		String guarded() {
			return "";
		}

	}

}
