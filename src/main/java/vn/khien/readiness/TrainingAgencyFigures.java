package vn.khien.readiness;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyFigures;
import vn.khien.platform.Formats;

/**
 * An agency's training reach this calendar year (people reached, their share of its
 * officials and workers) and its budget proposals of the year, rolled up over its
 * sub-units as the lists behind the links count them.
 */
@Component
class TrainingAgencyFigures implements AgencyFigures {

	private final Trainings trainings;

	private final BudgetProposals proposals;

	TrainingAgencyFigures(Trainings trainings, BudgetProposals proposals) {
		this.trainings = trainings;
		this.proposals = proposals;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public List<String> labelKeys() {
		return List.of("standing.trainingReached", "standing.trainingReach", "standing.budgetProposed");
	}

	@Override
	public Map<Long, List<Figure>> of(Collection<Long> agencyIds) {
		LocalDate today = LocalDate.now(Formats.ZONE);
		LocalDate start = today.withDayOfYear(1);
		Map<Long, TrainingReach> reach = trainings.reachOf(agencyIds, start, today);
		Map<Long, Long> proposed = proposals.countOf(agencyIds, today.getYear());
		Map<Long, List<Figure>> figures = new LinkedHashMap<>();
		for (Long id : agencyIds) {
			TrainingReach r = reach.get(id);
			String period = "agency=" + id + "&from=" + start + "&to=" + today;
			figures.put(id,
					List.of(new Figure("standing.trainingReached", r.reached(), false, "/trainings/reach?" + period,
							"/api/v1/trainings/attendees?" + period + "&distinct=true"),
							new Figure("standing.trainingReach", r.share(), true, "/trainings/reach?" + period),
							new Figure("standing.budgetProposed", proposed.getOrDefault(id, 0L), false,
									"/budget-proposals?agency=" + id + "&year=" + today.getYear(),
									"/api/v1/budget-proposals?agency=" + id + "&year=" + today.getYear())));
		}
		return figures;
	}

}
