package vn.khien.incident;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.DemoMode;

/**
 * The demo roster of the response team: a few members seconded from the science
 * department, the police and two departments, one of them the demo account
 * {@code responder}. Loaded once, after the demo province, while the roster is empty. All
 * names are invented.
 */
@Component
@Order(30)
class ResponderDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ResponderDemo.class);

	private final DemoMode demoMode;

	private final AgencyDirectory agencies;

	private final Accounts accounts;

	private final Responders responders;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ResponderDemo(DemoMode demoMode, AgencyDirectory agencies, Accounts accounts, Responders responders,
			JdbcClient jdbc, TransactionTemplate transactions) {
		this.demoMode = demoMode;
		this.agencies = agencies;
		this.accounts = accounts;
		this.responders = responders;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// NB: demo data is written by the demo loader, not by nobody: without a principal
		// nothing is in scope
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.idOfCode("SKHCN").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM responder").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
			log.info("Demo roster of the response team loaded");
		});
	}

	private void load() {
		Long responder = accounts.findByUsername("responder").map(Accounts.Account::id).orElse(null);
		member("SKHCN", responder, "Hoàng Văn Ứng Cứu", "ungcuu.skhcn@lachong.gov.invalid", "0912 345 001",
				"Điều phối ứng cứu, phân tích mã độc", Availability.AVAILABLE);
		member("SKHCN", null, "Trần Thị Minh Thư", "minhthu.skhcn@lachong.gov.invalid", "0912 345 002",
				"Phân tích nhật ký, điều tra số", Availability.BUSY);
		member("CAT", null, "Lê Quốc Đạt", "quocdat.cat@lachong.gov.invalid", "0912 345 003",
				"Điều tra tội phạm công nghệ cao, bảo toàn chứng cứ", Availability.AVAILABLE);
		member("SYT", null, "Nguyễn Thu Hà", "thuha.syt@lachong.gov.invalid", "0912 345 004",
				"Quản trị máy chủ, khôi phục dữ liệu", Availability.UNAVAILABLE);
		member("SGDDT", null, "Đỗ Anh Tuấn", "anhtuan.sgddt@lachong.gov.invalid", "0912 345 005",
				"Quản trị mạng, tường lửa", Availability.AVAILABLE);
	}

	private void member(String agencyCode, @Nullable Long account, String name, String email, String phone,
			String skills, Availability availability) {
		agencies.idOfCode(agencyCode)
			.ifPresent(agency -> responders
				.create(new Responder.Details(agency, account, name, email, phone, skills, availability, true)));
	}

}
