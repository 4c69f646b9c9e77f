package vn.khien.monitoring.event;

import java.util.EnumMap;
import java.util.Map;

/** What one decoding call saw: events by shape, errors by reason, notes by kind. */
public final class DecodeStats {

	private final long[] shapes = new long[EventShape.values().length];

	private final long[] reasons = new long[DecodeError.Reason.values().length];

	private final long[] notes = new long[EventNote.values().length];

	private long events;

	private long errors;

	private long lines;

	void event(DecodedEvent event) {
		this.events++;
		this.shapes[event.shape().ordinal()]++;
		for (EventNote note : event.notes()) {
			this.notes[note.ordinal()]++;
		}
	}

	void error(DecodeError error) {
		this.errors++;
		this.reasons[error.reason().ordinal()]++;
	}

	void lines(long lines) {
		this.lines = lines;
	}

	public long events() {
		return this.events;
	}

	public long errors() {
		return this.errors;
	}

	/** Lines read (physical lines of the input). */
	public long lines() {
		return this.lines;
	}

	public long events(EventShape shape) {
		return this.shapes[shape.ordinal()];
	}

	public long errors(DecodeError.Reason reason) {
		return this.reasons[reason.ordinal()];
	}

	public long notes(EventNote note) {
		return this.notes[note.ordinal()];
	}

	public Map<EventShape, Long> eventsByShape() {
		return counts(EventShape.class, EventShape.values(), this.shapes);
	}

	public Map<DecodeError.Reason, Long> errorsByReason() {
		return counts(DecodeError.Reason.class, DecodeError.Reason.values(), this.reasons);
	}

	public Map<EventNote, Long> notesByKind() {
		return counts(EventNote.class, EventNote.values(), this.notes);
	}

	private static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, E[] keys, long[] values) {
		Map<E, Long> map = new EnumMap<>(type);
		for (E key : keys) {
			if (values[key.ordinal()] > 0) {
				map.put(key, values[key.ordinal()]);
			}
		}
		return map;
	}

	@Override
	public String toString() {
		return "events=" + this.events + " " + eventsByShape() + " errors=" + this.errors + " " + errorsByReason()
				+ " notes=" + notesByKind();
	}

}
