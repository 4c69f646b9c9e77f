package vn.khien.readiness.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.DemoMode;
import vn.khien.platform.Formats;
import vn.khien.readiness.BudgetProposals;
import vn.khien.readiness.BudgetStatus;
import vn.khien.readiness.Trainings;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;

/**
 * Demo training: a province conference on the cybersecurity law and a course at the
 * health department this year, with attendees (the health department's security staff
 * among them), headcounts, and budget proposals at each stage. Loaded once, when demo
 * data is on and no training exists. All names are invented.
 */
@Component
@Order(50)
class DemoTrainings implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Trainings trainings;

	private final BudgetProposals proposals;

	private final SecurityStaffing staffing;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoTrainings(JdbcClient jdbc, Agencies agencies, Trainings trainings, BudgetProposals proposals,
			SecurityStaffing staffing, DemoMode demoMode, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.trainings = trainings;
		this.proposals = proposals;
		this.staffing = staffing;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode("SYT").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM training_event").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		LocalDate today = LocalDate.now(Formats.ZONE);
		Agency health = agencies.findByCode("SYT").orElseThrow();
		Optional<Agency> education = agencies.findByCode("SGDDT");
		Agency organiser = agencies.findByCode("SKHCN").orElse(health);
		LocalDate march = earliest(LocalDate.of(today.getYear(), 3, 10), today);
		LocalDate june = earliest(LocalDate.of(today.getYear(), 6, 17), today);

		trainings.setWorkforce(health.id(), 85, 20);
		education.ifPresent(e -> trainings.setWorkforce(e.id(), 60, 15));
		trainings.setWorkforce(organiser.id(), 45, 10);

		long conference = trainings
			.create(new Trainings.NewTraining(organiser.id(), "conference", "Hội nghị phổ biến Luật An ninh mạng",
					"Lãnh đạo, cán bộ phụ trách CNTT các sở, ngành", march, march, "Hội trường UBND tỉnh"))
			.id();
		List<SecurityStaff> staff = staffing.staff(health.id());
		if (!staff.isEmpty()) {
			attend(conference, health, staff.get(0).name(), staff.get(0).title(), staff.get(0).id(), march);
		}
		attend(conference, health, "Đỗ Minh Khoa", "Phó Giám đốc", null, march);
		attend(conference, health, "Vũ Thị Hạnh", "Trưởng phòng Kế hoạch - Tài chính", null, march);
		education.ifPresent(e -> {
			attend(conference, e, "Hoàng Văn Tú", "Chuyên viên CNTT", null, march);
			attend(conference, e, "Ngô Thị Mai", "Chánh Văn phòng", null, march);
		});
		attend(conference, organiser, "Bùi Quang Huy", "Trưởng phòng CNTT", null, march);

		long course = trainings
			.create(new Trainings.NewTraining(health.id(), "course", "Nhận diện thư điện tử giả mạo",
					"Cán bộ, viên chức khối văn phòng", june, june, "Phòng họp Sở Y tế"))
			.id();
		attend(course, health, "Đỗ Minh Khoa", "Phó Giám đốc", null, june);
		attend(course, health, "Lý Thu Trang", "Chuyên viên", null, june);
		attend(course, health, "Phan Đức Long", "Kế toán", null, june);

		long firewall = proposals.propose(new BudgetProposals.NewProposal(health.id(), today.getYear(),
				"Nâng cấp tường lửa trung tâm dữ liệu", "Thay thiết bị hết hạn hỗ trợ của nhà sản xuất", 850_000_000L))
			.id();
		proposals.move(firewall, BudgetStatus.APPROVED, "Đưa vào dự toán năm");
		proposals.move(firewall, BudgetStatus.FUNDED, null);
		proposals.propose(new BudgetProposals.NewProposal(health.id(), today.getYear() + 1,
				"Thuê dịch vụ giám sát an toàn thông tin (SOC)", null, 1_200_000_000L));
		education.ifPresent(e -> {
			long antivirus = proposals
				.propose(new BudgetProposals.NewProposal(e.id(), today.getYear(),
						"Mua bản quyền phần mềm phòng chống mã độc", "Cho 300 máy trạm của các trường", 240_000_000L))
				.id();
			proposals.move(antivirus, BudgetStatus.APPROVED, null);
		});
	}

	private void attend(long event, Agency agency, String name, String position, Long staffId, LocalDate on) {
		trainings.addAttendee(event, new Trainings.NewAttendee(agency.code(), name, position, null, staffId, on));
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
