package vn.khien.readiness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyFigures;

/**
 * An agency's systems that owe a drill this period, those that had it and those overdue,
 * each the total of the coverage list it links to, and the share met.
 */
@Component
class DrillAgencyFigures implements AgencyFigures {

	private final DrillCoverage coverage;

	DrillAgencyFigures(DrillCoverage coverage) {
		this.coverage = coverage;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public List<String> labelKeys() {
		return List.of("standing.drillsRequired", "standing.drillsMet", "standing.drillsOverdue",
				"standing.drillCoverage");
	}

	@Override
	public Map<Long, List<Figure>> of(Collection<Long> agencyIds) {
		Map<Long, List<Figure>> figures = new LinkedHashMap<>();
		coverage.counts(agencyIds).forEach((id, c) -> {
			List<Figure> list = new ArrayList<>();
			list.add(count("standing.drillsRequired", c.required(), id, "required"));
			list.add(count("standing.drillsMet", c.met(), id, "met"));
			list.add(count("standing.drillsOverdue", c.overdue(), id, "overdue"));
			list.add(new Figure("standing.drillCoverage", c.ratio(), true, "/drills/coverage?agency=" + id, null));
			figures.put(id, list);
		});
		return figures;
	}

	private static Figure count(String key, long value, long agencyId, String state) {
		String query = "agency=" + agencyId + "&state=" + state;
		return new Figure(key, value, false, "/drills/coverage?" + query, "/api/v1/drills/coverage?" + query);
	}

}
