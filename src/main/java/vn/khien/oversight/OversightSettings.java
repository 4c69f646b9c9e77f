package vn.khien.oversight;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The oversight's settings ({@code khien.oversight.*}).
 *
 * @param scoreWeights each indicator's weight in a scorecard's score, by the figure's key
 * (e.g. {@code levelShare: 25}); whole numbers that add up to 100, else Khiên refuses to
 * start; without any, the documented defaults
 */
@ConfigurationProperties("khien.oversight")
public record OversightSettings(@Nullable Map<String, Integer> scoreWeights) {

	/** The defaults, documented in docs/oversight.md. */
	static final Map<String, Integer> DEFAULT_WEIGHTS;

	static {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("levelShare", 20);
		weights.put("coverage", 20);
		weights.put("findingsOnTime", 20);
		weights.put("focalPointShare", 10);
		weights.put("drillCoverage", 15);
		weights.put("trainingReach", 15);
		DEFAULT_WEIGHTS = java.util.Collections.unmodifiableMap(weights);
	}

	public OversightSettings {
		if (scoreWeights != null && !scoreWeights.isEmpty()) {
			int sum = 0;
			for (Map.Entry<String, Integer> e : scoreWeights.entrySet()) {
				if (e.getValue() == null || e.getValue() < 0) {
					throw new IllegalArgumentException(
							"khien.oversight.score-weights." + e.getKey() + " must be a whole number from 0 to 100");
				}
				if (!Scorecards.INDICATORS.contains(e.getKey())) {
					throw new IllegalArgumentException("khien.oversight.score-weights." + e.getKey()
							+ " is no indicator; the indicators are " + Scorecards.INDICATORS);
				}
				sum += e.getValue();
			}
			if (sum != 100) {
				throw new IllegalArgumentException(
						"khien.oversight.score-weights add up to " + sum + ", not 100: " + scoreWeights);
			}
			scoreWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scoreWeights));
		}
	}

	public Map<String, Integer> weights() {
		return scoreWeights == null || scoreWeights.isEmpty() ? DEFAULT_WEIGHTS : scoreWeights;
	}

}
