package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class AgencyApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Agencies agencies;

	@Test
	void adminSeesTheWholeProvince() {
		assertThat(mvc.get().uri("/api/v1/agencies?size=1").header("Authorization", logins.bearer("admin")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.asNumber()
			.satisfies(total -> assertThat(total.longValue()).isGreaterThanOrEqualTo(810));
	}

	@Test
	void officerSeesOwnDepartmentAndItsUnitsOnly() {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		long healthUnit = agencies.findByCode("SYT-1").orElseThrow().id();
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		String officer = logins.bearer("officer");
		assertThat(mvc.get().uri("/api/v1/agencies/{id}", healthUnit).header("Authorization", officer)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/agencies/{id}", health).header("Authorization", officer)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/agencies/{id}", education).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/agencies?q=THPT&size=500").header("Authorization", officer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
	}

	@Test
	void officerCannotCreateAgencies() {
		assertThat(mvc.post()
			.uri("/api/v1/agencies")
			.header("Authorization", logins.bearer("officer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"X-1\",\"name\":\"X\",\"kind\":\"OTHER\"}")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void garbageJsonGetsAProblemInTheCallersLanguage() {
		assertThat(mvc.post()
			.uri("/api/v1/agencies")
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Dữ liệu không đọc được");
	}

	@Test
	void moveUnderOwnDescendantIsRefused() {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		long healthUnit = agencies.findByCode("SYT-1").orElseThrow().id();
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/move", health)
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\": " + healthUnit + "}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("An agency cannot be moved under itself or one of its sub-units.");
	}

	@Test
	void searchIgnoresDiacriticsAndWildcards() {
		assertThat(mvc.get().uri("/api/v1/agencies?q=so y te").header("Authorization", logins.bearer("leader")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[0].code")
			.isEqualTo("SYT");
		assertThat(mvc.get().uri("/api/v1/agencies?q=%25").header("Authorization", logins.bearer("leader")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
	}

}
