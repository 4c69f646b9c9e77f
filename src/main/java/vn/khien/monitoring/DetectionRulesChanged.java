package vn.khien.monitoring;

/** Rules were loaded, replaced, or turned on or off: detection compiles them anew. */
public record DetectionRulesChanged() {
}
