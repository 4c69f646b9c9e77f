package vn.khien.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * Bad input refused clearly with nothing written: attendance files naming unknown
 * agencies or people, repeating a person, or days outside the event, each problem at its
 * line; empty files; garbage JSON, wrong types and unknown words on every endpoint that
 * takes input.
 */
@KhienTest
class TrainingGarbageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aBadAttendanceFileNamesEachProblemAtItsLineAndWritesNothing() throws Exception {
		var api = new TrainingClient(mvc, logins, json);
		var f = new AccessFixtures(context);
		Agency unit = f.unit("SYT");
		LocalDate today = TrainingClient.today();
		long event = api
			.ok(api.post("officer", "/api/v1/trainings", f.json("agencyId", unit.id(), "kind", "conference", "topic",
					"Hội nghị ATTT", "heldFrom", today.toString(), "heldTo", today.toString())), 201)
			.get("id")
			.asLong();
		api.ok(api.post("officer", "/api/v1/trainings/" + event + "/attendees",
				f.json("agency", unit.code(), "fullName", "Phạm Đã Có", "email", "da.co@syt.gov.vn")), 201);
		long before = attendees(event);

		String code = unit.code();
		String csv = "agency,full_name,position,email,staff_id,date\n" // line 1
				+ "KHONG-CO-DON-VI,Người Lạ,,,,\n" // 2: unknown agency
				+ code + ",,,,999999999,\n" // 3: unknown registered person
				+ code + ",Hai Lần,,hai@syt.gov.vn,,\n" // 4
				+ code + ",Hai Lần Nữa,,HAI@syt.gov.vn,,\n" // 5: the same person again
				+ code + ",Ngày Sai,,,," + today.plusDays(3) + "\n" // 6: after the event
				+ code + ",Phạm Đã Có,,da.co@syt.gov.vn,,\n" // 7: already recorded
				+ "SGDDT,Người Sở Khác,,,,\n" // 8: an agency the officer may not record
				+ code + ",Ngày Hỏng,,,,ngày mai\n" // 9: not a date
				+ code + ",Đúng Cả,,dung@syt.gov.vn,,\n"; // 10: fine, but nothing is
															// written
		JsonNode job = api.upload("officer", event, "tham-du.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("state").asString()).isEqualTo("failed");
		List<String> problems = new ArrayList<>();
		job.get("problems").forEach(p -> problems.add(p.get("code").asString() + "@" + p.get("location").asString()));
		assertThat(problems).containsExactly("training.attendee.unknownAgency@line 2",
				"training.attendee.unknownPerson@line 3", "training.import.duplicateRow@line 5",
				"training.attendee.dateOutside@line 6", "training.import.alreadyRecorded@line 7",
				"training.attendee.unknownAgency@line 8", "training.import.dateInvalid@line 9");
		assertThat(job.get("problems").get(2).get("message").asString()).contains("4");
		assertThat(attendees(event)).isEqualTo(before);

		// an empty file, a header alone, a header of unknown columns
		for (String content : List.of("", "agency,full_name\n", "who,when\nx,y\n")) {
			JsonNode empty = api.upload("officer", event, "tham-du.csv", content.getBytes(StandardCharsets.UTF_8));
			assertThat(empty.get("state").asString()).as(content).isEqualTo("failed");
			assertThat(empty.get("error").get("message").asString()).isNotBlank();
		}
		// not a workbook
		JsonNode broken = api.upload("officer", event, "tham-du.xlsx",
				"PK not really".getBytes(StandardCharsets.UTF_8));
		assertThat(broken.get("state").asString()).isEqualTo("failed");
		assertThat(attendees(event)).isEqualTo(before);

		// no file; an event out of the officer's sight
		assertThat(mvc.post()
			.uri("/api/v1/trainings/" + event + "/attendance")
			.multipart()
			.header("Authorization", logins.bearer("officer"))
			.exchange()).hasStatus(400);
		assertThat(api.post("officer2", "/api/v1/trainings/" + event + "/attendees",
				f.json("agency", "SGDDT", "fullName", "Ai Đó")))
			.hasStatus(404);
	}

	@Test
	void garbageOnEveryEndpointIsA400AndWritesNothing() throws Exception {
		var api = new TrainingClient(mvc, logins, json);
		var f = new AccessFixtures(context);
		Agency unit = f.unit("SYT");
		LocalDate today = TrainingClient.today();
		long event = api.ok(api.post("operator", "/api/v1/trainings",
				f.json("agencyId", unit.id(), "kind", "course", "topic", "Khóa học", "heldFrom", today.toString())),
				201)
			.get("id")
			.asLong();
		long events = count("training_event", unit.id());
		long proposals = count("budget_proposal", unit.id());

		for (String body : List.of("{", "[1,2]", "not json", "{\"agencyId\": \"abc\"}",
				f.json("agencyId", unit.id(), "kind", "party", "topic", "x", "heldFrom", today.toString()),
				f.json("agencyId", unit.id(), "kind", "course", "topic", "", "heldFrom", today.toString()),
				f.json("agencyId", unit.id(), "kind", "course", "topic", "x", "heldFrom", "hôm nay"),
				f.json("agencyId", unit.id(), "kind", "course", "topic", "x", "heldFrom", today.toString(), "heldTo",
						today.minusDays(1).toString()),
				f.json("kind", "course", "topic", "x", "heldFrom", today.toString()))) {
			JsonNode error = api.ok(api.post("operator", "/api/v1/trainings", body), 400);
			assertThat(error.toString()).as(body).isNotBlank();
		}
		assertThat(api.post("operator", "/api/v1/trainings",
				f.json("agencyId", 987654321L, "kind", "course", "topic", "x", "heldFrom", today.toString())))
			.hasStatus(404);

		String attendees = "/api/v1/trainings/" + event + "/attendees";
		for (String body : List.of("{", "{\"staffId\": \"abc\"}", f.json("fullName", "Không Đơn Vị"),
				f.json("agency", "KHONG-CO", "fullName", "A"), f.json("agency", unit.code()),
				f.json("agency", unit.code(), "staffId", 999999999L),
				f.json("agency", unit.code(), "fullName", "A", "email", "không phải thư"),
				f.json("agency", unit.code(), "fullName", "A", "attendedOn", today.minusDays(1).toString()))) {
			assertThat(api.post("operator", attendees, body)).as(body).hasStatus(400);
		}
		api.ok(api.post("operator", attendees, f.json("agency", unit.code(), "fullName", "Một Lần")), 201);
		assertThat(api.post("operator", attendees, f.json("agency", unit.code(), "fullName", "một  lần")))
			.hasStatus(409);
		assertThat(attendees(event)).isEqualTo(1);

		String workforce = "/api/v1/trainings/workforce/" + unit.id();
		for (String body : List.of("{", "{\"officials\": -1, \"workers\": 0}", "{\"officials\": \"many\"}",
				"{\"officials\": 3}")) {
			assertThat(api.put("operator", workforce, body)).as(body).hasStatus(400);
		}
		assertThat(api.getOk("operator", workforce).get("headcount").asLong()).isZero();

		for (String body : List.of("{", f.json("agencyId", unit.id(), "year", 1800, "title", "x", "amountVnd", 1),
				f.json("agencyId", unit.id(), "year", 2027, "title", "x", "amountVnd", -5),
				f.json("agencyId", unit.id(), "year", 2027, "title", "", "amountVnd", 5),
				f.json("agencyId", unit.id(), "year", "next", "title", "x", "amountVnd", 5))) {
			assertThat(api.post("officer", "/api/v1/budget-proposals", body)).as(body).hasStatus(400);
		}
		assertThat(api.post("officer", "/api/v1/budget-proposals/987654321/approve", "{}")).hasStatus(403);
		assertThat(api.post("operator", "/api/v1/budget-proposals/987654321/approve", "{}")).hasStatus(404);

		for (String uri : List.of("/api/v1/trainings?kind=party", "/api/v1/trainings?from=yesterday",
				"/api/v1/trainings?agency=abc", "/api/v1/trainings/attendees?to=2026-13-45",
				"/api/v1/trainings/reach?from=2026-12-31&to=2026-01-01", "/api/v1/budget-proposals?status=paid",
				"/api/v1/budget-proposals?year=next")) {
			assertThat(api.get("operator", uri)).as(uri).hasStatus(400);
		}
		assertThat(count("training_event", unit.id())).isEqualTo(events);
		assertThat(count("budget_proposal", unit.id())).isEqualTo(proposals);
	}

	@Test
	void thePagesSayWhatIsWrongAndWriteNothing() throws Exception {
		var api = new TrainingClient(mvc, logins, json);
		var f = new AccessFixtures(context);
		Agency unit = f.unit("SYT");
		String today = TrainingClient.today().toString();
		long event = api
			.ok(api.post("operator", "/api/v1/trainings",
					f.json("agencyId", unit.id(), "kind", "course", "topic", "Khóa học trang", "heldFrom", today)), 201)
			.get("id")
			.asLong();
		long proposal = api
			.ok(api.post("operator", "/api/v1/budget-proposals",
					f.json("agencyId", unit.id(), "year", 2027, "title", "Đề xuất trang", "amountVnd", 5000)), 201)
			.get("id")
			.asLong();
		long events = count("training_event", unit.id());
		var session = logins.session("operator");

		var refused = mvc.post()
			.uri("/trainings")
			.with(session)
			.with(csrf())
			.header("Accept-Language", "en")
			.param("agencyId", String.valueOf(unit.id()))
			.param("kind", "course")
			.param("topic", "Sai ngày")
			.param("heldFrom", "hôm qua")
			.exchange();
		assertThat(refused).hasStatusOk();
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Ngày không hợp lệ: hôm qua", "Sai ngày");
		assertThat(count("training_event", unit.id())).isEqualTo(events);

		List<java.util.function.Supplier<org.springframework.test.web.servlet.assertj.MvcTestResult>> posts = List.of(
				() -> mvc.post()
					.uri("/trainings/" + event + "/attendees")
					.with(session)
					.with(csrf())
					.param("agency", "KHONG-CO")
					.param("fullName", "Người Lạ")
					.exchange(),
				() -> mvc.post()
					.uri("/trainings/" + event + "/attendees")
					.with(session)
					.with(csrf())
					.param("agency", unit.code())
					.param("staffId", "x")
					.exchange(),
				() -> mvc.post()
					.uri("/trainings/" + event + "/attendance")
					.multipart()
					.with(session)
					.with(csrf())
					.exchange(),
				() -> mvc.post()
					.uri("/trainings/workforce")
					.with(session)
					.with(csrf())
					.param("agencyId", String.valueOf(unit.id()))
					.param("officials", "-1")
					.exchange(),
				() -> mvc.post()
					.uri("/budget-proposals")
					.with(session)
					.with(csrf())
					.param("agencyId", String.valueOf(unit.id()))
					.param("amountVnd", "abc")
					.exchange(),
				() -> mvc.post()
					.uri("/budget-proposals/" + proposal + "/transitions")
					.with(session)
					.with(csrf())
					.param("to", "paid")
					.exchange());
		for (var post : posts) {
			assertThat(post.get()).hasStatus3xxRedirection();
		}
		assertThat(attendees(event)).isZero();
		assertThat(api.getOk("operator", "/api/v1/trainings/workforce/" + unit.id()).get("headcount").asLong())
			.isZero();
		assertThat(count("budget_proposal", unit.id())).isEqualTo(1);
		assertThat(api.getOk("operator", "/api/v1/budget-proposals/" + proposal).get("status").asString())
			.isEqualTo("proposed");
	}

	private long attendees(long event) {
		return jdbc.sql("SELECT COUNT(*) FROM training_attendee WHERE event_id = :e")
			.param("e", event)
			.query(Long.class)
			.single();
	}

	private long count(String table, long agency) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE agency_id = :a")
			.param("a", agency)
			.query(Long.class)
			.single();
	}

}
