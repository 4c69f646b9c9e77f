package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class SecurityStaffApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Autowired
	FocalPoints focalPoints;

	@Autowired
	SecurityStaffing staffing;

	ContactsFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ContactsFixtures(management, agencies, focalPoints);
	}

	@Test
	void officerOfAnotherAgencyGetsNotFound() {
		long education = fixtures.id("SGDDT");
		String officer = logins.bearer("officer");
		int before = staffing.headcount(education).actual();
		assertThat(mvc.get().uri("/api/v1/agencies/{id}/staff", education).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/staff", education)
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Chen ngang\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put()
			.uri("/api/v1/agencies/{id}/staff/needed", education)
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"needed\":9}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(staffing.headcount(education).actual()).isEqualTo(before);
	}

	@Test
	void gapsListOnlyAgenciesInScope() throws Exception {
		Agency school = fixtures.agency("STF-EDU", "SGDDT", AgencyKind.PUBLIC_SERVICE_UNIT);
		staffing.setNeeded(school.id(), 3);
		String officerView = mvc.get()
			.uri("/api/v1/staff/gaps?size=500")
			.header("Authorization", logins.bearer("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(officerView).doesNotContain(school.code()).doesNotContain("\"code\":\"SGDDT\"");
		assertThat(mvc.get()
			.uri("/api/v1/staff/gaps?q={q}", school.code())
			.header("Authorization", logins.bearer("officer2"))).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat((Integer) com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.items[0].gap")).isEqualTo(3);
				assertThat((Integer) com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.items[0].actual")).isZero();
			});
		assertThat(mvc.get().uri("/api/v1/staff/gaps?size=500").header("Authorization", logins.bearer("leader")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.asNumber()
			.satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(3));
	}

	@Test
	void officerRecordsOwnStaffAndNeed() {
		Agency unit = fixtures.agency("STF-HEALTH", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		String officer = logins.bearer("officer");
		assertThat(mvc.put()
			.uri("/api/v1/agencies/{id}/staff/needed", unit.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"needed\":2}")).hasStatusOk().bodyJson().extractingPath("$.gap").isEqualTo(2);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/staff", unit.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Kỹ sư ATTT\",\"qualification\":\"CISSP\",\"since\":\"2024-03-01\"}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/api/v1/agencies/{id}/staff", unit.id()).header("Authorization", officer))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat((Integer) com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.gap")).isEqualTo(1);
				assertThat((Integer) com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.actual")).isEqualTo(1);
				assertThat(json.getJson()).contains("CISSP");
			});
	}

	@Test
	void readOnlyRolesGetForbidden() {
		long health = fixtures.id("SYT");
		int before = staffing.headcount(health).needed();
		for (String user : new String[] { "leader", "police" }) {
			assertThat(mvc.put()
				.uri("/api/v1/agencies/{id}/staff/needed", health)
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"needed\":99}")).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/api/v1/agencies/{id}/staff", health)
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"X\"}")).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(
				mvc.get().uri("/api/v1/agencies/{id}/staff", health).header("Authorization", logins.bearer("leader")))
			.hasStatusOk();
		assertThat(staffing.headcount(health).needed()).isEqualTo(before);
	}

	@Test
	void garbageIsRefusedWithAProblemAndChangesNothing() {
		Agency unit = fixtures.agency("STF-BAD", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		String operator = logins.bearer("operator");
		assertThat(mvc.put()
			.uri("/api/v1/agencies/{id}/staff/needed", unit.id())
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"needed\":-1}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("needed");
		assertThat(mvc.put()
			.uri("/api/v1/agencies/{id}/staff/needed", unit.id())
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"needed\":\"nhiều\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/staff", unit.id())
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "s".repeat(256) + "\",\"email\":\"khong-phai-email\",\"since\":\"31/12/2024\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/staff", unit.id())
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "s".repeat(256) + "\",\"email\":\"khong-phai-email\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies(
					json -> assertThat(json.getJson()).contains("\"field\":\"email\"").contains("\"field\":\"name\""));
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/staff", 987654321L)
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Ai đó\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(staffing.headcount(unit.id())).extracting(SecurityStaffGap::needed, SecurityStaffGap::actual)
			.containsExactly(0, 0);
	}

}
