package vn.khien.compliance;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.inventory.SystemLevels;
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;

/**
 * Which systems had the pack's periodic check and assessment (NĐ 85 Art. 20.2.c, NĐ 331
 * Art. 28): a completed assessment of the system, by its owner or an independent
 * organisation, in the period.
 */
@Component
class AssessmentCoverage implements ObligationRecords {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final SystemLevels levels;

	AssessmentCoverage(JdbcClient jdbc, CurrentUser currentUser, SystemLevels levels) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.levels = levels;
	}

	@Override
	public boolean answers(RulePack.Obligation obligation) {
		return (obligation.kind() == RulePack.ObligationKind.INSPECTION
				|| obligation.kind() == RulePack.ObligationKind.ASSESSMENT) && !obligation.ofOrganisation();
	}

	@Override
	public Standing standing(RulePack.Obligation obligation, LocalDate today) {
		LocalDate from = obligation.periodFrom(today);
		AgencyScope scope = currentUser.scope();
		SystemLevels.Tally tally = levels.tally(obligation::covers,
				scope
					.bind(jdbc.sql("SELECT DISTINCT system_id FROM assessment a WHERE " + scope.filter("a.agency_id")
							+ " AND a.assessed_on >= :from AND a.status = 'COMPLETED'"))
					.param("from", Date.valueOf(from)));
		return new Standing(tally.required(), tally.met());
	}

}
