package vn.khien.monitoring;

import org.jspecify.annotations.Nullable;

/** A new alert was raised (not one that counted another matching event). */
public record AlertRaised(long alertId, @Nullable Long agencyId, String ruleUid, AlertSeverity severity, String title) {
}
