package vn.khien.platform.importing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Uploads may be gzip-compressed (EPSS is published so, scanners' reports are often sent
 * so): a stream that starts with gzip's magic number is inflated as it is read, and
 * refused ({@code import.file.expandsTooFar}) once it has given more than a limit, so
 * that a small crafted file cannot fill the memory or the disk (a "zip bomb").
 */
public final class Gzip {

	private Gzip() {
	}

	/** Whether these first bytes are gzip's. */
	public static boolean isGzip(byte[] head) {
		return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
	}

	/**
	 * The content: inflated when compressed, else as it is.
	 * @param maxBytes most bytes an inflated stream may give
	 */
	public static InputStream open(InputStream in, long maxBytes) {
		BufferedInputStream buffered = new BufferedInputStream(in, 8192);
		try {
			buffered.mark(2);
			byte[] magic = buffered.readNBytes(2);
			buffered.reset();
			if (!isGzip(magic)) {
				return buffered;
			}
			return new Limited(new GZIPInputStream(buffered, 8192), maxBytes);
		}
		catch (IOException ex) {
			throw new ImportProblem("import.gzip.broken", null, ex);
		}
	}

	private static final class Limited extends FilterInputStream {

		private final long max;

		private long read;

		Limited(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = guard(() -> super.read());
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = guard(() -> super.read(buffer, offset, length));
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > max) {
				throw ImportProblem.ofFile("import.file.expandsTooFar", max / (1024 * 1024));
			}
		}

		private interface Read {

			int get() throws IOException;

		}

		private static int guard(Read read) {
			try {
				return read.get();
			}
			catch (java.util.zip.ZipException | java.io.EOFException ex) {
				throw new ImportProblem("import.gzip.broken", null, ex);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
