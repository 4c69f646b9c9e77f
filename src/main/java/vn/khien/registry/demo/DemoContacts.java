package vn.khien.registry.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.DemoMode;
import vn.khien.platform.Accounts;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.FocalPoint;
import vn.khien.registry.FocalPointDuty;
import vn.khien.registry.FocalPoints;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationContact;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;
import vn.khien.registry.Organisations;
import vn.khien.registry.RegistrationCampaign;
import vn.khien.registry.RegistrationCampaigns;
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;
import vn.khien.registry.Subcommittee;
import vn.khien.registry.SubcommitteeMember;
import vn.khien.registry.SubcommitteeRegistry;
import vn.khien.registry.SubcommitteeRole;

/**
 * Demo focal points, an overdue registration campaign, external organisations, the
 * subcommittee and security staff, loaded once after the demo province. All names are
 * invented.
 */
@Component
@Order(12)
class DemoContacts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);

	/**
	 * Departments that have not registered, so the demo campaign shows overdue agencies.
	 */
	private static final Set<String> UNREGISTERED = Set.of("SCT", "SNGV", "SDTTG", "BQLKKT");

	private final DemoProvince province;

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final FocalPoints focalPoints;

	private final RegistrationCampaigns campaigns;

	private final Organisations organisations;

	private final Accounts accounts;

	private final SubcommitteeRegistry subcommittee;

	private final SecurityStaffing staffing;

	private final TransactionTemplate transactions;

	DemoContacts(DemoProvince province, JdbcClient jdbc, Agencies agencies, FocalPoints focalPoints,
			RegistrationCampaigns campaigns, Organisations organisations, SubcommitteeRegistry subcommittee,
			SecurityStaffing staffing, TransactionTemplate transactions, Accounts accounts) {
		this.province = province;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.focalPoints = focalPoints;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.subcommittee = subcommittee;
		this.staffing = staffing;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// NB: demo data is written by the demo loader, not by nobody: without a principal
		// nothing is in scope
		DemoMode.LOADER.run(() -> {
			if (!province.enabled() || agencies.findByCode(DemoProvince.ROOT).isEmpty() || loaded()) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
			log.info("Demo contacts loaded: focal points, campaign, organisations, subcommittee, security staff");
		});
	}

	private boolean loaded() {
		return jdbc
			.sql("SELECT (SELECT COUNT(*) FROM focal_point) + (SELECT COUNT(*) FROM organisation)"
					+ " + (SELECT COUNT(*) FROM subcommittee)")
			.query(Long.class)
			.single() > 0;
	}

	private void load() {
		List<Agency> all = agencies.all();
		long person = 500;
		int communes = 0;
		int departments = 0;
		for (Agency agency : all.stream().sorted(java.util.Comparator.comparing(Agency::code)).toList()) {
			boolean department = agency.kind() == AgencyKind.DEPARTMENT && !UNREGISTERED.contains(agency.code());
			boolean commune = agency.kind() == AgencyKind.COMMUNE && communes < 24;
			if (!department && !commune) {
				continue;
			}
			communes += commune ? 1 : 0;
			focalPoint(agency, FocalPointDuty.MONITORING, DemoProvince.person(person++), "Chuyên viên CNTT", true);
			focalPoint(agency, FocalPointDuty.INCIDENT_RESPONSE, DemoProvince.person(person++),
					department ? "Phó Chánh Văn phòng" : "Công chức Văn phòng - Thống kê", true);
			if (department && departments++ % 3 == 0) {
				focalPoint(agency, FocalPointDuty.INCIDENT_RESPONSE, DemoProvince.person(person++), "Chuyên viên",
						false);
			}
		}
		LocalDate today = LocalDate.now(AgencyManagement.ZONE);
		campaigns.open(new RegistrationCampaign.Details(
				"Đăng ký, cập nhật đầu mối giám sát và ứng cứu sự cố năm " + today.getYear(), today.minusDays(45),
				today.minusDays(5), EnumSet.of(AgencyKind.DEPARTMENT, AgencyKind.COMMUNE)));
		organisations();
		subcommittee();
		staff(person);
	}

	private void focalPoint(Agency agency, FocalPointDuty duty, String name, String title, boolean primary) {
		String phone = "09" + String.format("%08d", Math.abs((agency.code() + name).hashCode()) % 100_000_000);
		focalPoints.create(new FocalPoint.Details(agency.id(), duty, name, title, phone,
				"daumoi." + agency.code().toLowerCase().replace('-', '.') + "@lachong.gov.invalid",
				duty == FocalPointDuty.INCIDENT_RESPONSE ? phone : null, primary));
	}

	private void organisations() {
		Organisation telecom = organisation(OrganisationKind.TELECOM_PROVIDER, "Công ty Viễn thông Lạc Hồng",
				"0312345678", "1800 1119", "suco@vienthong-lachong.invalid",
				"https://vienthong-lachong.invalid/bao-cao-su-co",
				new String[] { "Đặng Minh Khôi", "Trưởng Trung tâm Điều hành mạng", "0912 000 111" });
		accounts.findByUsername("provider").ifPresent(user -> accounts.setOrganisation(user.id(), telecom.id()));
		organisation(OrganisationKind.TELECOM_PROVIDER, "Công ty Cổ phần Mạng Internet Sao Việt", "0398765432",
				"1900 6868", "abuse@saoviet-net.invalid", "https://saoviet-net.invalid/ho-tro/su-co",
				new String[] { "Lưu Thị Hằng", "Phụ trách tiếp nhận sự cố", "0988 222 333" });
		organisation(OrganisationKind.SECURITY_PROVIDER, "Công ty TNHH An ninh mạng Bạch Đằng", "0401122334",
				"024 3999 1234", "soc@bachdang-sec.invalid", null,
				new String[] { "Tạ Quang Vinh", "Giám đốc SOC", "0903 444 555" });
		organisation(OrganisationKind.SECURITY_PROVIDER, "Công ty Cổ phần Giám sát An toàn số Phương Nam", "0315566778",
				"028 3888 5678", "hotro@phuongnam-soc.invalid", null,
				new String[] { "Mạc Thị Thu", "Trưởng phòng Dịch vụ", "0977 666 777" });
		organisation(OrganisationKind.ASSESSOR, "Trung tâm Kiểm định An toàn thông tin Hồng Lĩnh", "0109988776", null,
				"kiemdinh@honglinh-cert.invalid", null,
				new String[] { "Khúc Văn Tài", "Giám đốc Trung tâm", "0966 888 999" });
		organisation(OrganisationKind.ASSESSOR, "Công ty TNHH Đánh giá An toàn thông tin Trường Sơn", "0107766554",
				null, "danhgia@truongson-audit.invalid", null,
				new String[] { "Giáp Thị Ngân", "Trưởng nhóm đánh giá", "0935 123 456" });
	}

	private Organisation organisation(OrganisationKind kind, String name, String taxCode, @Nullable String hotline,
			String email, @Nullable String reportUrl, String[] contact) {
		String host = email.substring(email.indexOf('@') + 1);
		Organisation org = organisations.create(new Organisation.Details(kind, name, taxCode,
				"Số " + (Math.abs(name.hashCode()) % 200 + 1) + " đường Trung tâm, tỉnh Lạc Hồng", "https://" + host,
				hotline, email, reportUrl, OrganisationStatus.ACTIVE));
		organisations.addContact(org.id(), new OrganisationContact.Details(contact[0], contact[1], contact[2], null));
		return org;
	}

	private void subcommittee() {
		Agency root = agencies.findByCode(DemoProvince.ROOT).orElseThrow();
		Agency police = agencies.findByCode("CAT").orElseThrow();
		Agency science = agencies.findByCode("SKHCN").orElseThrow();
		subcommittee.save(new Subcommittee.Details("Tiểu ban An toàn, An ninh mạng tỉnh Lạc Hồng",
				"Quyết định số 1875/QĐ-UBND ngày 20/08/2025 của UBND tỉnh", police.id()));
		LocalDate since = LocalDate.of(2025, 8, 20);
		member(SubcommitteeRole.CHAIR, "Trần Văn An", "Chủ tịch UBND tỉnh", root, since);
		member(SubcommitteeRole.VICE_CHAIR, police.headName(), "Giám đốc Công an tỉnh", police, since);
		member(SubcommitteeRole.VICE_CHAIR, science.headName(), "Giám đốc Sở Khoa học và Công nghệ", science, since);
		member(SubcommitteeRole.STANDING_MEMBER, "Đinh Quang Hải", "Phó Giám đốc Công an tỉnh", police, since);
		member(SubcommitteeRole.MEMBER, "Lê Thị Bình", "Chánh Văn phòng UBND tỉnh",
				agencies.findByCode("VP-UBND").orElseThrow(), since);
		member(SubcommitteeRole.MEMBER, agencies.findByCode("SNV").orElseThrow().headName(), "Giám đốc Sở Nội vụ",
				agencies.findByCode("SNV").orElseThrow(), since);
		member(SubcommitteeRole.MEMBER, agencies.findByCode("STC").orElseThrow().headName(), "Giám đốc Sở Tài chính",
				agencies.findByCode("STC").orElseThrow(), since);
		member(SubcommitteeRole.SECRETARY, "Kiều Văn Thắng",
				"Trưởng phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", police, since);
	}

	private void member(SubcommitteeRole role, @Nullable String name, String title, Agency agency, LocalDate since) {
		subcommittee.addMember(new SubcommitteeMember.Details(role, name == null ? agency.name() : name, title,
				agency.id(), agency.headPhone(), null, since, null));
	}

	private void staff(long person) {
		int i = 0;
		for (Agency agency : agencies.all()
			.stream()
			.filter(a -> a.kind() == AgencyKind.DEPARTMENT)
			.sorted(java.util.Comparator.comparing(Agency::code))
			.toList()) {
			int needed = agency.code().equals("SKHCN") || agency.code().equals("CAT") ? 4 : 2;
			// NB: every third department is one or two people short, so the gap page has
			// something to show
			int actual = i % 3 == 0 ? Math.max(0, needed - 1 - (i % 2)) : needed;
			staffing.setNeeded(agency.id(), needed);
			for (int k = 0; k < actual; k++) {
				staffing.add(agency.id(),
						new SecurityStaff.Details(DemoProvince.person(person++),
								k == 0 ? "Chuyên viên phụ trách ATTT" : "Chuyên viên CNTT",
								k == 0 ? "Kỹ sư An toàn thông tin; chứng chỉ CEH"
										: "Cử nhân CNTT; chứng chỉ ATTT cơ bản",
								null, null, LocalDate.of(2020 + (i + k) % 5, 1 + (i * 5 + k) % 12, 1)));
			}
			i++;
		}
	}

}
