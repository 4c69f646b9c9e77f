package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.PageQuery;

@KhienTest
class RegistrationCampaignTests {

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
	RegistrationCampaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	ContactsFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ContactsFixtures(management, agencies, focalPoints);
	}

	private void confirmedOn(FocalPoint fp, LocalDate day) {
		jdbc.sql("UPDATE focal_point SET confirmed_on = :d WHERE id = :id")
			.param("d", Date.valueOf(day))
			.param("id", fp.id())
			.update();
	}

	private Map<String, RegistrationCampaignState> states(RegistrationCampaign campaign, String q,
			RegistrationCampaignState state, LocalDate today) {
		return campaigns
			.agencies(campaign, new RegistrationCampaigns.Filter(state, q, null), PageQuery.of(0, 100, "code"), today)
			.items()
			.stream()
			.collect(Collectors.toMap(RegistrationCampaignAgency::code, RegistrationCampaignAgency::state));
	}

	@Test
	void agencyIsRegisteredWithBothDutiesConfirmedSinceOpeningOtherwisePendingOrOverdue() {
		String prefix = ContactsFixtures.unique("CAMP");
		Agency both = fixtures.agency(prefix + "-A", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		Agency monitoringOnly = fixtures.agency(prefix + "-B", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		Agency stale = fixtures.agency(prefix + "-C", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		Agency outOfKind = fixtures.agency(prefix + "-D", "SYT", AgencyKind.OTHER);
		LocalDate opened = LocalDate.of(2026, 3, 1);
		LocalDate deadline = LocalDate.of(2026, 3, 31);
		confirmedOn(fixtures.focalPoint(both.id(), FocalPointDuty.MONITORING, "A1"), opened);
		confirmedOn(fixtures.focalPoint(both.id(), FocalPointDuty.INCIDENT_RESPONSE, "A2"), opened.plusDays(3));
		confirmedOn(fixtures.focalPoint(monitoringOnly.id(), FocalPointDuty.MONITORING, "B1"), opened.plusDays(1));
		confirmedOn(fixtures.focalPoint(stale.id(), FocalPointDuty.MONITORING, "C1"), opened.minusDays(1));
		confirmedOn(fixtures.focalPoint(stale.id(), FocalPointDuty.INCIDENT_RESPONSE, "C2"), opened.plusDays(2));
		RegistrationCampaign campaign = campaigns
			.open(new RegistrationCampaign.Details(prefix, opened, deadline, Set.of(AgencyKind.PUBLIC_SERVICE_UNIT)));

		LocalDate before = deadline.minusDays(1);
		assertThat(states(campaign, prefix, null, before)).containsOnly(
				Map.entry(both.code(), RegistrationCampaignState.REGISTERED),
				Map.entry(monitoringOnly.code(), RegistrationCampaignState.PENDING),
				Map.entry(stale.code(), RegistrationCampaignState.PENDING));
		assertThat(states(campaign, prefix, RegistrationCampaignState.OVERDUE, before)).isEmpty();

		LocalDate after = deadline.plusDays(1);
		assertThat(states(campaign, prefix, null, deadline)).containsEntry(stale.code(),
				RegistrationCampaignState.PENDING);
		assertThat(states(campaign, prefix, RegistrationCampaignState.OVERDUE, after))
			.containsOnlyKeys(monitoringOnly.code(), stale.code());
		assertThat(states(campaign, prefix, RegistrationCampaignState.PENDING, after)).isEmpty();
		assertThat(states(campaign, prefix, RegistrationCampaignState.REGISTERED, after)).containsOnlyKeys(both.code());
		assertThat(states(campaign, prefix, null, after)).doesNotContainKey(outOfKind.code());
		assertThat(campaigns.counts(campaign, after).agencies()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void officerSeesOnlyOwnAgenciesInListsAndExports() throws Exception {
		RegistrationCampaign demo = campaigns.list(PageQuery.of(0, 500, ""))
			.items()
			.stream()
			.filter(c -> c.name().startsWith("Đăng ký, cập nhật đầu mối"))
			.findFirst()
			.orElseThrow();
		String officer = logins.bearer("officer");
		String list = mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies?size=500", demo.id())
			.header("Authorization", officer)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("\"code\":\"SYT\"")
			.doesNotContain("\"code\":\"SGDDT\"")
			.doesNotContain("\"code\":\"SCT\"");
		assertThat(mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies?state=registered", demo.id())
			.header("Authorization", officer)).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
		String csv = mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies.csv", demo.id())
			.header("Authorization", officer)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("SYT,Sở Y tế").doesNotContain("SGDDT").doesNotContain("SCT");
		String all = mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies.csv?state=overdue", demo.id())
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "en")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(all).contains("SCT,").contains("Overdue").doesNotContain("SYT,");
	}

	@Test
	void demoCampaignHasRegisteredAndOverdueDepartments() {
		RegistrationCampaign demo = campaigns.list(PageQuery.of(0, 500, ""))
			.items()
			.stream()
			.filter(c -> c.name().startsWith("Đăng ký, cập nhật đầu mối"))
			.findFirst()
			.orElseThrow();
		assertThat(mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies?state=overdue&kind=DEPARTMENT", demo.id())
			.header("Authorization", logins.bearer("police"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.asNumber()
			.satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(4));
		assertThat(mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies?state=pending", demo.id())
			.header("Authorization", logins.bearer("police"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
	}

	@Test
	void onlyOperatorsOpenCampaignsAndBadInputChangesNothing() {
		long before = campaigns.list(PageQuery.of(0, 1, "")).total();
		String body = "{\"name\":\"Đợt thử\",\"openedOn\":\"2026-05-01\",\"deadline\":\"2026-05-31\"}";
		for (String user : new String[] { "leader", "officer", "police" }) {
			assertThat(mvc.post()
				.uri("/api/v1/registration-campaigns")
				.header("Authorization", logins.bearer(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatus(HttpStatus.FORBIDDEN);
		}
		String operator = logins.bearer("operator");
		assertThat(mvc.post()
			.uri("/api/v1/registration-campaigns")
			.header("Authorization", operator)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Ngược\",\"openedOn\":\"2026-05-31\",\"deadline\":\"2026-05-01\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The deadline cannot be before the opening date.");
		assertThat(mvc.post()
			.uri("/api/v1/registration-campaigns")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Sai\",\"openedOn\":\"hôm qua\",\"deadline\":\"2026-05-01\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/registration-campaigns")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "d".repeat(256) + "\",\"openedOn\":\"2026-05-01\",\"deadline\":\"2026-05-31\","
					+ "\"agencyKinds\":[\"DEPARTMENT\"]}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/registration-campaigns")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Loại lạ\",\"openedOn\":\"2026-05-01\",\"deadline\":\"2026-05-31\","
					+ "\"agencyKinds\":[\"MARTIANS\"]}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(campaigns.list(PageQuery.of(0, 1, "")).total()).isEqualTo(before);
		assertThat(mvc.post()
			.uri("/api/v1/registration-campaigns")
			.header("Authorization", operator)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(HttpStatus.CREATED);
		assertThat(campaigns.list(PageQuery.of(0, 1, "")).total()).isEqualTo(before + 1);
	}

	@Test
	void unknownStateOrCampaignIsAClearProblem() {
		long id = campaigns.list(PageQuery.of(0, 1, "")).items().get(0).id();
		assertThat(mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies?state=late", id)
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "en")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("State \"late\" is not valid; use registered, pending or overdue.");
		assertThat(mvc.get()
			.uri("/api/v1/registration-campaigns/{id}/agencies", 987654321L)
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.NOT_FOUND);
	}

}
