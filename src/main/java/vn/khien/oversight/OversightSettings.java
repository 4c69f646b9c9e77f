package vn.khien.oversight;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The oversight's settings ({@code khien.oversight.*}).
 *
 * @param scoreWeights each indicator's weight in a scorecard's score, by the figure's key
 * (e.g. {@code levelShare: 25}); whole numbers that add up to 100, else Khiên refuses to
 * start; without any, the documented defaults
 * @param reportIssuer who issues the province's periodic reports, atop them (e.g.
 * {@code ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM}); unset: the province's top agency
 * @param reportPlace the place before the reports' date; unset: dots, to write by hand
 * @param reportMailFrom the sender of the scheduled reports' mail; unset:
 * {@code khien@localhost}
 */
@ConfigurationProperties("khien.oversight")
public record OversightSettings(@Nullable Map<String, Integer> scoreWeights, @Nullable String reportIssuer,
		@Nullable String reportPlace, @Nullable String reportMailFrom) {

	public OversightSettings(@Nullable Map<String, Integer> scoreWeights) {
		this(scoreWeights, null, null, null);
	}

	public String mailFrom() {
		return reportMailFrom == null || reportMailFrom.isBlank() ? "khien@localhost" : reportMailFrom.strip();
	}

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

	@ConstructorBinding
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
