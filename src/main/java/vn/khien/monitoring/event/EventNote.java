package vn.khien.monitoring.event;

/**
 * Something the decoder noticed about an event it kept: the event is usable, but a part
 * of it was missing or repaired. Counted per kind in {@link DecodeStats}.
 */
public enum EventNote {

	/** The event carries no time of its own: the receive time stands in. */
	TIMESTAMP_MISSING,
	/** The event's time could not be read: the receive time stands in. */
	TIMESTAMP_UNPARSEABLE,
	/**
	 * Syslog without {@code <PRI>}: priority 13 (user.notice) assumed, as RFC 3164 4.3.3.
	 */
	PRI_MISSING,
	/**
	 * Syslog with a malformed {@code <PRI>}: priority 13, the whole line is the message
	 * (RFC 3164 4.3.3).
	 */
	PRI_INVALID,
	/**
	 * RFC 5424 structured data that does not parse; the rest of the line is the message.
	 */
	STRUCTURED_DATA_INVALID,
	/** A text line that is not valid UTF-8, read as ISO-8859-1 so no byte is lost. */
	NOT_UTF8,
	/** CEF with a backslash before a character that needs no escape; kept as written. */
	CEF_LENIENT_ESCAPE,
	/**
	 * An embedded EventData or event XML that does not parse: kept as text, or as far as
	 * it could be read when it breaks off.
	 */
	EMBEDDED_DATA_INVALID,
	/** No known shape: kept as a generic event. */
	UNKNOWN_SHAPE

}
