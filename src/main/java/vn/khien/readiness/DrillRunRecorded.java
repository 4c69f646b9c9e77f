package vn.khien.readiness;

import java.time.LocalDate;
import java.util.List;

/**
 * A run of a drill was recorded: what the oversight's read models of drill coverage
 * follow.
 */
public record DrillRunRecorded(long drillId, long runId, DrillKind kind, LocalDate heldOn, List<Long> systemIds,
		int weaknesses) {
}
