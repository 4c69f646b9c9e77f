package vn.khien.inspection;

import java.time.LocalDate;

/** An agency a plan inspects, between the dates planned for it. */
public record PlanTarget(long planId, long agencyId, LocalDate plannedFrom, LocalDate plannedTo) {
}
