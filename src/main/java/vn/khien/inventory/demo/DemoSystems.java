package vn.khien.inventory.demo;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.inventory.DataClassification;
import vn.khien.inventory.Hosting;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.ProductOrigin;
import vn.khien.inventory.PublicServiceLevel;
import vn.khien.inventory.StateSecretGrade;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.SystemManagement.SystemDetails;
import vn.khien.inventory.SystemProducts;
import vn.khien.inventory.SystemProducts.ProductDetails;
import vn.khien.inventory.Systems;
import vn.khien.platform.DemoMode;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Fictional information systems of the demo province: shared province-wide systems run by
 * SKHCN, department portals and sector software, hospital HIS with sensitive personal
 * data, a state-secret system at the provincial police. Loaded once, after the demo
 * province, while no system exists.
 */
@Component
@Order(20)
class DemoSystems implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSystems.class);

	private static final String[] DEPARTMENTS = { "SNV", "STC", "SKHCN", "SYT", "SGDDT", "SXD", "SCT", "SNNMT",
			"SVHTTDL", "STP", "SNGV", "SDTTG", "BQLKKT", "TTPVHCC" };

	private final SystemManagement management;

	private final SystemProducts products;

	private final Systems systems;

	private final Agencies agencies;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	DemoSystems(SystemManagement management, SystemProducts products, Systems systems, Agencies agencies,
			DemoMode demoMode, TransactionTemplate transactions, JdbcClient jdbc) {
		this.management = management;
		this.products = products;
		this.systems = systems;
		this.agencies = agencies;
		this.demoMode = demoMode;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		// NB: demo data is written by the demo loader, not by nobody: without a principal
		// nothing is in scope
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode("UBND-T").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM information_system").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		List<String> departments = List.of(DEPARTMENTS);
		List<String> communes = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			communes.add(String.format("P%03d", i));
		}
		for (int i = 31; i <= 60; i++) {
			communes.add(String.format("X%03d", i));
		}
		List<String> everyone = new ArrayList<>(departments);
		everyone.addAll(List.of("VP-UBND", "VP-DDBQH-HDND", "TTR-T"));
		everyone.addAll(communes);

		// Shared province-wide systems: one owner (SKHCN), many user agencies that see
		// them read-only
		long qlvb = add(sys("LH-QLVB", "Hệ thống quản lý văn bản và điều hành", "SKHCN").operator("SKHCN-1")
			.purpose("Quản lý văn bản đến, văn bản đi, hồ sơ công việc và chữ ký số của các cơ quan trong tỉnh.")
			.users(4200)
			.hosting(Hosting.PROVINCIAL_DATA_CENTRE)
			.internet()
			.egov()
			.soc(), 3, 3);
		share(qlvb, everyone);
		products(qlvb, domestic("Máy chủ ứng dụng", "Công ty CP Phần mềm Sông Hồng Số", "SHS eOffice", "5.2"),
				foreign("Cơ sở dữ liệu", "Globex Corporation", "Globex SQL Enterprise", "2019", "HồngLạc DB 7"));
		long tslcd = add(sys("LH-TSLCD", "Mạng truyền số liệu chuyên dùng", "SKHCN").operator("SKHCN-1")
			.purpose("Mạng kết nối các cơ quan Đảng, Nhà nước trong tỉnh, tách biệt với Internet.")
			.users(800)
			.critical()
			.soc(), 4, 4);
		share(tslcd, departments);
		products(tslcd, foreign("Thiết bị định tuyến lõi", "Acme Networks", "Acme CoreRouter 9000", "17.3", null),
				domestic("Tường lửa", "Công ty CP An ninh mạng Phù Sa", "PhuSa NGFW", "3.1"));
		long tthc = add(sys("LH-TTHC", "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "SKHCN")
			.operator("TTPVHCC")
			.purpose("Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính; kết nối Cổng Dịch vụ công quốc gia.")
			.users(3500)
			.hosting(Hosting.PROVINCIAL_DATA_CENTRE)
			.internet()
			.publicServices(PublicServiceLevel.FULL)
			.egov()
			.critical()
			.personal(1_250_000, 0)
			.soc(), 3, 3);
		share(tthc, everyone);
		products(tthc,
				foreign("Máy chủ ứng dụng", "Initech Software", "Initech AppServer", "12.2", "Sông Hồng AppServer 4"),
				domestic("Cổng dịch vụ công", "Công ty CP Phần mềm Sông Hồng Số", "SHS DVC", "3.0"));
		long hnth = add(sys("LH-HNTH", "Hệ thống hội nghị truyền hình trực tuyến", "SKHCN").operator("SKHCN-1")
			.purpose("Họp trực tuyến từ UBND tỉnh đến các sở, ngành và UBND cấp xã.")
			.users(600)
			.soc(), 2, 2);
		share(hnth, everyone);
		products(hnth, foreign("Thiết bị đầu cuối", "Umbrella Video", "Umbrella Room Kit", "11", null));

		// Department web portals and sector software
		for (String dept : departments) {
			Agency agency = agencies.findByCode(dept).orElseThrow();
			add(sys(dept + "-CTTDT", "Cổng thông tin điện tử " + agency.name(), dept).operator("SKHCN-1")
				.purpose("Đăng tải thông tin, văn bản chỉ đạo điều hành của " + agency.name() + ".")
				.users(40)
				.hosting(Hosting.PROVINCIAL_DATA_CENTRE)
				.internet()
				.publicData()
				.soc(), 2, null);
		}
		add(sys("STC-QLNS", "Phần mềm quản lý ngân sách và tài sản công", "STC").operator("STC-2")
			.purpose("Lập, phân bổ, theo dõi dự toán ngân sách và tài sản công của tỉnh.")
			.users(900)
			.egov()
			.soc(), 3, 3);
		long qlns = systems.findByCode("STC-QLNS").orElseThrow().id();
		products(qlns, foreign("Cơ sở dữ liệu", "Globex Corporation", "Globex SQL Enterprise", "2016", "HồngLạc DB 7"));
		add(sys("SGDDT-CSDL", "Cơ sở dữ liệu ngành giáo dục", "SGDDT")
			.purpose("Hồ sơ học sinh, giáo viên và trường học.")
			.users(12_000)
			.hosting(Hosting.CLOUD)
			.cloud("Lạc Hồng Cloud (doanh nghiệp viễn thông)")
			.internet()
			.personal(310_000, 0)
			.monitoredBy(1L), 2, null);
		add(sys("SGDDT-TS10", "Hệ thống tuyển sinh lớp 10 trực tuyến", "SGDDT").users(25_000)
			.internet()
			.publicServices(PublicServiceLevel.FULL)
			.personal(28_000, 0)
			.lifecycle(SystemLifecycle.BUILDING), null, null);
		add(sys("SNNMT-DD", "Hệ thống thông tin đất đai tỉnh", "SNNMT").operator("SNNMT-3")
			.purpose("Cơ sở dữ liệu địa chính và đăng ký biến động đất đai.")
			.users(1_500)
			.egov()
			.critical()
			.personal(950_000, 0)
			.publicServices(PublicServiceLevel.PARTIAL)
			.soc(), 4, 3);
		add(sys("STP-HT", "Phần mềm đăng ký và quản lý hộ tịch", "STP").users(700).egov().personal(1_400_000, 0).soc(),
				3, null);
		add(sys("SVHTTDL-DL", "Cổng du lịch thông minh Lạc Hồng", "SVHTTDL").internet()
			.publicData()
			.users(15)
			.hosting(Hosting.CLOUD)
			.cloud("Lạc Hồng Cloud (doanh nghiệp viễn thông)")
			.lifecycle(SystemLifecycle.PLANNED), null, null);

		// Health: HIS with sensitive personal data (health records are sensitive personal
		// data)
		String[][] his = { { "SYT-1", "Bệnh viện Đa khoa tỉnh", "520000" }, { "SYT-5", "Bệnh viện Sản Nhi", "180000" },
				{ "SYT-3", "Bệnh viện Phổi", "60000" } };
		for (String[] h : his) {
			long id = add(sys(h[0] + "-HIS", "Hệ thống thông tin bệnh viện (HIS) – " + h[1], h[0])
				.purpose("Quản lý khám chữa bệnh, hồ sơ bệnh án, thanh toán bảo hiểm y tế.")
				.users(350)
				.critical()
				.personal(0, Integer.parseInt(h[2]))
				.internet()
				.soc(), 3, h[0].equals("SYT-1") ? 3 : null);
			products(id,
					h[0].equals("SYT-1")
							? foreign("Phần mềm HIS", "Initech Health", "Initech HIS", "8.4", "Lạc Hồng HIS 2")
							: domestic("Phần mềm HIS", "Công ty CP Y tế số Phù Sa", "Lạc Hồng HIS", "2.1"));
		}
		add(sys("SYT-HSSK", "Hệ thống hồ sơ sức khỏe điện tử", "SYT").operator("SYT-6")
			.users(200)
			.egov()
			.personal(0, 1_300_000)
			.soc(), 3, null);
		add(sys("SYT-TTYT1-PM", "Phần mềm quản lý trạm y tế", "SYT-TTYT1").users(40)
			.personal(0, 45_000)
			.lifecycle(SystemLifecycle.RETIRED), 1, 1);

		// Police: a system with state secrets, never connected to the Internet
		add(sys("CAT-NV", "Hệ thống thông tin nghiệp vụ nội bộ", "CAT").operator("CAT-1")
			.users(300)
			.purpose("Xử lý thông tin nghiệp vụ nội bộ có nội dung bí mật nhà nước.")
			.critical()
			.secret(StateSecretGrade.SECRET)
			.monitoring(MonitoringKind.NONE), 4, 4);
		log.info("Demo information systems loaded: {}", systems.count(Systems.Filter.none()));
	}

	private long add(Sys s, @Nullable Integer proposed, @Nullable Integer approved) {
		InformationSystem created = management.create(s.details(agencies));
		if (proposed != null || approved != null) {
			systems.setSecurityLevel(created.id(), proposed, approved);
		}
		return created.id();
	}

	private void share(long systemId, List<String> codes) {
		management.setUserAgencies(systemId,
				codes.stream()
					.map(c -> agencies.findByCode(c))
					.flatMap(java.util.Optional::stream)
					.map(Agency::id)
					.toList());
	}

	private void products(long systemId, ProductDetails... list) {
		for (ProductDetails p : list) {
			products.add(systemId, p);
		}
	}

	private static ProductDetails domestic(String component, String vendor, String product, String version) {
		return new ProductDetails(component, vendor, product, version, ProductOrigin.DOMESTIC, null);
	}

	private static ProductDetails foreign(String component, String vendor, String product, String version,
			@Nullable String alternative) {
		return new ProductDetails(component, vendor, product, version, ProductOrigin.FOREIGN, alternative);
	}

	private static Sys sys(String code, String name, String owner) {
		return new Sys(code, name, owner);
	}

	/**
	 * A demo system being described; defaults are an internal, operating system on the
	 * owner's premises.
	 */
	private static final class Sys {

		final String code;

		final String name;

		final String owner;

		@Nullable String operator;

		@Nullable String purpose;

		@Nullable Integer users;

		SystemLifecycle lifecycle = SystemLifecycle.OPERATING;

		Hosting hosting = Hosting.OWN_PREMISES;

		@Nullable String cloud;

		boolean internet;

		PublicServiceLevel publicServices = PublicServiceLevel.NONE;

		DataClassification data = DataClassification.INTERNAL;

		boolean personal;

		@Nullable Integer basic;

		@Nullable Integer sensitive;

		StateSecretGrade secret = StateSecretGrade.NONE;

		boolean critical;

		boolean egov;

		MonitoringKind monitoring = MonitoringKind.NONE;

		@Nullable Long organisation;

		Sys(String code, String name, String owner) {
			this.code = code;
			this.name = name;
			this.owner = owner;
		}

		Sys operator(String v) {
			operator = v;
			return this;
		}

		Sys purpose(String v) {
			purpose = v;
			return this;
		}

		Sys users(int v) {
			users = v;
			return this;
		}

		Sys lifecycle(SystemLifecycle v) {
			lifecycle = v;
			return this;
		}

		Sys hosting(Hosting v) {
			hosting = v;
			return this;
		}

		Sys cloud(String v) {
			cloud = v;
			return this;
		}

		Sys internet() {
			internet = true;
			return this;
		}

		Sys publicServices(PublicServiceLevel v) {
			publicServices = v;
			return this;
		}

		Sys publicData() {
			data = DataClassification.PUBLIC;
			return this;
		}

		Sys personal(int b, int s) {
			personal = true;
			basic = b;
			sensitive = s;
			return this;
		}

		Sys secret(StateSecretGrade v) {
			secret = v;
			return this;
		}

		Sys critical() {
			critical = true;
			return this;
		}

		Sys egov() {
			egov = true;
			return this;
		}

		Sys soc() {
			monitoring = MonitoringKind.PROVINCIAL_SOC;
			return this;
		}

		Sys monitoring(MonitoringKind v) {
			monitoring = v;
			return this;
		}

		Sys monitoredBy(long v) {
			monitoring = MonitoringKind.ORGANISATION;
			organisation = v;
			return this;
		}

		SystemDetails details(Agencies agencies) {
			long ownerId = agencies.findByCode(owner).orElseThrow().id();
			Long operatorId = operator == null ? null : agencies.findByCode(operator).map(Agency::id).orElse(null);
			return new SystemDetails(code, name, ownerId, operatorId, purpose, users, lifecycle, hosting, cloud,
					internet, publicServices, data, personal, basic, sensitive, secret, critical, egov, monitoring,
					organisation);
		}

	}

}
