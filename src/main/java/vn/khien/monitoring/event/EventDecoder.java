package vn.khien.monitoring.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Decodes what sensors and forwarders send: a stream of JSON objects (NDJSON, or objects
 * back to back and pretty-printed as evtx_dump writes them), a stream of text lines, or
 * one message (a syslog frame). Each object or line is read on its own, its shape told
 * from its content; bad input becomes a {@link DecodeError} for that object or line and
 * decoding goes on. Thread-safe; nothing is shared between calls.
 */
public final class EventDecoder {

	private static final int MESSAGE_PREVIEW = 60;

	private final DecoderSettings settings;

	private final JsonValues json;

	public EventDecoder(DecoderSettings settings) {
		this.settings = settings;
		this.json = new JsonValues(settings.maxDepth(), settings.maxObjectBytes());
	}

	public EventDecoder() {
		this(DecoderSettings.defaults());
	}

	public DecoderSettings settings() {
		return this.settings;
	}

	/**
	 * A stream of JSON objects: one per line, or several back to back over many lines. A
	 * line that starts outside an object and is not one is an error for that line; an
	 * object cut off (the stream ends, a string runs into the end of its line, or a new
	 * object starts at column 1 of a line while one is open) is an error at its first
	 * line. I/O failures of {@code in} propagate as {@link UncheckedIOException}.
	 */
	public DecodeStats decodeJson(InputStream in, EventSink sink) {
		DecodeStats stats = new DecodeStats();
		new JsonStream(in, counting(sink, stats)).run();
		return stats;
	}

	/**
	 * A stream of text lines (LF or CRLF): each is one message, syslog, CEF, auditd or a
	 * JSON object; blank lines are skipped.
	 */
	public DecodeStats decodeLines(InputStream in, EventSink sink) {
		DecodeStats stats = new DecodeStats();
		EventSink counted = counting(sink, stats);
		int limit = Math.max(this.settings.maxMessageBytes(), this.settings.maxObjectBytes());
		byte[] buffer = new byte[65536];
		byte[] line = new byte[1024];
		int length = 0;
		boolean oversize = false;
		long lineNumber = 1;
		try {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				for (int i = 0; i < read; i++) {
					byte c = buffer[i];
					if (c == '\n') {
						if (oversize) {
							counted.reject(oversize(lineNumber, limit));
						}
						else {
							decodeText(line, 0, length, lineNumber, null, counted);
						}
						length = 0;
						oversize = false;
						lineNumber++;
						continue;
					}
					if (oversize) {
						continue;
					}
					if (length == limit) {
						oversize = true;
						continue;
					}
					if (length == line.length) {
						line = Arrays.copyOf(line, Math.min(limit, line.length * 2));
					}
					line[length++] = c;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (oversize) {
			counted.reject(oversize(lineNumber, limit));
		}
		else if (length > 0) {
			decodeText(line, 0, length, lineNumber, null, counted);
		}
		stats.lines((length > 0 || oversize) ? lineNumber : lineNumber - 1);
		return stats;
	}

	/**
	 * One message as a network receiver framed it (a syslog datagram or frame), from
	 * {@code peer} (its address, or null): gives exactly one event or one error.
	 */
	public void decodeMessage(byte[] message, @Nullable String peer, EventSink sink) {
		decodeMessage(message, 0, message.length, peer, sink);
	}

	public void decodeMessage(byte[] message, int offset, int length, @Nullable String peer, EventSink sink) {
		int limit = Math.max(this.settings.maxMessageBytes(), this.settings.maxObjectBytes());
		if (length > limit) {
			sink.reject(oversize(0, limit));
			return;
		}
		if (!decodeText(message, offset, offset + length, 0, peer, sink)) {
			sink.reject(new DecodeError(0, DecodeError.Reason.MALFORMED_JSON, "empty message"));
		}
	}

	private static EventSink counting(EventSink sink, DecodeStats stats) {
		return new EventSink() {
			@Override
			public void accept(DecodedEvent event) {
				stats.event(event);
				sink.accept(event);
			}

			@Override
			public void reject(DecodeError error) {
				stats.error(error);
				sink.reject(error);
			}
		};
	}

	/** One text line or message; false when it holds nothing but blanks. */
	private boolean decodeText(byte[] bytes, int from, int to, long line, @Nullable String peer, EventSink sink) {
		while (to > from && (bytes[to - 1] == '\n' || bytes[to - 1] == '\r' || bytes[to - 1] == 0)) {
			to--;
		}
		int start = from;
		while (start < to && (bytes[start] == ' ' || bytes[start] == '\t')) {
			start++;
		}
		if (start == to) {
			return false;
		}
		// a line in brackets is JSON only when it parses: Apache writes [error] [client
		// …]
		if (bytes[start] == '{' || (bytes[start] == '[' && this.json.isScalarOrArray(bytes, start, to))) {
			if (to - start > this.settings.maxObjectBytes()) {
				sink.reject(oversize(line, this.settings.maxObjectBytes()));
			}
			else {
				decodeObject(bytes, start, to, line, highBit(bytes, start, to), sink);
			}
			return true;
		}
		if (to - from > this.settings.maxMessageBytes()) {
			sink.reject(oversize(line, this.settings.maxMessageBytes()));
			return true;
		}
		EventBuilder b = new EventBuilder(now());
		String text;
		if (highBit(bytes, from, to)) {
			text = strictUtf8(bytes, from, to);
			if (text == null) {
				// legacy devices send Windows-1258 or TCVN3: keep every byte, say so
				text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
				b.notes.add(EventNote.NOT_UTF8);
			}
		}
		else {
			text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
		}
		try {
			SyslogText.decode(text, b, peer, this.settings.localZone());
		}
		catch (CefText.CefProblem ex) {
			sink.reject(new DecodeError(line, DecodeError.Reason.BAD_CEF, ex.getMessage()));
			return true;
		}
		sink.accept(b.build(text, line));
		return true;
	}

	/**
	 * One JSON object (or what starts like one) at {@code bytes} from {@code from} to
	 * {@code to} (excluded).
	 */
	private void decodeObject(byte[] bytes, int from, int to, long line, boolean highBit, EventSink sink) {
		if (bytes[from] != '{') {
			boolean valid = this.json.isScalarOrArray(bytes, from, to);
			sink.reject(new DecodeError(line,
					valid ? DecodeError.Reason.NOT_AN_OBJECT : DecodeError.Reason.MALFORMED_JSON,
					(valid ? "a JSON value that is not an object: " : "not JSON: ") + preview(bytes, from, to)));
			return;
		}
		String original;
		if (highBit) {
			original = strictUtf8(bytes, from, to);
			if (original == null) {
				sink.reject(new DecodeError(line + newlinesBeforeBadUtf8(bytes, from, to),
						DecodeError.Reason.INVALID_UTF8, "bytes that are not UTF-8 in a JSON object"));
				return;
			}
		}
		else {
			original = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
		}
		Map<String, Object> root;
		try {
			root = this.json.readObject(bytes, from, to);
		}
		catch (StreamConstraintsException ex) {
			sink.reject(new DecodeError(line, DecodeError.Reason.OVERSIZE, ex.getOriginalMessage()));
			return;
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			long at = (location == null || location.getLineNr() < 1) ? line : line + location.getLineNr() - 1;
			sink.reject(new DecodeError(at, DecodeError.Reason.MALFORMED_JSON, ex.getOriginalMessage()));
			return;
		}
		catch (RuntimeException ex) {
			sink.reject(new DecodeError(line, DecodeError.Reason.TRUNCATED_JSON, "the object ends early"));
			return;
		}
		EventBuilder b = new EventBuilder(now());
		JsonShapes.decode(root, b, this.json);
		sink.accept(b.build(original, line));
	}

	private Instant now() {
		return this.settings.clock().instant();
	}

	private static boolean highBit(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] < 0) {
				return true;
			}
		}
		return false;
	}

	/** The text, or null when the bytes are not UTF-8 (never a silent U+FFFD). */
	private static @Nullable String strictUtf8(byte[] bytes, int from, int to) {
		// the JDK's decoding is intrinsic and fast; only a replacement character in its
		// result needs the strict decoder, to tell a real U+FFFD from a bad byte
		String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') < 0) {
			return text;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** Lines from the object's start to its first byte that is not UTF-8. */
	private static int newlinesBeforeBadUtf8(byte[] bytes, int from, int to) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
		CharBuffer out = CharBuffer.allocate(to - from);
		decoder.decode(in, out, true);
		int lines = 0;
		for (int i = from; i < in.position(); i++) {
			if (bytes[i] == '\n') {
				lines++;
			}
		}
		return lines;
	}

	private static String preview(byte[] bytes, int from, int to) {
		int end = Math.min(to, from + MESSAGE_PREVIEW);
		String text = new String(bytes, from, end - from, StandardCharsets.UTF_8).strip();
		return (end < to) ? text + "…" : text;
	}

	private static DecodeError oversize(long line, int limit) {
		return new DecodeError(line, DecodeError.Reason.OVERSIZE, "longer than " + limit + " bytes");
	}

	/**
	 * Frames a byte stream into JSON objects by counting braces outside strings, without
	 * parsing; each frame is then parsed on its own, so one bad object costs only itself.
	 */
	private final class JsonStream {

		private final InputStream in;

		private final EventSink sink;

		private final int limit = EventDecoder.this.settings.maxObjectBytes();

		private byte[] frame = new byte[4096];

		private int length;

		private boolean oversize;

		private boolean highBit;

		private long startLine;

		JsonStream(InputStream in, EventSink sink) {
			this.in = in;
			this.sink = sink;
		}

		void run() {
			byte[] buffer = new byte[65536];
			long line = 1;
			int state = 0; // 0 between objects, 1 in an object, 2 in a line that is not
							// one
			int depth = 0;
			boolean inString = false;
			boolean escape = false;
			boolean lineStart = true;
			boolean first = true;
			try {
				int read;
				while ((read = this.in.read(buffer)) >= 0) {
					int i = 0;
					if (first && read >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB
							&& buffer[2] == (byte) 0xBF) {
						i = 3;
					}
					first = first && read == 0;
					for (; i < read; i++) {
						byte c = buffer[i];
						if (state == 0) {
							if (c == '\n') {
								line++;
							}
							else if (c != ' ' && c != '\t' && c != '\r') {
								start(line);
								append(c);
								if (c == '{' || c == '[') {
									state = 1;
									depth = 1;
									inString = false;
									escape = false;
									lineStart = false;
								}
								else {
									state = 2;
								}
							}
							continue;
						}
						if (state == 2) {
							if (c == '\n') {
								line++;
								garbage();
								state = 0;
							}
							else {
								append(c);
							}
							continue;
						}
						if (c == '\n') {
							line++;
							if (inString) {
								// a JSON string cannot hold a raw line break: the object
								// was cut
								truncated();
								state = 0;
								continue;
							}
							lineStart = true;
							append(c);
							continue;
						}
						if (lineStart) {
							lineStart = false;
							if (c == '{' && !inString) {
								truncated();
								start(line);
								append(c);
								depth = 1;
								continue;
							}
						}
						append(c);
						if (inString) {
							if (escape) {
								escape = false;
							}
							else if (c == '\\') {
								escape = true;
							}
							else if (c == '"') {
								inString = false;
							}
						}
						else if (c == '"') {
							inString = true;
						}
						else if (c == '{' || c == '[') {
							depth++;
						}
						else if ((c == '}' || c == ']') && --depth == 0) {
							object();
							state = 0;
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (state == 1) {
				truncated();
			}
			else if (state == 2) {
				garbage();
			}
		}

		private void start(long line) {
			this.startLine = line;
			this.length = 0;
			this.oversize = false;
			this.highBit = false;
		}

		private void append(byte c) {
			if (this.length == this.limit) {
				this.oversize = true;
				return;
			}
			if (this.length == this.frame.length) {
				this.frame = Arrays.copyOf(this.frame, Math.min(this.limit, this.frame.length * 2));
			}
			this.frame[this.length++] = c;
			if (c < 0) {
				this.highBit = true;
			}
		}

		private void object() {
			if (this.oversize) {
				this.sink.reject(oversize(this.startLine, this.limit));
			}
			else {
				decodeObject(this.frame, 0, this.length, this.startLine, this.highBit, this.sink);
			}
		}

		private void truncated() {
			this.sink.reject(new DecodeError(this.startLine,
					this.oversize ? DecodeError.Reason.OVERSIZE : DecodeError.Reason.TRUNCATED_JSON,
					this.oversize ? "longer than " + this.limit + " bytes"
							: "the object ends before its closing brace: " + preview(this.frame, 0, this.length)));
		}

		private void garbage() {
			int end = this.length;
			while (end > 0 && (this.frame[end - 1] == '\r' || this.frame[end - 1] == ' ')) {
				end--;
			}
			boolean valid = !this.oversize && this.json().isScalarOrArray(this.frame, 0, end);
			this.sink.reject(new DecodeError(this.startLine,
					valid ? DecodeError.Reason.NOT_AN_OBJECT : DecodeError.Reason.MALFORMED_JSON,
					(valid ? "a JSON value that is not an object: " : "not a JSON object: ")
							+ preview(this.frame, 0, end)));
		}

		private JsonValues json() {
			return EventDecoder.this.json;
		}

	}

}
