package vn.khien.registry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change of an agency's focal points: who made it, when, and the state before and
 * after (JSON).
 */
public record FocalPointHistoryEntry(long id, long agencyId, @Nullable Long focalPointId, Instant changedAt,
		String changedBy, String action, @Nullable String before, @Nullable String after) {
}
