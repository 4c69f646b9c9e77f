package vn.khien.readiness.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.DemoMode;
import vn.khien.platform.Formats;
import vn.khien.platform.PageQuery;
import vn.khien.readiness.DrillAction;
import vn.khien.readiness.DrillActionStatus;
import vn.khien.readiness.DrillKind;
import vn.khien.readiness.DrillManagement;
import vn.khien.readiness.Drills;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Demo drills: this year's live-fire drill on two of the province's level 3+ systems,
 * held, with three weaknesses whose actions stand open, done and verified, and a tabletop
 * drill of the departments still planned. Loaded once, when demo data is on and no drill
 * exists.
 */
@Component
@Order(50)
class DemoDrills implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Systems systems;

	private final DrillManagement management;

	private final Drills drills;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoDrills(JdbcClient jdbc, Agencies agencies, Systems systems, DrillManagement management, Drills drills,
			DemoMode demoMode, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.systems = systems;
		this.management = management;
		this.drills = drills;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode("SKHCN").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM drill_plan").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		long operator = agencies.findByCode("SKHCN").map(Agency::id).orElseThrow();
		List<InformationSystem> levelled = systems
			.list(new Systems.Filter(null, null, null, null, null, null, null, null, null, true),
					PageQuery.of(0, 100, "code"))
			.items()
			.stream()
			.filter(s -> s.securityLevelApproved() != null && s.securityLevelApproved() >= 3)
			.limit(2)
			.toList();
		LocalDate today = LocalDate.now(Formats.ZONE);
		// held a few weeks ago, but this year, so that it counts for this year's
		// obligation
		LocalDate held = today.minusDays(Math.min(20, today.getDayOfYear() - 1));
		if (!levelled.isEmpty()) {
			List<DrillManagement.NewTarget> targets = new ArrayList<>();
			levelled.forEach(s -> targets.add(new DrillManagement.NewTarget(s.id(), null)));
			targets.add(new DrillManagement.NewTarget(levelled.get(0).id(), "csdl_chinh"));
			long owner = levelled.get(0).ownerAgencyId();
			long live = management
				.create(new DrillManagement.NewDrill(operator, "live_fire",
						"Diễn tập thực chiến bảo đảm ATTT năm " + today.getYear(),
						"Tấn công có chủ đích: chiếm quyền quản trị và thay đổi giao diện cổng thông tin", held,
						targets,
						List.of(new DrillManagement.NewParticipant(owner, "Trần Thị Bình", "Quản trị hệ thống"),
								new DrillManagement.NewParticipant(operator, "Lê Văn Cường", "Đội ứng cứu sự cố"))))
				.id();
			management.recordRun(live,
					new DrillManagement.NewRun(held,
							"08:00 bắt đầu tấn công; 09:10 phát hiện bất thường; 10:30 cô lập máy chủ; 11:00 khôi phục",
							false, 70, 80,
							List.of(new DrillManagement.NewWeakness("process", "high",
									"Chưa có quy trình báo cáo sự cố trong nội bộ đơn vị", owner, "Văn phòng",
									held.plusMonths(2)),
									new DrillManagement.NewWeakness("technology", "critical",
											"Tài khoản quản trị dùng mật khẩu yếu, chưa xác thực hai lớp", owner,
											"Phòng CNTT", held.plusMonths(1)),
									new DrillManagement.NewWeakness("people", "medium",
											"Cán bộ chưa nhận diện được thư lừa đảo", owner, "Phòng Tổ chức",
											held.plusMonths(3)))));
			List<DrillAction> actions = drills
				.actions(new Drills.ActionFilter(null, null, live), PageQuery.of(0, 10, null))
				.items();
			if (actions.size() >= 2) {
				management.moveAction(actions.get(0).id(), DrillActionStatus.DONE, "Đã bật xác thực hai lớp");
				management.moveAction(actions.get(0).id(), DrillActionStatus.VERIFIED, "Đã kiểm tra lại");
				management.moveAction(actions.get(1).id(), DrillActionStatus.DONE, "Đã ban hành quy trình");
			}
		}
		Optional<Long> health = agencies.findByCode("SYT").map(Agency::id);
		Optional<Long> education = agencies.findByCode("SGDDT").map(Agency::id);
		List<DrillManagement.NewParticipant> people = new ArrayList<>();
		health.ifPresent(id -> people.add(new DrillManagement.NewParticipant(id, null, null)));
		education.ifPresent(id -> people.add(new DrillManagement.NewParticipant(id, null, null)));
		LocalDate later = today.getMonthValue() == 12 ? today : today.plusMonths(1);
		management.create(
				new DrillManagement.NewDrill(operator, DrillKind.TABLETOP.code(), "Diễn tập trên bàn khối sở, ngành",
						"Mã độc tống tiền mã hóa dữ liệu dùng chung", later, List.of(), people));
	}

}
