package vn.khien.readiness;

import org.jspecify.annotations.Nullable;

/**
 * Distinct people of an agency reached in a period, its officials and workers, and the
 * share reached (null without a headcount).
 */
public record TrainingReach(long agencyId, long reached, long headcount, @Nullable Double share) {

	static TrainingReach of(long agencyId, long reached, long headcount) {
		return new TrainingReach(agencyId, reached, headcount, headcount <= 0 ? null : (double) reached / headcount);
	}

}
