package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.InvalidInputException;
import vn.khien.registry.Agencies;

@KhienTest
class SystemApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	SystemManagement management;

	@Autowired
	SystemProducts products;

	@Autowired
	Systems systems;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	SystemFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SystemFixtures(management, systems, agencies);
	}

	String json(String code, long owner, String extra) {
		return "{\"code\":\"" + code + "\",\"name\":\"Hệ thống thử\",\"ownerAgencyId\":" + owner
				+ ",\"lifecycle\":\"OPERATING\",\"hosting\":\"OWN_PREMISES\"" + extra + "}";
	}

	long countByCode(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM information_system WHERE code = :c")
			.param("c", code)
			.query(Long.class)
			.single();
	}

	@Test
	void officerSeesOwnAgencySystemsAndSharedOnesReadOnlyButNotOtherDepartments() {
		InformationSystem own = fixtures.system("SYT-2", false);
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT", "STC"));
		InformationSystem other = fixtures.system("SGDDT", false);
		String officer = logins.bearer("officer");
		var list = assertThat(mvc.get().uri("/api/v1/systems?size=500").header("Authorization", officer)).hasStatusOk()
			.bodyJson();
		list.extractingPath("$.items[*].code")
			.asArray()
			.contains(own.code(), shared.code())
			.doesNotContain(other.code());
		list.extractingPath("$.items[?(@.code=='" + shared.code() + "')].editable").asArray().containsExactly(false);
		list.extractingPath("$.items[?(@.code=='" + own.code() + "')].editable").asArray().containsExactly(true);
		assertThat(mvc.get().uri("/api/v1/systems/{id}", shared.id()).header("Authorization", officer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.editable")
			.isEqualTo(false);
		assertThat(mvc.get().uri("/api/v1/systems/{id}", other.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/systems/{id}/products", other.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/systems/{id}/users", other.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void officerOfAnotherAgencyGetsNotFoundOnEveryWrite() {
		InformationSystem other = fixtures.system("SGDDT", false);
		String officer = logins.bearer("officer");
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}", other.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(other.code(), fixtures.agency("SYT"), ""))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/v1/systems/{id}", other.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/api/v1/systems/{id}/products", other.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"vendor\":\"V\",\"product\":\"P\",\"origin\":\"DOMESTIC\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}/users", other.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencies\":[\"SYT\"]}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(systems.get(other.id())).isEqualTo(other);
	}

	@Test
	void userAgencyOfficerGetsForbiddenOnSharedSystemWritesAndNothingChanges() {
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT"));
		String officer = logins.bearer("officer");
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}", shared.id())
			.header("Authorization", officer)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(shared.code(), fixtures.agency("SYT"), ""))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("This system is read-only for its user agencies; only the owner may change it.");
		assertThat(mvc.delete().uri("/api/v1/systems/{id}", shared.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/api/v1/systems/{id}/products", shared.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"vendor\":\"V\",\"product\":\"P\",\"origin\":\"DOMESTIC\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}/users", shared.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencies\":[\"SYT-1\"]}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(systems.get(shared.id())).isEqualTo(shared);
		assertThat(systems.userAgencyIds(shared.id())).containsExactly(fixtures.agency("SYT"));
		assertThat(products.of(shared.id())).isEmpty();
	}

	@Test
	void officerCreatesAndEditsSystemsOfOwnAgencyAndItsUnits() {
		String officer = logins.bearer("officer");
		String code = SystemFixtures.code("SYT");
		long id = ((Number) assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, fixtures.agency("SYT-4"),
					",\"handlesPersonalData\":true,\"personalSubjectsSensitive\":1200")))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.id")
			.asNumber()
			.actual()).longValue();
		assertThat(systems.get(id).personalSubjectsSensitive()).isEqualTo(1200);
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}", id)
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, fixtures.agency("SYT-4"), ",\"userCount\":77"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.userCount")
			.isEqualTo(77);
		assertThat(systems.get(id).handlesPersonalData()).isFalse();
		assertThat(jdbc.sql(
				"SELECT action FROM audit_entry WHERE entity_type = 'information_system' AND entity_id = :id ORDER BY seq")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void readOnlyRolesGetForbiddenOnWrites() {
		InformationSystem other = fixtures.system("SGDDT", false);
		for (String user : List.of("leader", "police")) {
			String token = logins.bearer(user);
			assertThat(mvc.get().uri("/api/v1/systems/{id}", other.id()).header("Authorization", token)).hasStatusOk();
			assertThat(mvc.post()
				.uri("/api/v1/systems")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(SystemFixtures.code("X"), fixtures.agency("SGDDT"), ""))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.put()
				.uri("/api/v1/systems/{id}", other.id())
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(other.code(), fixtures.agency("SGDDT"), ""))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.delete().uri("/api/v1/systems/{id}", other.id()).header("Authorization", token))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/api/v1/systems").header("Authorization", logins.bearer("assessor")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(systems.get(other.id())).isEqualTo(other);
	}

	@Test
	void garbageInputGetsAClearProblemAndNothingIsStored() {
		String operator = logins.bearer("operator");
		long owner = fixtures.agency("SYT");
		String code = SystemFixtures.code("BAD");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Dữ liệu không đọc được");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, owner, "").replace("OPERATING", "DESTROYED"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unreadable input");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, owner, ",\"userCount\":-5"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("userCount");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, owner, "").replace("Hệ thống thử", "x".repeat(300)))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("name");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"no code\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.hasSizeGreaterThanOrEqualTo(4);
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, 987654321L, ""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("System owner 987654321 was not found in your scope.");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, owner, ",\"stateSecretGrade\":\"SECRET\",\"internetFacing\":true")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Hệ thống xử lý bí mật nhà nước không được kết nối Internet.");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, owner, ",\"hosting\":\"CLOUD\"").replace("\"hosting\":\"OWN_PREMISES\",", "")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("cloudProvider");
		assertThat(mvc.get().uri("/api/v1/systems?level=abc").header("Authorization", operator))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(countByCode(code)).isZero();
	}

	@Test
	void officerCannotCreateSystemsForAgenciesOutsideTheirScope() {
		String code = SystemFixtures.code("SGDDT");
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", logins.bearer("officer"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, fixtures.agency("SGDDT"), ""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("ownerAgencyId");
		assertThat(countByCode(code)).isZero();
	}

	@Test
	void duplicateCodeIsAConflict() {
		InformationSystem existing = fixtures.system("SYT", false);
		assertThat(mvc.post()
			.uri("/api/v1/systems")
			.header("Authorization", logins.bearer("operator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(existing.code(), fixtures.agency("SYT"), ""))).hasStatus(HttpStatus.CONFLICT);
		assertThat(countByCode(existing.code())).isEqualTo(1);
	}

	@Test
	void agencyFilterTakesDescendantsAndPagingAnswersTotals() {
		InformationSystem unit = fixtures.system("SYT-7", false);
		InformationSystem other = fixtures.system("SGDDT", false);
		String admin = logins.bearer("admin");
		assertThat(mvc.get().uri("/api/v1/systems?agency=SYT&size=500").header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.contains(unit.code())
			.doesNotContain(other.code());
		assertThat(mvc.get()
			.uri("/api/v1/systems?agency={id}&size=500", fixtures.agency("SYT-7"))
			.header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.contains(unit.code());
		var page = assertThat(mvc.get().uri("/api/v1/systems?size=1&page=1&sort=-code").header("Authorization", admin))
			.hasStatusOk()
			.bodyJson();
		page.extractingPath("$.items").asArray().hasSize(1);
		page.extractingPath("$.page").isEqualTo(1);
		page.extractingPath("$.total").asNumber().satisfies(t -> assertThat(t.longValue()).isGreaterThan(2));
		assertThat(mvc.get()
			.uri("/api/v1/systems?agency=SGDDT")
			.header("Authorization", logins.bearer("officer"))
			.header("Accept-Language", "en")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Agency \"SGDDT\" was not found in your scope.");
	}

	@Test
	void filtersNarrowTheList() {
		String admin = logins.bearer("admin");
		assertThat(mvc.get().uri("/api/v1/systems?stateSecret=true&size=500").header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].stateSecretGrade")
			.asArray()
			.isNotEmpty()
			.doesNotContain("NONE");
		assertThat(mvc.get().uri("/api/v1/systems?shared=true&critical=true&size=500").header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.contains("LH-TSLCD", "LH-TTHC")
			.doesNotContain("LH-HNTH", "CAT-NV");
		assertThat(mvc.get()
			.uri("/api/v1/systems?personalData=true&level=3&lifecycle=OPERATING&size=500")
			.header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.contains("SYT-1-HIS")
			.doesNotContain("SGDDT-CSDL");
		assertThat(mvc.get().uri("/api/v1/systems?productWarning=true&size=500").header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.contains("LH-TTHC", "LH-QLVB", "SYT-1-HIS", "STC-QLNS")
			.doesNotContain("LH-HNTH", "LH-TSLCD", "SYT-5-HIS");
		assertThat(mvc.get().uri("/api/v1/systems?productWarning=false&size=500").header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.contains("LH-HNTH", "SYT-5-HIS")
			.doesNotContain("LH-TTHC");
	}

	@Test
	void exportHoldsOnlyWhatTheUserMaySee() throws Exception {
		InformationSystem own = fixtures.system("SYT", false);
		InformationSystem shared = fixtures.shared("SKHCN", List.of("SYT-1"));
		InformationSystem other = fixtures.system("SGDDT", false);
		String body = mvc.get()
			.uri("/api/v1/systems/export.csv?size=1")
			.header("Authorization", logins.bearer("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF").contains(own.code(), shared.code()).doesNotContain(other.code());
		String all = mvc.get()
			.uri("/api/v1/systems/export.csv?q={q}", other.code())
			.header("Authorization", logins.bearer("leader"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(all).contains(other.code()).doesNotContain(own.code());
	}

	@Test
	void deletingASystemWithHostsRetiresIt() throws Exception {
		InformationSystem withHost = fixtures.system("SYT", false);
		SystemFixtures.asset(jdbc, fixtures.agency("SYT"), withHost.id(), SystemFixtures.code("host"));
		InformationSystem plain = fixtures.system("SYT", false);
		String officer = logins.bearer("officer");
		assertThat(mvc.get().uri("/api/v1/systems/{id}", withHost.id()).header("Authorization", officer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.hostCount")
			.isEqualTo(1);
		assertThat(mvc.delete().uri("/api/v1/systems/{id}", withHost.id()).header("Authorization", officer))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.lifecycle")
			.isEqualTo("RETIRED");
		assertThat(mvc.delete().uri("/api/v1/systems/{id}", plain.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(systems.find(plain.id())).isEmpty();
		assertThat(systems.get(withHost.id()).lifecycle()).isEqualTo(SystemLifecycle.RETIRED);
	}

	@Test
	void productsCarryTheDomesticAlternativeWarning() {
		InformationSystem egov = fixtures.system("SYT", true);
		InformationSystem plain = fixtures.system("SYT", false);
		String officer = logins.bearer("officer");
		String foreign = "{\"vendor\":\"Globex\",\"product\":\"Globex DB\",\"version\":\"9\",\"origin\":\"FOREIGN\","
				+ "\"domesticAlternative\":\"HồngLạc DB\"}";
		assertThat(mvc.post()
			.uri("/api/v1/systems/{id}/products", egov.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(foreign)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.domesticAlternativeWarning")
			.isEqualTo(true);
		assertThat(mvc.post()
			.uri("/api/v1/systems/{id}/products", plain.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(foreign)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.domesticAlternativeWarning")
			.isEqualTo(false);
		systems.setSecurityLevel(plain.id(), 3, null);
		assertThat(mvc.get().uri("/api/v1/systems/{id}/products", plain.id()).header("Authorization", officer))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].domesticAlternativeWarning")
			.isEqualTo(true);
		assertThat(mvc.post()
			.uri("/api/v1/systems/{id}/products", plain.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"vendor\":\"\",\"product\":\"P\",\"origin\":\"MARS\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		long productId = products.of(plain.id()).get(0).id();
		assertThat(mvc.delete()
			.uri("/api/v1/systems/{id}/products/{p}", plain.id(), productId)
			.header("Authorization", officer)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.delete()
			.uri("/api/v1/systems/{id}/products/{p}", egov.id(), productId)
			.header("Authorization", officer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(products.of(plain.id())).isEmpty();
		assertThat(products.of(egov.id())).hasSize(1);
	}

	@Test
	void ownerSetsUserAgenciesWhoThenSeeTheSystemReadOnly() {
		InformationSystem system = fixtures.system("SKHCN", false);
		String operator = logins.bearer("operator");
		assertThat(
				mvc.get().uri("/api/v1/systems/{id}", system.id()).header("Authorization", logins.bearer("officer2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}/users", system.id())
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencies\":[\"SGDDT\",\"NO-SUCH-AGENCY\"]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Agency \"NO-SUCH-AGENCY\" was not found in your scope.");
		assertThat(systems.userAgencyIds(system.id())).isEmpty();
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}/users", system.id())
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencies\":[\"SGDDT\",\"" + fixtures.agency("SYT") + "\",\"SKHCN\"]}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.agencyIds")
			.asArray()
			.hasSize(2);
		assertThat(systems.get(system.id()).shared()).isTrue();
		assertThat(
				mvc.get().uri("/api/v1/systems/{id}", system.id()).header("Authorization", logins.bearer("officer2")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.editable")
			.isEqualTo(false);
		assertThat(mvc.put()
			.uri("/api/v1/systems/{id}/users", system.id())
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencies\":[]}")).hasStatusOk();
		assertThat(systems.get(system.id()).shared()).isFalse();
	}

	@Test
	void securityLevelsOutsideOneToFiveAreRefused() {
		InformationSystem system = fixtures.system("SYT", false);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> systems.setSecurityLevel(system.id(), 6, null))
			.isInstanceOf(InvalidInputException.class);
		assertThat(systems.setSecurityLevel(system.id(), 2, 2).securityLevel()).isEqualTo(2);
	}

	@Test
	void openApiDocumentsTheSystemsEndpoints() {
		assertThat(mvc.get().uri("/api/docs/openapi.json")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/v1/systems", "/api/v1/systems/{id}", "/api/v1/systems/{id}/products",
					"/api/v1/systems/{id}/users", "/api/v1/systems/export.csv");
	}

}
