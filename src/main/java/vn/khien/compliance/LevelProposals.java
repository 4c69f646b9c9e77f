package vn.khien.compliance;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.PublicServiceLevel;
import vn.khien.inventory.Systems;
import vn.khien.law.LevelProposal;
import vn.khien.law.RulePacks;
import vn.khien.law.SystemFacts;

/**
 * The criteria wizard: the level the pack in force proposes for a system's facts, given
 * or read from the inventory.
 */
@Service
public class LevelProposals {

	private final RulePacks packs;

	private final Systems systems;

	LevelProposals(RulePacks packs, Systems systems) {
		this.packs = packs;
		this.systems = systems;
	}

	public LevelProposal propose(LocalDate date, SystemFacts facts) {
		return packs.propose(date, facts);
	}

	/**
	 * The proposal for a system in the caller's scope (404 otherwise), from its inventory
	 * facts.
	 */
	public LevelProposal forSystem(LocalDate date, long systemId) {
		return packs.propose(date, factsOf(systems.get(systemId)));
	}

	/**
	 * What the inventory knows, in the criteria's terms. Its public-service scale has
	 * three steps: partly online is the old level 3, fully online the old level 4 (Decree
	 * 42/2022); any online public service handles administrative procedures. The
	 * inventory records no infrastructure, industrial control or harm facts: those take
	 * the defaults.
	 */
	static SystemFacts factsOf(InformationSystem s) {
		boolean publicService = s.publicServiceLevel() != PublicServiceLevel.NONE || s.internetFacing();
		int onlineLevel = switch (s.publicServiceLevel()) {
			case NONE -> 0;
			case PARTIAL -> 3;
			case FULL -> 4;
		};
		long basic = s.personalSubjectsBasic() == null ? 0 : s.personalSubjectsBasic();
		long sensitive = s.personalSubjectsSensitive() == null ? 0 : s.personalSubjectsSensitive();
		long subjects = Math.max(basic, sensitive);
		if (s.handlesPersonalData() && subjects == 0) {
			// handles personal data of an unknown number of people: at least one
			subjects = 1;
		}
		return new SystemFacts(publicService ? "public_service" : "internal", onlineLevel,
				s.publicServiceLevel() != PublicServiceLevel.NONE, subjects, Math.min(sensitive, subjects),
				s.stateSecretGrade().name().toLowerCase(java.util.Locale.ROOT), "agency", false, "none", null);
	}

}
