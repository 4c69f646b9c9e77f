package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class FocalPointApiTests {

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
	JdbcClient jdbc;

	ContactsFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ContactsFixtures(management, agencies, focalPoints);
	}

	private long count(long agencyId) {
		return jdbc.sql("SELECT COUNT(*) FROM focal_point WHERE agency_id = :a")
			.param("a", agencyId)
			.query(Long.class)
			.single();
	}

	private long historyRows(long agencyId, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM focal_point_history WHERE agency_id = :a AND action = :action")
			.param("a", agencyId)
			.param("action", action)
			.query(Long.class)
			.single();
	}

	@Test
	void officerOfAnotherAgencyGetsNotFound() {
		Agency school = fixtures.agency("FPT-EDU", "SGDDT", AgencyKind.PUBLIC_SERVICE_UNIT);
		FocalPoint other = fixtures.focalPoint(school.id(), FocalPointDuty.MONITORING, "Người ngoài phạm vi");
		String officer = logins.bearer("officer");
		assertThat(mvc.get().uri("/api/v1/focal-points/{id}", other.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/agencies/{id}/focal-points", school.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/focal-points/history", school.id())
			.header("Authorization", officer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/focal-points?agency=SGDDT").header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/focal-points?q={q}&size=500", school.code()).header("Authorization", officer))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
		assertThat(mvc.get()
			.uri("/api/v1/focal-points?q={q}", school.code())
			.header("Authorization", logins.bearer("officer2"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(1);
	}

	@Test
	void officerCannotChangeFocalPointsOfAnotherAgency() {
		Agency school = fixtures.agency("FPT-EDU", "SGDDT", AgencyKind.PUBLIC_SERVICE_UNIT);
		FocalPoint other = fixtures.focalPoint(school.id(), FocalPointDuty.MONITORING, "Người ngoài phạm vi");
		String officer = logins.bearer("officer");
		assertThat(mvc.put()
			.uri("/api/v1/focal-points/{id}", other.id())
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"duty\":\"MONITORING\",\"name\":\"Đổi tên\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/v1/focal-points/{id}", other.id()).header("Authorization", officer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/focal-points/confirm", school.id())
			.header("Authorization", officer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", officer)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\":" + school.id() + ",\"duty\":\"MONITORING\",\"name\":\"Chen ngang\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("agencyId");
		assertThat(focalPoints.get(other.id()).name()).isEqualTo("Người ngoài phạm vi");
		assertThat(count(school.id())).isEqualTo(1);
	}

	@Test
	void officerRegistersFocalPointsOfOwnUnitsAndEveryChangeIsKept() throws Exception {
		Agency unit = fixtures.agency("FPT-HEALTH", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		String officer = logins.bearer("officer");
		String body = mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\":" + unit.id() + ",\"duty\":\"INCIDENT_RESPONSE\",\"name\":\"Nguyễn Thị Ứng\","
					+ "\"phone\":\"0912 111 222\",\"email\":\"ung@example.invalid\",\"outOfHours\":\"0912 111 222\"}")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("\"primary\":true").contains("Nguyễn Thị Ứng");
		long id = focalPoints.ofAgency(unit.id()).get(0).id();
		assertThat(mvc.put()
			.uri("/api/v1/focal-points/{id}", id)
			.header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"duty\":\"INCIDENT_RESPONSE\",\"name\":\"Nguyễn Thị Ứng\",\"phone\":\"0988 000 111\"}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.phone")
			.isEqualTo("0988 000 111");
		assertThat(historyRows(unit.id(), "CREATE")).isEqualTo(1);
		assertThat(historyRows(unit.id(), "UPDATE")).isEqualTo(1);
		assertThat(
				mvc.get().uri("/api/v1/agencies/{id}/focal-points/history", unit.id()).header("Authorization", officer))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json.getJson()).contains("0912 111 222")
				.contains("0988 000 111")
				.contains("\"changedBy\":\"officer\""));
		assertThat(mvc.delete().uri("/api/v1/focal-points/{id}", id).header("Authorization", officer))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(focalPoints.ofAgency(unit.id())).isEmpty();
		assertThat(historyRows(unit.id(), "RETIRE")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'focal_point' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void onlyOnePrimaryPerDuty() {
		Agency unit = fixtures.agency("FPT-PRI", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		FocalPoint first = fixtures.focalPoint(unit.id(), FocalPointDuty.MONITORING, "Thứ nhất");
		assertThat(first.primary()).isTrue();
		FocalPoint second = focalPoints.create(
				new FocalPoint.Details(unit.id(), FocalPointDuty.MONITORING, "Thứ hai", null, null, null, null, true));
		assertThat(second.primary()).isTrue();
		assertThat(focalPoints.get(first.id()).primary()).isFalse();
		focalPoints.retire(second.id());
		assertThat(focalPoints.get(first.id()).primary()).isTrue();
	}

	@Test
	void confirmUnchangedCountsAsConfirmedToday() {
		Agency unit = fixtures.agency("FPT-CONF", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		FocalPoint fp = fixtures.focalPoint(unit.id(), FocalPointDuty.MONITORING, "Xác nhận");
		jdbc.sql("UPDATE focal_point SET confirmed_on = :d WHERE id = :id")
			.param("d", java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)))
			.param("id", fp.id())
			.update();
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/focal-points/confirm", unit.id())
			.header("Authorization", logins.bearer("officer"))).hasStatusOk();
		assertThat(focalPoints.get(fp.id()).confirmedOn()).isEqualTo(FocalPoints.today());
		assertThat(historyRows(unit.id(), "CONFIRM")).isEqualTo(1);
	}

	@Test
	void confirmWithoutFocalPointsIsRefused() {
		Agency unit = fixtures.agency("FPT-EMPTY", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/{id}/focal-points/confirm", unit.id())
			.header("Authorization", logins.bearer("officer"))
			.header("Accept-Language", "en")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The agency has no focal point to confirm; add one first.");
	}

	@Test
	void readOnlyRolesGetForbidden() {
		long health = fixtures.id("SYT");
		FocalPoint fp = focalPoints.ofAgency(health).get(0);
		String body = "{\"agencyId\":" + health + ",\"duty\":\"MONITORING\",\"name\":\"Không được\"}";
		for (String user : new String[] { "leader", "police", "responder", "assessor" }) {
			assertThat(mvc.post()
				.uri("/api/v1/focal-points")
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.put()
				.uri("/api/v1/focal-points/{id}", fp.id())
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/api/v1/agencies/{id}/focal-points/confirm", health)
				.header("Authorization", logins.bearer(user))).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/api/v1/focal-points/{id}", fp.id()).header("Authorization", logins.bearer("leader")))
			.hasStatusOk();
		assertThat(focalPoints.get(fp.id()).name()).isEqualTo(fp.name());
	}

	@Test
	void garbageIsRefusedWithAProblemAndChangesNothing() {
		Agency unit = fixtures.agency("FPT-BAD", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		String operator = logins.bearer("operator");
		assertThat(mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", operator)
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Dữ liệu không đọc được");
		assertThat(mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\":" + unit.id() + ",\"duty\":\"SLEEPING\",\"name\":\"X\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\":" + unit.id() + ",\"duty\":\"MONITORING\",\"name\":\"" + "x".repeat(300)
					+ "\",\"email\":\"not-an-email\",\"phone\":\"call me\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies(json -> assertThat(json.getJson()).contains("\"field\":\"name\"")
				.contains("\"field\":\"email\"")
				.contains("\"field\":\"phone\""));
		assertThat(mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\":987654321,\"duty\":\"MONITORING\",\"name\":\"Ai đó\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Agency 987,654,321 does not exist or you may not update its focal points.");
		assertThat(mvc.post()
			.uri("/api/v1/focal-points")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"duty\":\"MONITORING\",\"name\":\"Ai đó\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The agency (agencyId) is required.");
		assertThat(mvc.get().uri("/api/v1/focal-points?duty=SLEEPING").header("Authorization", operator))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(count(unit.id())).isZero();
	}

}
