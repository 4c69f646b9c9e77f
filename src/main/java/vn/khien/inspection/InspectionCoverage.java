package vn.khien.inspection;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.inventory.SystemLevels;
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;

/**
 * Which agencies had the pack's periodic inspection of the organisation (NĐ 85 Art.
 * 20.2.c: every two years): an owner of systems with a level the duty covers meets it
 * with a completed round in a plan year of the period, read from the coverage read model.
 */
@Component
class InspectionCoverage implements ObligationRecords {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final SystemLevels levels;

	InspectionCoverage(JdbcClient jdbc, CurrentUser currentUser, SystemLevels levels) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.levels = levels;
	}

	@Override
	public boolean answers(RulePack.Obligation obligation) {
		return obligation.kind() == RulePack.ObligationKind.INSPECTION && obligation.ofOrganisation();
	}

	@Override
	public Standing standing(RulePack.Obligation obligation, LocalDate today) {
		Set<Long> owners = new HashSet<>();
		for (SystemLevels.Count c : levels.inScope()) {
			if (c.systems() > 0 && obligation.covers(c.approvedLevel())) {
				owners.add(c.agencyId());
			}
		}
		AgencyScope scope = currentUser.scope();
		Set<Long> inspected = new HashSet<>();
		scope
			.bind(jdbc.sql("SELECT agency_id FROM inspection_agency_year y WHERE " + scope.filter("y.agency_id")
					+ " AND y.plan_year >= :from AND y.plan_year <= :to AND y.completed_rounds > 0"))
			.param("from", obligation.periodFrom(today).getYear())
			.param("to", today.getYear())
			.query(rs -> {
				inspected.add(rs.getLong(1));
			});
		inspected.retainAll(owners);
		return new Standing(owners.size(), inspected.size());
	}

}
