package vn.khien.registry.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.DemoMode;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;
import vn.khien.registry.Reorganisations;

/**
 * The demo province's 2025 reform, so its history can be browsed: three former districts
 * with their communes (recorded since 2020), the communes of each district merged into
 * one new commune on 01/07/2025, and the districts abolished (merged into the province)
 * the same day.
 */
@Component
@Order(11)
class DemoReorganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoReorganisation.class);

	static final LocalDate RECORDED_FROM = LocalDate.of(2020, 1, 1);

	static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	private static final String[][] DISTRICTS = { { "A", "Huyện Cũ A", "Bình An", "Phú Thọ", "Tân Lập", "Hòa Bình An" },
			{ "B", "Huyện Cũ B", "Đông Sơn", "Tây Sơn", "Nam Sơn", "Sơn Hà" },
			{ "C", "Huyện Cũ C", "Vĩnh Phúc", "Vĩnh Lộc", "Vĩnh Hưng", "Vĩnh Thịnh" } };

	private final DemoProvince province;

	private final Agencies agencies;

	private final AgencyManagement management;

	private final Reorganisations reorganisations;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DemoReorganisation(DemoProvince province, Agencies agencies, AgencyManagement management,
			Reorganisations reorganisations, JdbcClient jdbc, TransactionTemplate transactions) {
		this.province = province;
		this.agencies = agencies;
		this.management = management;
		this.reorganisations = reorganisations;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// NB: demo data is written by the demo loader, not by nobody: without a principal
		// nothing is in scope
		DemoMode.LOADER.run(() -> {
			if (!province.enabled() || agencies.findByCode(DemoProvince.ROOT).isEmpty()
					|| agencies.findByCode("HC-A").isPresent()
					|| jdbc.sql("SELECT COUNT(*) FROM reorganisation").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		long root = agencies.findByCode(DemoProvince.ROOT).orElseThrow().id();
		List<Long> districts = new ArrayList<>();
		for (String[] d : DISTRICTS) {
			long district = add("HC-" + d[0], "UBND " + d[1], AgencyKind.DISTRICT, root);
			districts.add(district);
			List<Long> communes = new ArrayList<>();
			for (int i = 2; i < 5; i++) {
				String code = "XC-" + d[0] + (i - 1);
				long commune = add(code, "UBND Xã " + d[i], AgencyKind.COMMUNE, district);
				add(code + "-TYT", "Trạm Y tế xã " + d[i], AgencyKind.PUBLIC_SERVICE_UNIT, commune);
				communes.add(commune);
			}
			reorganisations.merge(new Reorganisations.Merge(communes, null,
					new Reorganisations.NewAgency("XHN-" + d[0], "UBND Xã " + d[5], AgencyKind.COMMUNE, root), REFORM,
					"Sắp xếp đơn vị hành chính cấp xã năm 2025 (dữ liệu minh họa)"));
		}
		reorganisations.merge(new Reorganisations.Merge(districts, root, null, REFORM,
				"Kết thúc hoạt động của chính quyền cấp huyện năm 2025 (dữ liệu minh họa)"));
		log.info("Demo 2025 reorganisation loaded");
	}

	private long add(String code, String name, AgencyKind kind, long parent) {
		return management
			.create(new AgencyDetails(code, name, kind, parent, null, null, null, null, null), RECORDED_FROM)
			.id();
	}

}
