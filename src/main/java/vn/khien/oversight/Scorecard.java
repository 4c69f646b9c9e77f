package vn.khien.oversight;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An agency's standing: the dashboard's figures of the agency (its sub-units included),
 * each indicator's share between 0 and 1, the composite score from 0 to 100 (null when no
 * indicator can be counted), its rank among the agencies of its kind (1 is the best; null
 * before the first nightly snapshot for a single scorecard), and the score of each past
 * snapshot.
 */
public record Scorecard(long agencyId, String agency, String kind, List<DashboardFigure> figures,
		List<Indicator> indicators, @Nullable Double score, @Nullable Integer rank, @Nullable Integer of,
		List<Point> trend) {

	/** An indicator of the score: its share (null: nothing to count) and its weight. */
	public record Indicator(String key, String label, @Nullable Double share, int weight) {
	}

	/** The score on a past day. */
	public record Point(LocalDate day, double score) {
	}

}
