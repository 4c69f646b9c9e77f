package vn.khien.registry.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.Accounts;
import vn.khien.platform.DemoMode;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * A fictional province shaped like today's (after the 2025 reform: no districts, communes
 * and wards directly under the province), loaded on first start when demo data is on. All
 * names are invented.
 */
@Component
@Order(10)
public class DemoProvince implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);

	public static final String ROOT = "UBND-T";

	static final java.time.LocalDate RECORDED_FROM = java.time.LocalDate.of(2020, 1, 1);

	private final AgencyManagement management;

	private final Agencies agencies;

	private final Accounts accounts;

	private final KhienSettings settings;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoProvince(AgencyManagement management, Agencies agencies, Accounts accounts, KhienSettings settings,
			DemoMode demoMode, TransactionTemplate transactions) {
		this.management = management;
		this.agencies = agencies;
		this.accounts = accounts;
		this.settings = settings;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	public boolean enabled() {
		return demoMode.enabled();
	}

	@Override
	public void run(ApplicationArguments args) {
		// NB: demo data is written by the demo loader, not by nobody: without a principal
		// nothing is in scope
		DemoMode.LOADER.run(() -> {
			if (!enabled() || agencies.findByCode(ROOT).isPresent() || agencies.count() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		long root = add(ROOT, "Ủy ban nhân dân tỉnh Lạc Hồng", AgencyKind.PROVINCIAL_BODY, null, "Trần Văn An",
				"Chủ tịch UBND tỉnh");
		add("VP-UBND", "Văn phòng Ủy ban nhân dân tỉnh", AgencyKind.PROVINCIAL_BODY, root, "Lê Thị Bình",
				"Chánh Văn phòng");
		add("VP-DDBQH-HDND", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", AgencyKind.PROVINCIAL_BODY, root, "Phạm Văn Cường",
				"Chánh Văn phòng");
		add("TTR-T", "Thanh tra tỉnh", AgencyKind.PROVINCIAL_BODY, root, "Ngô Thị Dung", "Chánh Thanh tra");
		long units = 0;
		for (String[] dept : DEPARTMENTS) {
			long id = add(dept[0], dept[1], AgencyKind.DEPARTMENT, root, person(units++), "Giám đốc");
			for (int i = 2; i < dept.length; i++) {
				add(dept[0] + "-" + (i - 1), dept[i], AgencyKind.PUBLIC_SERVICE_UNIT, id, person(units++), "Giám đốc");
			}
		}
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		for (int i = 1; i <= 60; i++) {
			add("SGDDT-THPT" + i, "Trường THPT " + placeName(i + 40), AgencyKind.PUBLIC_SERVICE_UNIT, education,
					person(units++), "Hiệu trưởng");
		}
		long health = agencies.findByCode("SYT").orElseThrow().id();
		for (int i = 1; i <= 24; i++) {
			add("SYT-TTYT" + i, "Trung tâm Y tế khu vực " + placeName(i + 7), AgencyKind.PUBLIC_SERVICE_UNIT, health,
					person(units++), "Giám đốc");
		}
		for (int i = 0; i < 8; i++) {
			add("DNNN-" + (i + 1), ENTERPRISES[i], AgencyKind.STATE_ENTERPRISE, root, person(units++), "Tổng Giám đốc");
		}
		for (int i = 0; i < 150; i++) {
			boolean ward = i < 30;
			String name = (ward ? "Phường " : "Xã ") + placeName(i);
			String code = (ward ? "P" : "X") + String.format("%03d", i + 1);
			long commune = add(code, "UBND " + name, AgencyKind.COMMUNE, root, person(units++), "Chủ tịch UBND");
			add(code + "-MN", "Trường Mầm non " + placeName(i), AgencyKind.PUBLIC_SERVICE_UNIT, commune,
					person(units++), "Hiệu trưởng");
			add(code + "-TH", "Trường Tiểu học " + placeName(i), AgencyKind.PUBLIC_SERVICE_UNIT, commune,
					person(units++), "Hiệu trưởng");
			add(code + "-THCS", "Trường THCS " + placeName(i), AgencyKind.PUBLIC_SERVICE_UNIT, commune, person(units++),
					"Hiệu trưởng");
			if (i % 2 == 0) {
				add(code + "-TYT", "Trạm Y tế " + placeName(i), AgencyKind.PUBLIC_SERVICE_UNIT, commune,
						person(units++), "Trưởng trạm");
			}
		}
		createAccounts();
		log.info("Demo province loaded: {} agencies", agencies.count());
	}

	private void createAccounts() {
		String password = settings.demoPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = Accounts.generatePassword();
		}
		long khcn = agencies.findByCode("SKHCN").orElseThrow().id();
		account("operator", "Nguyễn Văn Điều Hành", password, Role.PROVINCE_OPERATOR, khcn);
		account("police", "Đỗ Văn Công An", password, Role.POLICE, agencies.findByCode("CAT").orElseThrow().id());
		account("leader", "Trần Văn An", password, Role.LEADERSHIP, null);
		account("officer", "Lý Thị Y Tế", password, Role.AGENCY_OFFICER, agencies.findByCode("SYT").orElseThrow().id());
		account("officer2", "Vũ Văn Giáo Dục", password, Role.AGENCY_OFFICER,
				agencies.findByCode("SGDDT").orElseThrow().id());
		account("responder", "Hoàng Văn Ứng Cứu", password, Role.RESPONDER, khcn);
		account("assessor", "Phan Thị Đánh Giá", password, Role.ASSESSOR, null);
		account("provider", "Bùi Văn Viễn Thông", password, Role.ORGANISATION, null);
		if (generated) {
			System.out.println("\n=== Khiên demo accounts (operator, police, leader, officer, officer2, responder,"
					+ " assessor, provider) have the password: " + password + " ===\n");
		}
	}

	private void account(String username, String name, String password, Role role, @Nullable Long agencyId) {
		accounts.create(new Accounts.NewAccount(username, name, username + "@demo.khien.invalid", password,
				EnumSet.of(role), agencyId, null));
	}

	private long add(String code, String name, AgencyKind kind, @Nullable Long parent, String head, String title) {
		// NB: recorded from 2020 so that the 2025 reorganisations can be replayed with
		// their real dates
		Agency agency = management.create(
				new AgencyDetails(code, name, kind, parent, head, title,
						"0263 3" + String.format("%06d", Math.abs(code.hashCode()) % 1_000_000), null,
						"Số " + (Math.abs(name.hashCode()) % 300 + 1) + " đường Trung tâm, tỉnh Lạc Hồng"),
				RECORDED_FROM);
		return agency.id();
	}

	static String placeName(int i) {
		String first = PLACE_A[i % PLACE_A.length];
		String second = PLACE_B[(i / PLACE_A.length + i) % PLACE_B.length];
		if (first.equals(second)) {
			second = PLACE_B[(i / PLACE_A.length + i + 1) % PLACE_B.length];
		}
		return first + " " + second + (i >= PLACE_A.length * PLACE_B.length ? " " + (i / 100) : "");
	}

	static String person(long i) {
		return SURNAMES[(int) (i % SURNAMES.length)] + " " + MIDDLE[(int) (i / 7 % MIDDLE.length)] + " "
				+ GIVEN[(int) (i / 3 % GIVEN.length)];
	}

	private static final String[] PLACE_A = { "An", "Bình", "Tân", "Phú", "Hòa", "Thạnh", "Long", "Phước", "Mỹ", "Vĩnh",
			"Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận", "Thái", "Quang", "Hải", "Đức" };

	private static final String[] PLACE_B = { "Hòa", "Phú", "Lợi", "Thịnh", "An", "Bình", "Hưng", "Lộc", "Thành",
			"Tiến", "Xuân", "Sơn", "Lâm", "Điền" };

	private static final String[] SURNAMES = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
			"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Đức" };

	private static final String[] GIVEN = { "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh",
			"Lan", "Long", "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vy", "Yến" };

	private static final String[] ENTERPRISES = { "Công ty TNHH MTV Xổ số kiến thiết Lạc Hồng",
			"Công ty TNHH MTV Cấp thoát nước Lạc Hồng", "Công ty TNHH MTV Lâm nghiệp Lạc Hồng",
			"Công ty TNHH MTV Khai thác công trình thủy lợi Lạc Hồng", "Công ty TNHH MTV Môi trường đô thị Lạc Hồng",
			"Công ty TNHH MTV Điện lực Lạc Hồng", "Công ty TNHH MTV In Lạc Hồng",
			"Công ty TNHH MTV Quản lý bến xe Lạc Hồng" };

	/** Code, name, then the department's units. */
	private static final List<String[]> DEPARTMENTS = new ArrayList<>(List.of(
			new String[] { "SNV", "Sở Nội vụ", "Ban Thi đua - Khen thưởng", "Chi cục Văn thư - Lưu trữ",
					"Trung tâm Dịch vụ việc làm" },
			new String[] { "STC", "Sở Tài chính", "Trung tâm Xúc tiến đầu tư",
					"Trung tâm Tin học và Dịch vụ tài chính công" },
			new String[] { "SKHCN", "Sở Khoa học và Công nghệ", "Trung tâm Chuyển đổi số",
					"Trung tâm Giám sát an toàn thông tin", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
					"Chi cục Tiêu chuẩn Đo lường Chất lượng" },
			new String[] { "SYT", "Sở Y tế", "Bệnh viện Đa khoa tỉnh", "Bệnh viện Y dược cổ truyền", "Bệnh viện Phổi",
					"Bệnh viện Tâm thần", "Bệnh viện Sản Nhi", "Trung tâm Kiểm soát bệnh tật",
					"Trung tâm Giám định y khoa", "Chi cục Dân số" },
			new String[] { "SGDDT", "Sở Giáo dục và Đào tạo", "Trường THPT Chuyên Lạc Hồng",
					"Trung tâm Giáo dục thường xuyên tỉnh", "Trường Phổ thông Dân tộc nội trú tỉnh" },
			new String[] { "SXD", "Sở Xây dựng", "Trung tâm Kiểm định chất lượng xây dựng",
					"Ban Quản lý bảo trì đường bộ", "Trung tâm Đăng kiểm phương tiện" },
			new String[] { "SCT", "Sở Công Thương", "Trung tâm Khuyến công và Xúc tiến thương mại" },
			new String[] { "SNNMT", "Sở Nông nghiệp và Môi trường", "Chi cục Kiểm lâm", "Chi cục Thủy lợi",
					"Văn phòng Đăng ký đất đai", "Trung tâm Quan trắc môi trường", "Chi cục Chăn nuôi và Thú y" },
			new String[] { "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Thư viện tỉnh", "Bảo tàng tỉnh",
					"Trung tâm Văn hóa - Điện ảnh", "Đài Phát thanh và Truyền hình tỉnh" },
			new String[] { "STP", "Sở Tư pháp", "Trung tâm Trợ giúp pháp lý", "Phòng Công chứng số 1" },
			new String[] { "SNGV", "Sở Ngoại vụ" }, new String[] { "SDTTG", "Sở Dân tộc và Tôn giáo" },
			new String[] { "CAT", "Công an tỉnh", "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao" },
			new String[] { "BQLKKT", "Ban Quản lý các khu công nghiệp", "Trung tâm Dịch vụ khu công nghiệp" },
			new String[] { "TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh" },
			new String[] { "BHXH", "Bảo hiểm xã hội tỉnh" }));

}
