package vn.khien.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Agencies were merged into a successor on {@code effective}. Modules that own agency
 * records move them to the successor when they hear this.
 */
public record AgenciesMerged(List<Long> sourceIds, long successorId, LocalDate effective) {
}
