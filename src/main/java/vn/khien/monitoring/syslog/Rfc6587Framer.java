package vn.khien.monitoring.syslog;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * Cuts one stream connection's bytes into messages, RFC 6587: each frame is either octet
 * counted ({@code LEN SP MSG}) or non-transparent (MSG then LF, CRLF or NUL), told apart
 * by its first byte (a digit: octet counting), so a sender may mix them. One instance per
 * connection: it keeps the state of a frame being discarded across reads.
 */
final class Rfc6587Framer {

	/** A count longer than this many digits is refused (2^31 - 1 has 10). */
	private static final int MAX_LENGTH_DIGITS = 10;

	private final int maxBytes;

	/** Bytes of an oversize octet counted frame still to discard. */
	private long skip;

	/** Within an oversize non-transparent frame: discarding up to its trailer. */
	private boolean discardingLine;

	/** Bytes of the frame at the reader index already searched for a trailer. */
	private int searched;

	/** Oversize frames seen; the caller counts the difference. */
	private long oversize;

	Rfc6587Framer(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	long oversize() {
		return oversize;
	}

	/**
	 * The next whole message in {@code in}, consumed; null when {@code in} holds no whole
	 * frame yet (what it holds stays for the next call, or is discarded if it is part of
	 * an oversize frame).
	 * @throws BadFrameException for an octet count that is not one
	 */
	byte @Nullable [] next(ByteBuf in) {
		while (true) {
			if (skip > 0) {
				int n = (int) Math.min(skip, in.readableBytes());
				in.skipBytes(n);
				skip -= n;
				if (skip > 0) {
					return null;
				}
				continue;
			}
			if (discardingLine) {
				int trailer = in.forEachByte(Rfc6587Framer::notTrailer);
				if (trailer < 0) {
					in.skipBytes(in.readableBytes());
					return null;
				}
				in.readerIndex(trailer + 1);
				discardingLine = false;
				continue;
			}
			if (!in.isReadable()) {
				return null;
			}
			byte first = in.getByte(in.readerIndex());
			if (first >= '0' && first <= '9') {
				byte[] frame = octetCounted(in);
				if (frame == null && skip == 0) {
					return null;
				}
				if (frame != null) {
					return frame;
				}
				continue;
			}
			int start = in.readerIndex();
			int from = start + searched;
			int trailer = in.forEachByte(from, in.writerIndex() - from, Rfc6587Framer::notTrailer);
			if (trailer < 0) {
				searched = in.readableBytes();
				// NB: the last byte may be the CR of a CRLF, so one byte over the maximum
				// is not yet too long
				if (in.readableBytes() > maxBytes + 1) {
					oversize++;
					discardingLine = true;
					searched = 0;
					in.skipBytes(in.readableBytes());
					return null;
				}
				return null;
			}
			searched = 0;
			int end = trailer;
			if (in.getByte(trailer) == '\n' && end > start && in.getByte(end - 1) == '\r') {
				end--;
			}
			int length = end - start;
			if (length > maxBytes) {
				oversize++;
				in.readerIndex(trailer + 1);
				continue;
			}
			if (length == 0) {
				// an empty line between frames (or the NUL after an LF) holds no message
				in.readerIndex(trailer + 1);
				continue;
			}
			byte[] frame = new byte[length];
			in.getBytes(start, frame);
			in.readerIndex(trailer + 1);
			return frame;
		}
	}

	/**
	 * An octet counted frame at the reader index; null when incomplete, or when it was
	 * oversize and is being skipped ({@link #skip} set).
	 */
	private byte @Nullable [] octetCounted(ByteBuf in) {
		int start = in.readerIndex();
		int readable = in.readableBytes();
		if (in.getByte(start) == '0') {
			throw new BadFrameException("octet count starts with 0", excerpt(in));
		}
		long length = 0;
		int digits = 0;
		while (true) {
			if (digits >= readable) {
				return null;
			}
			byte b = in.getByte(start + digits);
			if (b == ' ') {
				break;
			}
			if (b < '0' || b > '9') {
				throw new BadFrameException("octet count not followed by a space", excerpt(in));
			}
			if (++digits > MAX_LENGTH_DIGITS) {
				throw new BadFrameException("octet count longer than " + MAX_LENGTH_DIGITS + " digits", excerpt(in));
			}
			length = length * 10 + (b - '0');
		}
		if (digits == 0 || length > Integer.MAX_VALUE) {
			throw new BadFrameException("octet count out of range", excerpt(in));
		}
		int header = digits + 1;
		if (length > maxBytes) {
			oversize++;
			in.skipBytes(header);
			skip = length;
			return null;
		}
		if (readable - header < length) {
			return null;
		}
		byte[] frame = new byte[(int) length];
		in.getBytes(start + header, frame);
		in.readerIndex(start + header + (int) length);
		return frame;
	}

	/**
	 * What is left in {@code in} when its connection ended: a non-transparent message the
	 * sender ended by closing (without its trailer), or null. A partial octet counted
	 * frame is a bad frame.
	 */
	byte @Nullable [] rest(ByteBuf in) {
		if (skip > 0 || discardingLine || !in.isReadable()) {
			in.skipBytes(in.readableBytes());
			return null;
		}
		byte first = in.getByte(in.readerIndex());
		if (first >= '0' && first <= '9') {
			String excerpt = excerpt(in);
			in.skipBytes(in.readableBytes());
			throw new BadFrameException("octet counted frame cut short by the end of the connection", excerpt);
		}
		int length = in.readableBytes();
		if (in.getByte(in.writerIndex() - 1) == '\r') {
			length--;
		}
		byte[] frame = length == 0 ? null : new byte[length];
		if (frame != null) {
			in.getBytes(in.readerIndex(), frame);
		}
		in.skipBytes(in.readableBytes());
		return frame;
	}

	/** True while the frame holds no partial data: a stop cuts nothing. */
	boolean between(ByteBuf in) {
		return !in.isReadable() && skip == 0 && !discardingLine;
	}

	private static boolean notTrailer(byte b) {
		return b != '\n' && b != 0;
	}

	/** The first bytes at the reader index, printable ASCII, for a log line. */
	static String excerpt(ByteBuf in) {
		int n = Math.min(in.readableBytes(), 16);
		StringBuilder s = new StringBuilder(n + 3);
		for (int i = 0; i < n; i++) {
			byte b = in.getByte(in.readerIndex() + i);
			s.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
		}
		return in.readableBytes() > n ? s.append("...").toString() : s.toString();
	}

	/**
	 * A frame that cannot be framed: the connection's stream cannot be trusted after it.
	 */
	static final class BadFrameException extends RuntimeException {

		private final String excerpt;

		BadFrameException(String reason, String excerpt) {
			super(reason, null, false, false);
			this.excerpt = excerpt;
		}

		String excerpt() {
			return excerpt;
		}

	}

}
