/** The SOC's pipeline and stores: sources, rules, retained events, alerts. */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.internal;
