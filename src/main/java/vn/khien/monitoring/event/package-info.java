/**
 * Events as detection sees them: decoded, normalised, independent of the shape they
 * arrived in.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.event;
