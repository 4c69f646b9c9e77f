package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.khien.SignedIn;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;

@KhienTest
class SystemPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SystemManagement management;

	@Autowired
	SystemProducts products;

	@Autowired
	Systems systems;

	@Autowired
	Agencies agencies;

	SystemFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SystemFixtures(management, systems, agencies);
	}

	/** Signs in through the login form, as a browser does, and answers the session. */
	SignedIn login(String username) {
		return TestLogins.signIn(mvc, username, TestLogins.DEMO_PASSWORD);
	}

	String page(SignedIn session, String uri, Object... vars) throws Exception {
		var result = mvc.get().uri(uri, vars).with(session).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void officerListsOwnAndSharedSystemsButNotOtherDepartments() throws Exception {
		InformationSystem own = fixtures.system("SYT-3", false);
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT"));
		InformationSystem other = fixtures.system("SGDDT", false);
		SignedIn officer = login("officer");
		String html = page(officer, "/systems?size=500");
		assertThat(html).contains(own.code(), shared.code(), "/systems/export.csv").doesNotContain(other.code());
		assertThat(mvc.get().uri("/systems/{id}", other.id()).with(officer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/systems/{id}/edit", other.id()).with(officer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(page(officer, "/systems?q={q}", "văn bản"))
			.contains("href=\"/systems/export.csv?q=v%C4%83n%20b%E1%BA%A3n\"")
			.contains("LH-QLVB");
		String csv = page(officer, "/systems/export.csv?q=-T");
		assertThat(csv).contains(own.code(), shared.code()).doesNotContain(other.code());
	}

	@Test
	void sharedSystemIsReadOnlyForItsUserAgencies() throws Exception {
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT"));
		SignedIn officer = login("officer");
		String html = page(officer, "/systems/{id}", shared.id());
		assertThat(html).contains("id=\"read-only\"").doesNotContain("id=\"edit-system\"", "id=\"product-form\"");
		assertThat(mvc.get().uri("/systems/{id}/edit", shared.id()).with(officer)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/systems/{id}", shared.id())
			.with(officer)
			.with(csrf())
			.param("code", shared.code())
			.param("name", "Đổi tên")
			.param("ownerAgencyId", String.valueOf(fixtures.agency("SYT")))
			.param("lifecycle", "OPERATING")
			.param("hosting", "OWN_PREMISES")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/systems/{id}/products", shared.id())
			.with(officer)
			.with(csrf())
			.param("vendor", "V")
			.param("product", "P")
			.param("origin", "DOMESTIC")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(systems.get(shared.id()).name()).isEqualTo(shared.name());
		assertThat(products.of(shared.id())).isEmpty();
	}

	@Test
	void leadershipReadsButGetsNoWritePages() throws Exception {
		InformationSystem other = fixtures.system("SGDDT", false);
		SignedIn leader = login("leader");
		assertThat(page(leader, "/systems/{id}", other.id())).contains(other.code()).contains("id=\"read-only\"");
		assertThat(mvc.get().uri("/systems/new").with(leader)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/systems/{id}/delete", other.id()).with(leader).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(systems.find(other.id())).isPresent();
	}

	@Test
	void formShowsErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
		SignedIn officer = login("officer");
		String code = SystemFixtures.code("SYT");
		var result = mvc.post()
			.uri("/systems")
			.with(officer)
			.with(csrf())
			.param("code", code)
			.param("name", "Phần mềm kế hoạch")
			.param("ownerAgencyId", String.valueOf(fixtures.agency("SYT")))
			.param("lifecycle", "OPERATING")
			.param("hosting", "CLOUD")
			.param("userCount", "-3")
			.exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("is-invalid", "Giá trị phải từ 0 trở lên.", "Phần mềm kế hoạch");
		assertThat(systems.findByCode(code)).isEmpty();
		var again = mvc.post()
			.uri("/systems")
			.with(officer)
			.with(csrf())
			.param("code", code)
			.param("name", "Phần mềm kế hoạch")
			.param("ownerAgencyId", String.valueOf(fixtures.agency("SYT")))
			.param("lifecycle", "OPERATING")
			.param("hosting", "CLOUD")
			.exchange();
		assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Hãy ghi nhà cung cấp điện toán đám mây.");
		assertThat(systems.findByCode(code)).isEmpty();
	}

	@Test
	void officerCreatesASystemAndAddsAForeignProductThatWarns() throws Exception {
		SignedIn officer = login("officer");
		String code = SystemFixtures.code("SYT");
		var created = mvc.post()
			.uri("/systems")
			.with(officer)
			.with(csrf())
			.param("code", code)
			.param("name", "Cổng dịch vụ y tế")
			.param("ownerAgencyId", String.valueOf(fixtures.agency("SYT")))
			.param("lifecycle", "OPERATING")
			.param("hosting", "OWN_PREMISES")
			.param("egovernment", "true")
			.param("_egovernment", "on")
			.param("_critical", "on")
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		InformationSystem system = systems.findByCode(code).orElseThrow();
		assertThat(system.eGovernment()).isTrue();
		assertThat(system.critical()).isFalse();
		assertThat(mvc.post()
			.uri("/systems/{id}/products", system.id())
			.with(officer)
			.with(csrf())
			.param("vendor", "Globex")
			.param("product", "Globex DB")
			.param("origin", "FOREIGN")
			.param("domesticAlternative", "HồngLạc DB")).hasStatus(HttpStatus.FOUND);
		assertThat(page(officer, "/systems/{id}", system.id())).contains("domestic-warning", "Globex DB");
		assertThat(page(officer, "/systems/{id}/edit", system.id())).contains(code);
	}

	@Test
	void demoWarningIsShownOnTheSharedProcedureSystem() throws Exception {
		InformationSystem tthc = systems.findByCode("LH-TTHC").orElseThrow();
		assertThat(page(login("operator"), "/systems/{id}", tthc.id())).contains("domestic-warning");
	}

	@Test
	void ownerSetsUserAgenciesOnTheDetailPageAndUnknownCodesAreRefusedInline() throws Exception {
		InformationSystem system = fixtures.system("SKHCN", false);
		SignedIn operator = login("operator");
		var refused = mvc.post()
			.uri("/systems/{id}/users", system.id())
			.with(operator)
			.with(csrf())
			.param("agencies", "SYT, KHONG-CO")
			.exchange();
		assertThat(refused).hasStatusOk();
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("is-invalid", "KHONG-CO");
		assertThat(systems.userAgencyIds(system.id())).isEmpty();
		assertThat(mvc.post()
			.uri("/systems/{id}/users", system.id())
			.with(operator)
			.with(csrf())
			.param("agencies", "SYT\nSGDDT")).hasStatus(HttpStatus.FOUND);
		assertThat(systems.userAgencyIds(system.id())).containsExactlyInAnyOrder(fixtures.agency("SYT"),
				fixtures.agency("SGDDT"));
		assertThat(page(login("officer2"), "/systems/{id}", system.id())).contains("id=\"read-only\"");
	}

}
