package vn.khien.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.AgencyFigures;
import vn.khien.platform.AgencyFigures.Figure;
import vn.khien.platform.importing.TestWorkbooks;
import vn.khien.registry.Agency;
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;

/**
 * Training through the API: attendance imported from CSV and XLSX moves an agency's
 * reach, which the figures show as their lists count it; people's history; the budget
 * proposals' lifecycle; and what another agency's officer does not see. Every record is
 * made at fresh units of the health department.
 */
@KhienTest
class TrainingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	@Test
	void anAttendanceImportMovesTheAgencysReachAndTheFiguresEqualTheirLists() throws Exception {
		var api = new TrainingClient(mvc, logins, json);
		var f = new AccessFixtures(context);
		Agency unit = f.unit("SYT");
		LocalDate today = TrainingClient.today();
		SecurityStaff staff = FixturePrincipal.wrap(context.getBean(SecurityStaffing.class))
			.add(unit.id(), new SecurityStaff.Details("Lê Văn Chuyên", "Chuyên trách ATTT", null, null, null, null));

		JsonNode event = api.ok(api.post("officer", "/api/v1/trainings",
				f.json("agencyId", unit.id(), "kind", "briefing", "topic", "Phổ biến Luật An ninh mạng", "audience",
						"Toàn thể CBCCVC", "heldFrom", today.toString(), "heldTo", today.toString(), "place",
						"Hội trường")),
				201);
		long eventId = event.get("id").asLong();
		assertThat(event.get("kind").asString()).isEqualTo("briefing");
		api.ok(api.put("officer", "/api/v1/trainings/workforce/" + unit.id(), "{\"officials\": 8, \"workers\": 2}"),
				200);

		assertThat(figure(unit.id(), "standing.trainingReached").value()).isEqualTo(0L);
		assertThat(figure(unit.id(), "standing.trainingReach").value()).isEqualTo(0.0);

		String email = AccessFixtures.unique("lan").toLowerCase() + "@syt.gov.vn";
		String csv = "agency,full_name,position,email,staff_id,date\n" + unit.code() + ",Nguyễn Thị Lan,Chuyên viên,"
				+ email + ",," + today + "\n" + unit.code() + ",,,," + staff.id() + ",\n";
		JsonNode job = api.upload("officer", eventId, "tham-du.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.get("counts").get("created").asLong()).isEqualTo(2);
		// the one imports page shows the job, its counts opening the event
		assertThat(html("/imports/" + job.get("jobId").asString())).contains("Danh sách tham dự tập huấn",
				"href=\"/trainings/" + eventId + "\"");

		Figure reached = figure(unit.id(), "standing.trainingReached");
		assertThat(reached.value()).isEqualTo(2L);
		assertThat(figure(unit.id(), "standing.trainingReach").value()).isEqualTo(0.2);
		assertThat(api.getOk("operator", reached.api()).get("total").asLong()).isEqualTo(2);

		// a second event, its list a workbook: one person again, one new
		long second = api.ok(api.post("operator", "/api/v1/trainings", f.json("agencyId", unit.id(), "kind", "course",
				"topic", "Khóa học an toàn thông tin cơ bản", "heldFrom", today.toString())), 201)
			.get("id")
			.asLong();
		byte[] workbook = TestWorkbooks.of(new String[] { "Mã đơn vị", "Họ và tên", "Chức vụ", "Thư điện tử" },
				new String[] { unit.code(), "Nguyễn Thị Lan", "Chuyên viên", email },
				new String[] { unit.code(), "Trần Văn Minh", "Kỹ sư", null });
		JsonNode second_job = api.upload("operator", second, "tham-du.xlsx", workbook);
		assertThat(second_job.get("state").asString()).as(second_job.toString()).isEqualTo("succeeded");

		reached = figure(unit.id(), "standing.trainingReached");
		assertThat(reached.value()).isEqualTo(3L);
		assertThat(figure(unit.id(), "standing.trainingReach").value()).isEqualTo(0.3);
		assertThat(api.getOk("operator", reached.api()).get("total").asLong()).isEqualTo(3);
		JsonNode reach = api.getOk("officer", "/api/v1/trainings/reach?agency=" + unit.id());
		assertThat(reach.get("reached").asLong()).isEqualTo(3);
		assertThat(reach.get("headcount").asLong()).isEqualTo(10);
		assertThat(reach.get("share").asDouble()).isEqualTo(0.3);

		// history: the registered staff member's events, Lan's two
		JsonNode staffHistory = api.getOk("officer", "/api/v1/trainings/attendees?staff=" + staff.id());
		assertThat(staffHistory.get("total").asLong()).isEqualTo(1);
		assertThat(staffHistory.get("items").get(0).get("fullName").asString()).isEqualTo("Lê Văn Chuyên");
		assertThat(staffHistory.get("items").get(0).get("topic").asString()).isEqualTo("Phổ biến Luật An ninh mạng");
		JsonNode people = api.getOk("officer", "/api/v1/trainings/people?agency=" + unit.id() + "&q=lan");
		assertThat(people.get("total").asLong()).isEqualTo(1);
		assertThat(people.get("items").get(0).get("events").asLong()).isEqualTo(2);
		String person = people.get("items").get(0).get("person").asString();
		assertThat(api.getOk("leader", "/api/v1/trainings/attendees?person=" + person).get("total").asLong())
			.isEqualTo(2);

		// the event list and its filters
		JsonNode list = api.getOk("officer", "/api/v1/trainings?agency=" + unit.id());
		assertThat(list.get("total").asLong()).isEqualTo(2);
		assertThat(api.getOk("officer", "/api/v1/trainings?agency=" + unit.id() + "&kind=course").get("total").asLong())
			.isEqualTo(1);
		assertThat(api.getOk("officer", "/api/v1/trainings?agency=" + unit.id() + "&to=" + today.minusDays(1))
			.get("total")
			.asLong()).isZero();

		// the other department's officer sees none of it
		assertThat(api.get("officer2", "/api/v1/trainings/" + eventId)).hasStatus(404);
		assertThat(api.getOk("officer2", "/api/v1/trainings/attendees?agency=" + unit.id()).get("total").asLong())
			.isZero();
		assertThat(api.getOk("officer2", "/api/v1/trainings?agency=" + unit.id()).get("total").asLong()).isZero();

		// the pages show it
		assertThat(html("/trainings/" + eventId)).contains("Nguyễn Thị Lan", "Lê Văn Chuyên");
		assertThat(html("/trainings/reach?agency=" + unit.id())).contains("30");
		assertThat(html("/trainings/people?person=" + person)).contains("Khóa học an toàn thông tin cơ bản");
		assertThat(html("/trainings?agency=" + unit.id())).contains("Phổ biến Luật An ninh mạng");
	}

	@Test
	void aBudgetProposalIsApprovedThenFundedByTheProvinceAndCountedInTheFigures() throws Exception {
		var api = new TrainingClient(mvc, logins, json);
		var f = new AccessFixtures(context);
		Agency unit = f.unit("SYT");
		int year = TrainingClient.today().getYear();

		assertThat(figure(unit.id(), "standing.budgetProposed").value()).isEqualTo(0L);
		JsonNode proposal = api
			.ok(api.post("officer", "/api/v1/budget-proposals", f.json("agencyId", unit.id(), "year", year, "title",
					"Nâng cấp tường lửa", "description", "Thay thiết bị hết hạn hỗ trợ", "amountVnd", 850_000_000L)),
					201);
		long id = proposal.get("id").asLong();
		assertThat(proposal.get("status").asString()).isEqualTo("proposed");
		long other = api.ok(api.post("operator", "/api/v1/budget-proposals", f.json("agencyId", unit.id(), "year", year,
				"title", "Mua phần mềm phòng chống mã độc", "amountVnd", 120_000_000L)), 201)
			.get("id")
			.asLong();

		// agencies propose; the province decides
		assertThat(api.post("officer", "/api/v1/budget-proposals/" + id + "/approve", "{}")).hasStatus(403);
		assertThat(api.post("police", "/api/v1/budget-proposals/" + id + "/approve", "{}")).hasStatus(403);
		assertThat(api.post("operator", "/api/v1/budget-proposals/" + id + "/fund", "{}")).hasStatus(409);
		assertThat(api
			.ok(api.post("operator", "/api/v1/budget-proposals/" + id + "/approve", "{\"note\": \"Đưa vào dự toán\"}"),
					200)
			.get("status")
			.asString()).isEqualTo("approved");
		JsonNode funded = api.ok(api.post("admin", "/api/v1/budget-proposals/" + id + "/fund", "{}"), 200);
		assertThat(funded.get("status").asString()).isEqualTo("funded");
		assertThat(funded.get("statusBy").asString()).isEqualTo("admin");
		assertThat(api.post("operator", "/api/v1/budget-proposals/" + id + "/reject", "{}")).hasStatus(409);
		assertThat(api.ok(api.post("operator", "/api/v1/budget-proposals/" + other + "/reject", "{}"), 200)
			.get("status")
			.asString()).isEqualTo("rejected");

		Figure proposed = figure(unit.id(), "standing.budgetProposed");
		assertThat(proposed.value()).isEqualTo(2L);
		assertThat(api.getOk("leader", proposed.api()).get("total").asLong()).isEqualTo(2);
		assertThat(api.getOk("officer", "/api/v1/budget-proposals?agency=" + unit.id() + "&status=funded")
			.get("total")
			.asLong()).isEqualTo(1);
		assertThat(api.get("officer2", "/api/v1/budget-proposals/" + id)).hasStatus(404);
		assertThat(api.getOk("officer2", "/api/v1/budget-proposals?agency=" + unit.id()).get("total").asLong())
			.isZero();
		assertThat(html("/budget-proposals?agency=" + unit.id())).contains("Nâng cấp tường lửa");
	}

	private Figure figure(long agency, String key) {
		AgencyFigures figures = FixturePrincipal.wrap(context.getBean(TrainingAgencyFigures.class));
		Map<Long, List<Figure>> all = figures.of(List.of(agency));
		return all.get(agency).stream().filter(x -> x.labelKey().equals(key)).findFirst().orElseThrow();
	}

	private String html(String uri) throws Exception {
		var result = mvc.get().uri(uri).with(logins.session("operator")).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
