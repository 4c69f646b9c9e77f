package vn.khien.oversight;

import org.jspecify.annotations.Nullable;

/**
 * One figure of the dashboard: {@code key} names it for the API (e.g.
 * {@code findingsOpen}), {@code label} is in the caller's language, {@code value} null
 * when there is nothing to count, a ratio between 0 and 1; {@code listUrl} is the API
 * list whose {@code total} is the value, {@code link} the page behind it.
 */
public record DashboardFigure(String key, String labelKey, String label, @Nullable Number value, boolean ratio,
		@Nullable String listUrl, String link) {
}
