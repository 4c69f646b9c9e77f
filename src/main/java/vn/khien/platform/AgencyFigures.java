package vn.khien.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by each module that has figures for an agency's page (its standing): the
 * registry shows them for the agency and for each of its sub-units without depending on
 * the modules (systems and hosts today; vulnerabilities and incidents to come).
 */
public interface AgencyFigures {

	/** Where the module's figures stand among the others'. */
	int order();

	/** The labels of the module's figures, in the order {@link #of} gives them. */
	List<String> labelKeys();

	/**
	 * The figures of each agency in {@code agencyIds} (all in the current user's scope),
	 * each rolled up over the agency's sub-units as the list behind its link counts.
	 */
	Map<Long, List<Figure>> of(Collection<Long> agencyIds);

	/**
	 * Every module's figures of each agency in {@code agencyIds}, in the modules' order:
	 * what a page shows of its agencies' standing.
	 */
	static Map<Long, List<Figure>> all(List<AgencyFigures> modules, Collection<Long> agencyIds) {
		Map<Long, List<Figure>> figures = new HashMap<>();
		modules.stream()
			.sorted(Comparator.comparingInt(AgencyFigures::order))
			.forEach(module -> module.of(agencyIds)
				.forEach((id, f) -> figures.computeIfAbsent(id, k -> new ArrayList<>()).addAll(f)));
		return figures;
	}

	/**
	 * A template whose fragment {@code standing} the module adds below the figures on the
	 * agency's own page (a trend), rendered with {@code agency} in scope; null for none.
	 */
	default @Nullable String template() {
		return null;
	}

	/**
	 * One figure and the list behind it; a ratio is shown as a percentage, and null when
	 * there is nothing to count. {@code api} is the API list whose {@code total} is the
	 * figure (the dashboard's {@code listUrl}), null for a ratio or a figure without one.
	 */
	record Figure(String labelKey, @Nullable Number value, boolean ratio, String link, @Nullable String api) {

		public Figure(String labelKey, @Nullable Number value, boolean ratio, String link) {
			this(labelKey, value, ratio, link, null);
		}

	}

}
