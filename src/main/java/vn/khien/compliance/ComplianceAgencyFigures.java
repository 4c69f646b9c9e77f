package vn.khien.compliance;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.khien.inventory.SystemLevels;
import vn.khien.platform.AgencyFigures;
import vn.khien.platform.AgencyHierarchy;

/**
 * An agency's security levels: its systems in use (owned, user agencies aside), how many
 * have an approved level and how many not yet, and the approval rate the pack's target is
 * set against; each rolled up over its sub-units from the inventory's read model.
 */
@Component
class ComplianceAgencyFigures implements AgencyFigures {

	private final SystemLevels levels;

	private final AgencyHierarchy hierarchy;

	ComplianceAgencyFigures(SystemLevels levels, AgencyHierarchy hierarchy) {
		this.levels = levels;
		this.hierarchy = hierarchy;
	}

	@Override
	public int order() {
		return 15;
	}

	@Override
	public List<String> labelKeys() {
		return List.of("standing.levelsApproved", "standing.levelsPending", "standing.levelShare");
	}

	@Override
	public Map<Long, List<Figure>> of(Collection<Long> agencyIds) {
		Map<Long, long[]> byAgency = new HashMap<>();
		for (SystemLevels.Count c : levels.inScope()) {
			byAgency.computeIfAbsent(c.agencyId(), k -> new long[2])[c.approvedLevel() == 0 ? 1 : 0] += c.systems();
		}
		Map<Long, List<Figure>> figures = new LinkedHashMap<>();
		for (Long id : agencyIds) {
			long approved = 0;
			long pending = 0;
			for (Long agency : hierarchy.selfAndDescendants(id)) {
				long[] counts = byAgency.get(agency);
				if (counts != null) {
					approved += counts[0];
					pending += counts[1];
				}
			}
			String list = "/systems?agency=" + id + "&levelApproved=";
			figures.put(id, List.of(
					new Figure("standing.levelsApproved", approved, false, list + "true", "/api/v1" + list + "true"),
					new Figure("standing.levelsPending", pending, false, list + "false", "/api/v1" + list + "false"),
					new Figure("standing.levelShare",
							approved + pending == 0 ? null : (double) approved / (approved + pending), true,
							"/compliance")));
		}
		return figures;
	}

}
