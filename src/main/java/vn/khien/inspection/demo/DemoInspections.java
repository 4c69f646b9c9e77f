package vn.khien.inspection.demo;

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

import vn.khien.inspection.ActionStatus;
import vn.khien.inspection.InspectionManagement;
import vn.khien.inspection.InspectionManagement.NewAction;
import vn.khien.inspection.InspectionManagement.NewFinding;
import vn.khien.inspection.InspectionManagement.NewPlan;
import vn.khien.inspection.InspectionManagement.NewRound;
import vn.khien.inspection.InspectionManagement.NewTarget;
import vn.khien.inspection.PlanStatus;
import vn.khien.inspection.RoundStatus;
import vn.khien.platform.Accounts;
import vn.khien.platform.DemoMode;
import vn.khien.platform.Formats;
import vn.khien.platform.KhienUser;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.vulnerability.Finding;
import vn.khien.vulnerability.Findings;

/**
 * Demo inspections: this year's periodic plan of the provincial police over eight
 * departments, four of them inspected already (their findings' actions open, one overdue,
 * reported done and verified), one round under way, one planned and two departments still
 * waiting, so that the plan's coverage shows both. Loaded once, when demo data is on and
 * no plan exists.
 */
@Component
@Order(60)
class DemoInspections implements ApplicationRunner {

	/** The inspecting body: the provincial police, whose demo account verifies. */
	private static final String INSPECTOR = "CAT";

	private static final String VERIFIER = "police";

	private static final List<String> TARGETS = List.of("SYT", "STC", "SXD", "SCT", "SGDDT", "SNNMT", "SVHTTDL", "STP");

	/** The first targets, inspected already. */
	private static final int INSPECTED = 4;

	private enum Outcome {

		OPEN, OVERDUE, DONE, VERIFIED

	}

	private record Found(String kind, String severity, String title, String action, String owner, Outcome outcome) {
	}

	private static final List<List<Found>> FOUND = List.of(List.of(
			new Found("violation", "high", "Hệ thống thông tin chưa được phê duyệt cấp độ theo Nghị định 85/2016/NĐ-CP",
					"Lập hồ sơ đề xuất cấp độ, trình phê duyệt", "Phòng Kế hoạch - Tài chính", Outcome.VERIFIED),
			new Found("shortcoming", "medium", "Chưa ban hành quy chế bảo đảm an toàn thông tin của đơn vị",
					"Ban hành quy chế bảo đảm an toàn thông tin", "Văn phòng Sở", Outcome.OVERDUE),
			new Found("vulnerability", "high", "Máy chủ cổng thông tin chưa cập nhật bản vá bảo mật",
					"Cập nhật bản vá, rà quét lại lỗ hổng", "Trung tâm Công nghệ thông tin", Outcome.DONE)),
			List.of(new Found("violation", "critical", "Tài khoản quản trị dùng chung, chưa xác thực hai lớp",
					"Cấp tài khoản quản trị riêng, bật xác thực hai lớp", "Phòng Công nghệ thông tin",
					Outcome.VERIFIED),
					new Found("shortcoming", "low", "Chưa tập huấn nhận thức an toàn thông tin cho cán bộ trong năm",
							"Tổ chức lớp tập huấn nhận thức an toàn thông tin", "Văn phòng Sở", Outcome.OPEN)),
			List.of(new Found("shortcoming", "medium", "Nhật ký hệ thống lưu chưa đủ thời gian theo quy định",
					"Cấu hình lưu nhật ký tối thiểu 6 tháng", "Phòng Công nghệ thông tin", Outcome.DONE)),
			List.of(new Found("violation", "high", "Chưa có phương án ứng phó sự cố cho hệ thống cấp độ 3",
					"Xây dựng và phê duyệt phương án ứng phó sự cố", "Văn phòng Sở", Outcome.VERIFIED),
					new Found("vulnerability", "medium", "Phần mềm quản lý văn bản dùng phiên bản hết hỗ trợ",
							"Nâng cấp phần mềm lên phiên bản được hỗ trợ", "Trung tâm Công nghệ thông tin",
							Outcome.OPEN)));

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Accounts accounts;

	private final InspectionManagement management;

	private final Findings findings;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoInspections(JdbcClient jdbc, Agencies agencies, Accounts accounts, InspectionManagement management,
			Findings findings, DemoMode demoMode, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.accounts = accounts;
		this.management = management;
		this.findings = findings;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode(INSPECTOR).isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM inspection_plan").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		long inspector = agencies.findByCode(INSPECTOR).map(Agency::id).orElseThrow();
		List<Long> targets = TARGETS.stream()
			.map(agencies::findByCode)
			.flatMap(Optional::stream)
			.filter(a -> a.status().current())
			.map(Agency::id)
			.toList();
		if (targets.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(Formats.ZONE);
		int year = today.getYear();
		List<LocalDate[]> dates = new ArrayList<>();
		List<NewTarget> planned = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			LocalDate from;
			LocalDate to;
			if (i < INSPECTED) {
				// held in the past weeks, but this year, so that they cover this year
				from = past(today, 70 - 15 * i);
				to = from.plusDays(2).isAfter(today) ? today : from.plusDays(2);
			}
			else if (i == INSPECTED) {
				from = past(today, 2);
				to = ahead(today, 2);
			}
			else {
				from = ahead(today, 20 + 15 * (i - INSPECTED - 1));
				to = ahead(today, 22 + 15 * (i - INSPECTED - 1));
			}
			dates.add(new LocalDate[] { from, to });
			planned.add(new NewTarget(targets.get(i), from, to));
		}
		long plan = management
			.createPlan(new NewPlan(year, "periodic", "Kế hoạch kiểm tra an toàn thông tin định kỳ năm " + year,
					inspector, planned))
			.id();
		management.movePlan(plan, PlanStatus.APPROVED);
		String team = "Đoàn kiểm tra Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao";
		List<Long> toVerify = new ArrayList<>();
		for (int i = 0; i < targets.size() && i <= INSPECTED + 1; i++) {
			long agency = targets.get(i);
			long round = management
				.createRound(plan,
						new NewRound(agency, dates.get(i)[0], dates.get(i)[1],
								team + ": Thiếu tá Nguyễn Văn Hùng, Đại úy Trần Thị Mai"))
				.id();
			if (i > INSPECTED) {
				continue; // planned, not started
			}
			management.moveRound(round, RoundStatus.IN_PROGRESS);
			if (i == INSPECTED) {
				continue; // under way
			}
			for (Found found : FOUND.get(i % FOUND.size())) {
				List<Long> links = found.kind().equals("vulnerability") ? openFindingAt(agency) : List.of();
				long finding = management
					.addFinding(round,
							new NewFinding(found.kind(), found.title(),
									"Phát hiện trong đợt kiểm tra định kỳ năm " + year, found.severity(), null, links))
					.id();
				LocalDate due = switch (found.outcome()) {
					// NB: no deadline falls before its round's start, which early in
					// January is today
					case OVERDUE -> today.minusDays(5).isBefore(dates.get(i)[0]) ? dates.get(i)[0] : today.minusDays(5);
					case VERIFIED -> today.plusDays(15);
					case DONE -> today.plusDays(30);
					case OPEN -> today.plusDays(60);
				};
				long action = management.addAction(finding, new NewAction(found.action(), found.owner(), due)).id();
				if (found.outcome() == Outcome.DONE || found.outcome() == Outcome.VERIFIED) {
					management.moveAction(action, ActionStatus.DONE, "Đơn vị đã khắc phục, gửi kèm báo cáo", null);
				}
				if (found.outcome() == Outcome.VERIFIED) {
					toVerify.add(action);
				}
			}
			management.moveRound(round, RoundStatus.COMPLETED);
		}
		verify(toVerify, inspector);
	}

	/**
	 * Verification belongs to the inspecting body, not to the loader: the police's demo
	 * account verifies, and without it the fixes stay reported done.
	 */
	private void verify(List<Long> actions, long inspector) {
		Optional<KhienUser> police = accounts.findByUsername(VERIFIER)
			.filter(a -> a.enabled() && a.roles().contains(Role.POLICE) && a.agencyId() != null
					&& a.agencyId() == inspector)
			.map(KhienUser::of);
		if (police.isEmpty() || actions.isEmpty()) {
			return;
		}
		police.get().run(() -> {
			for (long action : actions) {
				management.moveAction(action, ActionStatus.VERIFIED, "Đã kiểm tra lại, đơn vị đã khắc phục", null);
			}
		});
	}

	/**
	 * An open finding of the vulnerability module at exactly this agency, if the demo has
	 * one, for the inspection's vulnerability to refer to.
	 */
	private List<Long> openFindingAt(long agency) {
		return findings
			.list(new Findings.Filter(agency, null, null, null, null, null, null, null, true, null),
					PageQuery.of(0, 20, null))
			.items()
			.stream()
			.filter(f -> f.agencyId() != null && f.agencyId() == agency)
			.map(Finding::id)
			.limit(1)
			.toList();
	}

	private static LocalDate past(LocalDate today, int days) {
		LocalDate date = today.minusDays(days);
		return date.getYear() == today.getYear() ? date : today.withDayOfYear(1);
	}

	private static LocalDate ahead(LocalDate today, int days) {
		LocalDate date = today.plusDays(days);
		return date.getYear() == today.getYear() ? date : today.withMonth(12).withDayOfMonth(31);
	}

}
