package vn.khien.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.inventory.SystemFixtures;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.Systems;
import vn.khien.law.ObligationRecords;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.Formats;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * The legacy pack's inspection of the organisation every two years (NĐ 85 Art. 20.2.c):
 * an agency that owns a system with an approved level owes it, and a completed round in
 * this year's or last year's plan meets it; a round still under way does not.
 */
@KhienTest
class InspectionCoverageTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	RulePacks packs;

	@Test
	void anOwnerOfLevelledSystemsMeetsTheOrganisationsInspectionWithACompletedRound() {
		InspectionCoverage coverage = FixturePrincipal.wrap(context.getBean(InspectionCoverage.class));
		RulePack.Obligation biennial = packs.get("vn-2016-nd85")
			.obligations()
			.stream()
			.filter(o -> o.id().equals("inspection-organisation"))
			.findFirst()
			.orElseThrow();
		assertThat(coverage.answers(biennial)).isTrue();
		LocalDate today = LocalDate.now(Formats.ZONE);
		ObligationRecords.Standing before = coverage.standing(biennial, today);
		AccessFixtures access = new AccessFixtures(context);
		Agency owner = access.unit("SYT");
		Agency withoutLevel = access.unit("SYT");
		Systems systems = FixturePrincipal.wrap(context.getBean(Systems.class));
		SystemFixtures made = new SystemFixtures(FixturePrincipal.wrap(context.getBean(SystemManagement.class)),
				systems, FixturePrincipal.wrap(context.getBean(Agencies.class)));
		systems.setSecurityLevel(made.system(owner.code(), false).id(), 2, 2);
		made.system(withoutLevel.code(), false);
		ObligationRecords.Standing owed = coverage.standing(biennial, today);
		assertThat(owed.required()).as("only the owner of a system with a level").isEqualTo(before.required() + 1);
		var f = new InspectionFixtures(context);
		long plan = f.plan(InspectionFixtures.thisYear() - 1, owner.id(), withoutLevel.id());
		long round = f.started(plan, owner.id());
		assertThat(coverage.standing(biennial, today).met()).as("under way").isEqualTo(before.met());
		f.complete(round);
		ObligationRecords.Standing after = coverage.standing(biennial, today);
		assertThat(after.met()).as("last year's round counts in a two-year period").isEqualTo(before.met() + 1);
		assertThat(after.required()).isEqualTo(owed.required());
	}

}
