package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.khien.SignedIn;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.platform.PageQuery;

@KhienTest
class ContactsPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Autowired
	FocalPoints focalPoints;

	@Autowired
	RegistrationCampaigns campaigns;

	@Autowired
	Organisations organisations;

	@Autowired
	SecurityStaffing staffing;

	@Autowired
	SubcommitteeRegistry subcommittee;

	ContactsFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ContactsFixtures(management, agencies, focalPoints);
	}

	@Test
	void operatorOpensEveryPage() {
		SignedIn operator = ContactsFixtures.login(mvc, "operator");
		long health = fixtures.id("SYT");
		long campaign = campaigns.list(PageQuery.of(0, 1, "")).items().get(0).id();
		long organisation = organisations
			.list(new Organisations.Filter(OrganisationKind.TELECOM_PROVIDER, null, null), PageQuery.of(0, 1, ""))
			.items()
			.get(0)
			.id();
		String[] pages = { "/focal-points", "/focal-points?duty=MONITORING&q=y",
				"/agencies/" + health + "/focal-points", "/agencies/" + health + "/focal-points/new", "/campaigns",
				"/campaigns/new", "/campaigns/" + campaign,
				"/campaigns/" + campaign + "?state=overdue&kind=COMMUNE&sort=-name", "/organisations",
				"/organisations?kind=ASSESSOR", "/organisations/" + organisation, "/organisations/new",
				"/organisations/" + organisation + "/edit", "/subcommittee", "/subcommittee/edit",
				"/subcommittee/members/new", "/agencies/" + health + "/staff", "/agencies/" + health + "/staff/new",
				"/staff/gaps", "/agencies/" + health,
				"/focal-points/" + focalPoints.ofAgency(health).get(0).id() + "/edit",
				"/subcommittee/members/" + subcommittee.members(PageQuery.of(0, 1, "")).items().get(0).id() + "/edit",
				"/agencies/" + fixtures.id("SKHCN") + "/staff/" + staffing.staff(fixtures.id("SKHCN")).get(0).id()
						+ "/edit" };
		for (String page : pages) {
			assertThat(mvc.get().uri(page).with(operator)).as(page).hasStatusOk();
		}
		assertThat(mvc.get().uri("/agencies/{id}", health).with(operator)).bodyText()
			.contains("agency-contacts")
			.contains("/agencies/" + health + "/focal-points")
			.contains("/agencies/" + health + "/staff");
		assertThat(mvc.get().uri("/").with(operator)).bodyText()
			.contains("href=\"/focal-points\"")
			.contains("href=\"/campaigns\"")
			.contains("href=\"/organisations\"")
			.contains("href=\"/subcommittee\"")
			.contains("href=\"/staff/gaps\"");
	}

	@Test
	void officerOfAnotherAgencyGetsNotFoundOnPagesAndListsLeaveItOut() {
		SignedIn officer = ContactsFixtures.login(mvc, "officer");
		long education = fixtures.id("SGDDT");
		for (String page : new String[] { "/agencies/" + education + "/focal-points",
				"/agencies/" + education + "/staff", "/agencies/" + education + "/focal-points/new" }) {
			assertThat(mvc.get().uri(page).with(officer)).as(page).hasStatus(HttpStatus.NOT_FOUND);
		}
		long campaign = campaigns.list(PageQuery.of(0, 500, ""))
			.items()
			.stream()
			.filter(c -> c.name().startsWith("Đăng ký, cập nhật đầu mối"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(mvc.get().uri("/agencies/{id}/focal-points", fixtures.id("SYT")).with(officer)).hasStatusOk()
			.bodyText()
			.contains("id=\"standings\"")
			.contains("Đã đăng ký");
		assertThat(mvc.get().uri("/campaigns/{id}", campaign).with(officer)).hasStatusOk()
			.bodyText()
			.contains("Sở Y tế")
			.doesNotContain("Sở Giáo dục và Đào tạo");
		assertThat(mvc.get().uri("/focal-points?size=500").with(officer)).hasStatusOk()
			.bodyText()
			.doesNotContain("Sở Giáo dục và Đào tạo");
		assertThat(mvc.post().uri("/agencies/{id}/staff", education).with(officer).with(csrf()).param("name", "X"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(staffing.staff(education)).extracting(SecurityStaff::name).doesNotContain("X");
	}

	@Test
	void readOnlyRolesGetForbiddenOnForms() {
		SignedIn leader = ContactsFixtures.login(mvc, "leader");
		long health = fixtures.id("SYT");
		for (String page : new String[] { "/agencies/" + health + "/focal-points/new", "/campaigns/new",
				"/organisations/new", "/subcommittee/edit", "/agencies/" + health + "/staff/new" }) {
			assertThat(mvc.get().uri(page).with(leader)).as(page).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/agencies/{id}/focal-points", health).with(leader)).hasStatusOk()
			.bodyText()
			.doesNotContain("new-focal-point");
		SignedIn officer = ContactsFixtures.login(mvc, "officer");
		assertThat(mvc.get().uri("/organisations").with(officer)).hasStatusOk();
		assertThat(mvc.get().uri("/organisations/new").with(officer)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/campaigns/new").with(officer)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void formShowsProblemsNextToTheFieldAndKeepsWhatWasTyped() {
		Agency unit = fixtures.agency("PG-HEALTH", "SYT", AgencyKind.PUBLIC_SERVICE_UNIT);
		SignedIn officer = ContactsFixtures.login(mvc, "officer");
		assertThat(mvc.post()
			.uri("/agencies/{id}/focal-points", unit.id())
			.with(officer)
			.with(csrf())
			.param("duty", "MONITORING")
			.param("name", "Người nhập sai")
			.param("email", "khong-hop-le")).hasStatusOk()
			.bodyText()
			.contains("is-invalid")
			.contains("Địa chỉ email không hợp lệ.")
			.contains("Người nhập sai");
		assertThat(focalPoints.ofAgency(unit.id())).isEmpty();
		assertThat(mvc.post()
			.uri("/agencies/{id}/focal-points", unit.id())
			.with(officer)
			.with(csrf())
			.param("duty", "INCIDENT_RESPONSE")
			.param("name", "Người gõ đúng")
			.param("primary", "true")).hasStatus(HttpStatus.FOUND);
		assertThat(focalPoints.ofAgency(unit.id())).extracting(FocalPoint::name).containsExactly("Người gõ đúng");
		long id = focalPoints.ofAgency(unit.id()).get(0).id();
		assertThat(mvc.get().uri("/focal-points/{id}/edit", id).with(officer)).hasStatusOk();
		assertThat(mvc.post()
			.uri("/focal-points/{id}", id)
			.with(officer)
			.with(csrf())
			.param("duty", "INCIDENT_RESPONSE")
			.param("name", "Người gõ đúng")
			.param("phone", "0912 000 001")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/agencies/{id}/focal-points", unit.id()).with(officer)).bodyText()
			.contains("Người gõ đúng")
			.contains("Thêm mới")
			.contains("<ins>0912 000 001</ins>")
			.contains("<ins>Ứng cứu sự cố</ins>");
	}

	@Test
	void campaignFormRefusesDeadlineBeforeOpening() {
		SignedIn operator = ContactsFixtures.login(mvc, "operator");
		long before = campaigns.list(PageQuery.of(0, 1, "")).total();
		assertThat(mvc.post()
			.uri("/campaigns")
			.with(operator)
			.with(csrf())
			.param("name", "Đợt ngược")
			.param("openedOn", "2026-06-30")
			.param("deadline", "2026-06-01")).hasStatusOk()
			.bodyText()
			.contains("Hạn đăng ký không được trước ngày mở đợt.");
		assertThat(campaigns.list(PageQuery.of(0, 1, "")).total()).isEqualTo(before);
		assertThat(mvc.post()
			.uri("/campaigns")
			.with(operator)
			.with(csrf())
			.param("name", "Đợt cho các sở")
			.param("openedOn", "2026-06-01")
			.param("deadline", "2026-06-30")
			.param("agencyKinds", "DEPARTMENT", "PROVINCIAL_BODY")).hasStatus(HttpStatus.FOUND);
		RegistrationCampaign created = campaigns.list(PageQuery.of(0, 500, ""))
			.items()
			.stream()
			.filter(c -> c.name().equals("Đợt cho các sở"))
			.findFirst()
			.orElseThrow();
		assertThat(created.agencyKinds()).containsExactlyInAnyOrder(AgencyKind.DEPARTMENT, AgencyKind.PROVINCIAL_BODY);
		assertThat(created.deadline()).isEqualTo(java.time.LocalDate.of(2026, 6, 30));
	}

	@Test
	void campaignExportIsCsvOfWhatTheUserSees() {
		SignedIn officer2 = ContactsFixtures.login(mvc, "officer2");
		long campaign = campaigns.list(PageQuery.of(0, 500, ""))
			.items()
			.stream()
			.filter(c -> c.name().startsWith("Đăng ký, cập nhật đầu mối"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(mvc.get().uri("/campaigns/{id}/agencies.csv?state=bogus", campaign).with(officer2)).hasStatusOk()
			.hasContentType("text/csv;charset=UTF-8")
			.bodyText()
			.contains("SGDDT")
			.doesNotContain("SYT");
	}

}
