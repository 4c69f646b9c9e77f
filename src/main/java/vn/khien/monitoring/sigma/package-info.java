/**
 * Sigma detection: reads Sigma rules, filters and correlations (spec 2.x) and matches
 * them against decoded events, routed by log source.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.sigma;
