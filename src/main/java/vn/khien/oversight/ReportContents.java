package vn.khien.oversight;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.incident.IncidentStatistics;

/**
 * What a periodic report says, gathered once and written as PDF, DOCX or XLSX: the
 * dashboard's figures of its scope when it is made, the period's incidents by type beside
 * the same days of the year before, and the scorecards (ranked by kind for the province,
 * the agency's own for an agency).
 */
record ReportContents(ReportRequest request, String scopeName, List<DashboardFigure> figures,
		IncidentStatistics.Statistics incidents, Training training, List<Ranking> rankings, @Nullable Scorecard own,
		LocalDateTime madeAt) {

	ReportContents {
		figures = List.copyOf(figures);
		rankings = List.copyOf(rankings);
	}

	/** The training events held in the period and the people they reached, each once. */
	record Training(long events, long people) {

	}

	/** The scorecards of one kind of agency, the best first. */
	record Ranking(String kind, List<Scorecard> cards) {

		Ranking {
			cards = List.copyOf(cards);
		}

	}

}
