package vn.khien.law;

import java.time.Instant;

/**
 * A value of a pack an administrator changed in Khiên rather than in its file:
 * {@code target} names it ({@code appraisal:3}, {@code approval:3},
 * {@code obligation:<id>}, {@code deadline:<id>}, {@code criterion:<id>:<fact>}).
 */
public record PackAdjustment(String pack, String target, long amount, long original, String reason, String adjustedBy,
		Instant adjustedAt) {
}
