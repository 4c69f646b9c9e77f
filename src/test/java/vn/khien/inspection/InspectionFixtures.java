package vn.khien.inspection;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.platform.Formats;

/**
 * Plans, rounds, findings and actions made through the real services as the test-fixtures
 * principal, at agencies the caller names (fresh units, so that no other test sees them).
 */
final class InspectionFixtures {

	private final InspectionManagement management;

	private final InspectionPlans plans;

	private final InspectionRounds rounds;

	private final AccessFixtures agencies;

	InspectionFixtures(ApplicationContext context) {
		this.management = FixturePrincipal.wrap(context.getBean(InspectionManagement.class));
		this.plans = FixturePrincipal.wrap(context.getBean(InspectionPlans.class));
		this.rounds = FixturePrincipal.wrap(context.getBean(InspectionRounds.class));
		this.agencies = new AccessFixtures(context);
	}

	static int thisYear() {
		return LocalDate.now(Formats.ZONE).getYear();
	}

	long agency(String code) {
		return agencies.agency(code);
	}

	/** A draft plan of the year by the provincial police, targeting the agencies. */
	long draft(int year, Long... targets) {
		List<InspectionManagement.NewTarget> list = Arrays.stream(targets)
			.map(t -> new InspectionManagement.NewTarget(t, LocalDate.of(year, 3, 2), LocalDate.of(year, 3, 6)))
			.toList();
		return management
			.createPlan(new InspectionManagement.NewPlan(year, "periodic",
					"Kiểm tra ATTT " + AccessFixtures.unique("KT"), agency("CAT"), list))
			.id();
	}

	/** The same, approved. */
	long plan(int year, Long... targets) {
		long plan = draft(year, targets);
		management.movePlan(plan, PlanStatus.APPROVED);
		return plan;
	}

	/** A round of the plan at the agency, planned. */
	long round(long plan, long agency) {
		int year = plans.get(plan).year();
		return management
			.createRound(plan,
					new InspectionManagement.NewRound(agency, LocalDate.of(year, 1, 5), LocalDate.of(year, 1, 7),
							"Đoàn kiểm tra ma trận"))
			.id();
	}

	/** A round under way. */
	long started(long plan, long agency) {
		long round = round(plan, agency);
		management.moveRound(round, RoundStatus.IN_PROGRESS);
		return round;
	}

	void complete(long round) {
		management.moveRound(round, RoundStatus.COMPLETED);
	}

	long finding(long round) {
		return management
			.addFinding(round,
					new InspectionManagement.NewFinding("shortcoming", "Chưa có quy chế bảo đảm ATTT", null, "medium",
							null, null))
			.id();
	}

	/** An open action, due a few days after its round started. */
	long action(long finding) {
		return management
			.addAction(finding,
					new InspectionManagement.NewAction("Ban hành quy chế", "Văn phòng",
							LocalDate.of(rounds.get(rounds.finding(finding).roundId()).planYear(), 1, 20)))
			.id();
	}

	/** An action the agency reported done. */
	long done(long finding) {
		long action = action(finding);
		management.moveAction(action, ActionStatus.DONE, "Đã ban hành quy chế", null);
		return action;
	}

	/** A whole chain at the agency: an approved plan, a round under way, a finding. */
	long findingAt(long agency) {
		int year = thisYear();
		long plan = plan(year, agency);
		return finding(started(plan, agency));
	}

}
