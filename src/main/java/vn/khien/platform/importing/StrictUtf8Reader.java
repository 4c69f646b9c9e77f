package vn.khien.platform.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Decodes UTF-8 strictly, dropping a leading BOM, and knows on which line an invalid byte
 * sequence sits.
 *
 * <p>
 * InputStreamReader is not used because it throws away the characters decoded just before
 * a bad byte, which would make the reported line number wrong; here every good character
 * is delivered first and the error is raised on the following read.
 */
final class StrictUtf8Reader extends Reader {

	/**
	 * Thrown (wrapped by callers' libraries as they see fit) when the input is not valid
	 * UTF-8.
	 */
	static final class EncodingException extends IOException {

		private static final long serialVersionUID = 1L;

		private final int line;

		EncodingException(int line, @Nullable Throwable cause) {
			super("invalid UTF-8 at line " + line, cause);
			this.line = line;
		}

		int line() {
			return line;
		}

	}

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);

	private final CharBuffer chars = CharBuffer.allocate(16 * 1024);

	private boolean eof;

	private boolean finished;

	private boolean needMoreBytes = true;

	private boolean first = true;

	private int newlines;

	private char previous;

	private @Nullable EncodingException pending;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
		bytes.flip();
		chars.flip();
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!chars.hasRemaining()) {
			if (pending != null) {
				throw pending;
			}
			if (!fill()) {
				return -1;
			}
		}
		if (first) {
			first = false;
			if (chars.get(chars.position()) == '\uFEFF') {
				chars.get();
				if (!chars.hasRemaining()) {
					return read(buffer, offset, length);
				}
			}
		}
		int n = Math.min(length, chars.remaining());
		chars.get(buffer, offset, n);
		for (int i = offset; i < offset + n; i++) {
			char c = buffer[i];
			// Counts CRLF once and a lone CR as a line break, like the CSV parser does.
			if (c == '\n' && previous != '\r' || c == '\r') {
				newlines++;
			}
			previous = c;
		}
		return n;
	}

	/** Decodes the next chunk; false at end of input. */
	private boolean fill() throws IOException {
		if (finished) {
			return false;
		}
		chars.clear();
		try {
			while (chars.position() == 0) {
				if (!bytes.hasRemaining() || needMoreBytes) {
					if (eof) {
						CoderResult flush = decoder.decode(bytes, chars, true);
						if (flush.isError()) {
							fail(flush);
							break;
						}
						decoder.flush(chars);
						finished = true;
						if (chars.position() == 0) {
							return false;
						}
						break;
					}
					bytes.compact();
					int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
					if (read < 0) {
						eof = true;
					}
					else {
						bytes.position(bytes.position() + read);
					}
					bytes.flip();
					needMoreBytes = false;
				}
				CoderResult result = decoder.decode(bytes, chars, false);
				if (result.isError()) {
					fail(result);
					break;
				}
				if (result.isUnderflow()) {
					needMoreBytes = true;
				}
			}
		}
		finally {
			chars.flip();
		}
		return chars.hasRemaining() || pending != null;
	}

	private void fail(CoderResult result) {
		int line = newlines + 1;
		char prev = previous;
		// The characters decoded in this chunk are not yet counted; count them to locate
		// the bad byte.
		for (int i = 0; i < chars.position(); i++) {
			char c = chars.get(i);
			if (c == '\n' && prev != '\r' || c == '\r') {
				line++;
			}
			prev = c;
		}
		CharacterCodingException cause;
		try {
			result.throwException();
			cause = null;
		}
		catch (CharacterCodingException ex) {
			cause = ex;
		}
		pending = new EncodingException(line, cause);
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
