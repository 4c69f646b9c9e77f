package vn.khien.monitoring.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the shape readers fill while decoding one event; becomes a {@link DecodedEvent}.
 */
final class EventBuilder {

	final Instant received;

	EventShape shape = EventShape.GENERIC_JSON;

	LogSource logSource = LogSource.UNKNOWN;

	@Nullable Instant time;

	/** Sigma view: flat, Sigma or the shape's own names. */
	Map<String, Object> sigma = new LinkedHashMap<>(32);

	/** ECS fields by dotted name. */
	final Map<String, Object> ecs = new LinkedHashMap<>(32);

	/** The ECS document itself, for shapes that arrive as one. */
	@Nullable Map<String, Object> ecsRoot;

	final List<String> hostNames = new ArrayList<>(2);

	final List<String> addresses = new ArrayList<>(2);

	final Set<EventNote> notes = EnumSet.noneOf(EventNote.class);

	@Nullable String message;

	boolean keywordsInMessageOnly;

	EventBuilder(Instant received) {
		this.received = received;
	}

	void sigma(String name, @Nullable Object value) {
		if (value != null) {
			this.sigma.put(name, value);
		}
	}

	void sigmaIfAbsent(String name, @Nullable Object value) {
		if (value != null) {
			this.sigma.putIfAbsent(name, value);
		}
	}

	void ecs(String name, @Nullable Object value) {
		if (value != null && !(value instanceof String text && (text.isEmpty() || "-".equals(text)))) {
			this.ecs.putIfAbsent(name, value);
		}
	}

	/** An ECS port or number: a Long when the text is one, else nothing. */
	void ecsNumber(String name, @Nullable Object value) {
		Long number = FlatMaps.toLong(value);
		if (number != null) {
			this.ecs.putIfAbsent(name, number);
		}
	}

	void host(@Nullable Object name) {
		if (name instanceof String text && !text.isEmpty() && !"-".equals(text)) {
			for (String known : this.hostNames) {
				if (known.equalsIgnoreCase(text)) {
					return;
				}
			}
			this.hostNames.add(text);
		}
	}

	void address(@Nullable Object value) {
		if (value instanceof List<?> list) {
			for (Object element : list) {
				address(element);
			}
			return;
		}
		if (value instanceof String text && FlatMaps.isIp(text) && !"0.0.0.0".equals(text) && !"::".equals(text)
				&& !this.addresses.contains(text)) {
			this.addresses.add(text);
		}
	}

	/** The event's time, or the note saying why there is none. */
	void time(@Nullable Instant time, boolean present) {
		if (time != null) {
			this.time = time;
		}
		else {
			this.notes.add(present ? EventNote.TIMESTAMP_UNPARSEABLE : EventNote.TIMESTAMP_MISSING);
		}
	}

	void time(@Nullable Object text, java.time.ZoneId noZone) {
		if (text == null) {
			time(null, false);
		}
		else {
			time(Timestamps.parse(text, noZone), true);
		}
	}

	DecodedEvent build(String original, long line) {
		return new DecodedEvent(this, original, line);
	}

}
