package vn.khien.monitoring.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An event as a Sigma rule reads it: values under Sigma's field names (Windows events
 * flat, with {@code Channel}, {@code EventID}, {@code Provider_Name}, {@code Computer}
 * and their event data fields; other shapes under their own names, nested ECS fields by
 * dotted name), whatever shape the event arrived in.
 */
public interface SigmaView {

	/**
	 * The value of a field, or null when the event lacks it: a String, a Long or Double,
	 * a Boolean, or a List of those. Names are matched exactly as the rules write them.
	 */
	@Nullable Object field(String name);

	/** Every string value the event holds (numbers as text), for keyword rules. */
	Iterable<String> values();

	LogSource logSource();

	Instant timestamp();

}
