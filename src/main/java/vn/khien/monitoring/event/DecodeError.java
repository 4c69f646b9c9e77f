package vn.khien.monitoring.event;

/**
 * Input the decoder could not turn into an event: where it started (1-based line of the
 * stream; 0 for a single message), why, and a short human message. Nothing else of the
 * stream is lost: decoding goes on with the next object or line.
 */
public record DecodeError(long line, Reason reason, String message) {

	public enum Reason {

		/** Not JSON at all, or broken JSON syntax. */
		MALFORMED_JSON("json.malformed"),
		/** A JSON object cut off: the line or the stream ended inside it. */
		TRUNCATED_JSON("json.truncated"),
		/**
		 * Valid JSON, but an array, string or number where an event object was expected.
		 */
		NOT_AN_OBJECT("json.notObject"),
		/** JSON that is not UTF-8 (RFC 8259 section 8.1). */
		INVALID_UTF8("json.invalidUtf8"),
		/** Larger than the configured limit for one message or object. */
		OVERSIZE("event.oversize"),
		/** A CEF message whose header or extension cannot be read. */
		BAD_CEF("cef.malformed");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/** Stable code for counters, logs and the API. */
		public String code() {
			return this.code;
		}

	}

}
