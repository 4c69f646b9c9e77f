package vn.khien.platform.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Liberation Serif, regular and bold (SIL Open Font License 1.1, {@code fonts/}): every
 * Vietnamese letter with its tones, and the metrics of Times New Roman, the font
 * Vietnamese offices write in. A PDF embeds it; a DOCX names Times New Roman and takes
 * its widths from here to size its rules. The files are read once per process
 * ({@link #liberationSerif()}); each PDF loads its own copy, since a font that is being
 * subset is not shared between threads.
 */
public final class DocumentFonts {

	private static final class Shared {

		static final DocumentFonts FONTS = new DocumentFonts();

	}

	private final byte[] regular;

	private final byte[] bold;

	private final Metrics regularMetrics;

	private final Metrics boldMetrics;

	private DocumentFonts() {
		this.regular = read("/fonts/LiberationSerif-Regular.ttf");
		this.bold = read("/fonts/LiberationSerif-Bold.ttf");
		this.regularMetrics = new Metrics(regular);
		this.boldMetrics = new Metrics(bold);
	}

	/** The fonts, read on first use and shared: nothing in them changes. */
	public static DocumentFonts liberationSerif() {
		return Shared.FONTS;
	}

	/** The regular face's file, to embed: a stream, so that no caller can change it. */
	public InputStream regular() {
		return new ByteArrayInputStream(regular);
	}

	/** The bold face's file, to embed. */
	public InputStream bold() {
		return new ByteArrayInputStream(bold);
	}

	/** How wide {@code text} is at {@code size} points. */
	public float width(String text, boolean bold, float size) {
		return (bold ? boldMetrics : regularMetrics).width(text, size);
	}

	/**
	 * The text as the fonts can draw it: composed (NFC, so that “ữ” is one glyph), with
	 * control characters as spaces and what the fonts lack (an emoji in a system's name)
	 * as a question mark, which a PDF would otherwise refuse.
	 */
	public String printable(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(composed.length());
		composed.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || Character.isWhitespace(c)) {
				out.append(' ');
			}
			else if (regularMetrics.has(c) && boldMetrics.has(c)) {
				out.appendCodePoint(c);
			}
			else {
				out.append('?');
			}
		});
		return out.toString();
	}

	private static byte[] read(String resource) {
		try (InputStream in = DocumentFonts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Glyph widths and the character map, read whole when the font is opened so that
	 * later reads share nothing mutable.
	 */
	private static final class Metrics {

		private final CmapLookup cmap;

		private final int[] advances;

		private final float unitsPerEm;

		Metrics(byte[] font) {
			try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
				this.cmap = ttf.getUnicodeCmapLookup();
				this.unitsPerEm = ttf.getUnitsPerEm();
				int glyphs = ttf.getNumberOfGlyphs();
				this.advances = new int[glyphs];
				for (int gid = 0; gid < glyphs; gid++) {
					advances[gid] = ttf.getAdvanceWidth(gid);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		boolean has(int codePoint) {
			return cmap.getGlyphId(codePoint) != 0;
		}

		float width(String text, float size) {
			float units = 0;
			for (int i = 0; i < text.length();) {
				int c = text.codePointAt(i);
				int gid = cmap.getGlyphId(c);
				units += gid < advances.length ? advances[gid] : 0;
				i += Character.charCount(c);
			}
			return units * size / unitsPerEm;
		}

	}

}
