/**
 * The demo province's SOC: sources, rules and a few days of events, loaded through the
 * module's own services and pipeline.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.demo;
