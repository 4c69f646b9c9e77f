package vn.khien.monitoring.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One decoded event: the Sigma view detection reads, what attribution needs (host names
 * and addresses), and the ECS document storage keeps, built on first use. The original
 * text is kept as it arrived.
 */
public final class DecodedEvent implements SigmaView {

	/** Where {@link #timestamp()} comes from. */
	public enum TimeSource {

		/** The event's own time. */
		EVENT,
		/** The receive time: the event had none, or one that could not be read. */
		RECEIVED

	}

	private final EventShape shape;

	private final LogSource logSource;

	private final Instant timestamp;

	private final TimeSource timeSource;

	private final Instant received;

	private final String original;

	private final long line;

	private final Map<String, Object> sigma;

	private final Map<String, Object> ecsFlat;

	private final @Nullable Map<String, Object> ecsRoot;

	private final List<String> hostNames;

	private final List<String> addresses;

	private final Set<EventNote> notes;

	private final @Nullable String message;

	private final boolean keywordsInMessageOnly;

	private @Nullable List<String> values;

	private @Nullable Map<String, Object> ecs;

	DecodedEvent(EventBuilder b, String original, long line) {
		this.shape = b.shape;
		this.logSource = b.logSource;
		this.received = b.received;
		this.timestamp = (b.time != null) ? b.time : b.received;
		this.timeSource = (b.time != null) ? TimeSource.EVENT : TimeSource.RECEIVED;
		this.original = original;
		this.line = line;
		this.sigma = b.sigma;
		this.ecsFlat = b.ecs;
		this.ecsRoot = b.ecsRoot;
		this.hostNames = b.hostNames.isEmpty() ? List.of() : Collections.unmodifiableList(b.hostNames);
		this.addresses = b.addresses.isEmpty() ? List.of() : Collections.unmodifiableList(b.addresses);
		this.notes = b.notes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.notes));
		this.message = b.message;
		this.keywordsInMessageOnly = b.keywordsInMessageOnly;
	}

	@Override
	public @Nullable Object field(String name) {
		Object value = this.sigma.get(name);
		if (value == null) {
			value = this.ecsFlat.get(name);
			// vendor documents kept whole under one ECS name are for storage, not for
			// rules
			if (value instanceof Map<?, ?>) {
				return null;
			}
		}
		return value;
	}

	/**
	 * Every string value of the Sigma view (numbers as text); for syslog lines only the
	 * message, as keyword rules on syslog mean the message.
	 */
	@Override
	public Iterable<String> values() {
		List<String> all = this.values;
		if (all == null) {
			if (this.keywordsInMessageOnly) {
				all = (this.message == null) ? List.of() : List.of(this.message);
			}
			else {
				all = new ArrayList<>(this.sigma.size());
				for (Object value : this.sigma.values()) {
					addText(all, value);
				}
			}
			this.values = all;
		}
		return all;
	}

	private static void addText(List<String> out, Object value) {
		if (value instanceof List<?> list) {
			for (Object element : list) {
				addText(out, element);
			}
		}
		else if (value instanceof String text) {
			out.add(text);
		}
		else {
			out.add(String.valueOf(value));
		}
	}

	@Override
	public LogSource logSource() {
		return this.logSource;
	}

	@Override
	public Instant timestamp() {
		return this.timestamp;
	}

	public TimeSource timeSource() {
		return this.timeSource;
	}

	public Instant received() {
		return this.received;
	}

	public EventShape shape() {
		return this.shape;
	}

	/** The event as it arrived (one JSON object or one text line), verbatim. */
	public String original() {
		return this.original;
	}

	/** 1-based line of the stream where the event starts; 0 for a single message. */
	public long line() {
		return this.line;
	}

	/** The Sigma view as a flat read-only map (without the dotted ECS fallback names). */
	public Map<String, Object> fields() {
		return Collections.unmodifiableMap(this.sigma);
	}

	/**
	 * Host names the event is about, the reporting host first (Computer, agent, syslog
	 * HOSTNAME, then others the event names); no duplicates.
	 */
	public List<String> hostNames() {
		return this.hostNames;
	}

	/**
	 * IP addresses the event is about (host, source, destination), as written; no
	 * duplicates.
	 */
	public List<String> addresses() {
		return this.addresses;
	}

	public Set<EventNote> notes() {
		return this.notes;
	}

	/**
	 * The event's message text, where the shape has one (syslog MSG, CEF msg or name).
	 */
	public @Nullable String message() {
		return this.message;
	}

	/**
	 * The ECS document as nested maps (read-only by convention), with {@code @timestamp}
	 * and {@code event.original}; built on the first call.
	 */
	public Map<String, Object> ecs() {
		Map<String, Object> doc = this.ecs;
		if (doc == null) {
			doc = (this.ecsRoot != null) ? new LinkedHashMap<>(this.ecsRoot) : new LinkedHashMap<>();
			for (Map.Entry<String, Object> entry : this.ecsFlat.entrySet()) {
				if (this.ecsRoot == null || entry.getKey().startsWith("@")) {
					FlatMaps.putNested(doc, entry.getKey(), entry.getValue());
				}
			}
			doc.put("@timestamp", this.timestamp.toString());
			FlatMaps.putNested(doc, "event.original", this.original);
			this.ecs = doc;
		}
		return doc;
	}

	@Override
	public String toString() {
		return this.shape + "@" + this.timestamp + " " + this.logSource + " " + this.hostNames + " " + this.addresses;
	}

}
