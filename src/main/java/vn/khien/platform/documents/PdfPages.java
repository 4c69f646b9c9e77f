package vn.khien.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * A4 pages laid out as Decree 30/2020/NĐ-CP (appendix I) lays out an official document,
 * drawn from the top down: margins 20 mm top and bottom, 30 mm left, 15 mm right; text
 * wrapped between words (and within a word longer than a line), continued on a new page
 * at the bottom margin; bordered tables whose headings come again on a new page; page
 * numbers from the second page, centred in the top margin. Liberation Serif is embedded
 * as a subset, so the document shows the same on any machine and its text can be searched
 * and copied. The remediation letters and {@link FormDocuments} draw with it; one
 * instance draws one document, on one thread.
 */
public final class PdfPages {

	public static final float MM = 72f / 25.4f;

	public static final float TOP = 20 * MM;

	public static final float BOTTOM = 20 * MM;

	public static final float LEFT = 30 * MM;

	public static final float RIGHT = 15 * MM;

	private static final PDRectangle A4 = PDRectangle.A4;

	/** The text's width between the margins. */
	public static final float WIDTH = A4.getWidth() - LEFT - RIGHT;

	/** Line height as a multiple of the size: between the decree's single and 1.5. */
	public static final float LEADING = 1.25f;

	/** A first line's indent, 1.27 cm as Word's. */
	public static final float INDENT = 12.7f * MM;

	private static final float HEADING = 13;

	private static final float TABLE = 12;

	private static final float CELL_PADDING = 4;

	private static final float SIGNATURE_SPACE = 70;

	/** How a paragraph's lines sit between its edges. */
	public enum Align {

		LEFT, CENTRE, RIGHT, JUSTIFY

	}

	private final DocumentFonts fonts;

	private final PDDocument document;

	private final PDType0Font regular;

	private final PDType0Font bold;

	private PDPageContentStream out;

	private float y;

	private List<List<String>> tableTitles = List.of();

	private float[] tableWidths = {};

	private boolean[] tableCentred = {};

	public PdfPages(DocumentFonts fonts) {
		this.fonts = fonts;
		this.document = new PDDocument();
		try {
			// NB: a subset (true): only the glyphs the document uses are embedded
			this.regular = PDType0Font.load(document, fonts.regular(), true);
			this.bold = PDType0Font.load(document, fonts.bold(), true);
			this.out = newPage();
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the next line's top is, in points from the bottom of the page. */
	public float y() {
		return y;
	}

	/** Moves the cursor to {@code y} on this page (back up, for a second column). */
	public void y(float y) {
		this.y = y;
	}

	public void down(float points) {
		y -= points;
	}

	/** A new page when {@code height} does not fit above the bottom margin. */
	public void keep(float height) {
		if (y - height < BOTTOM) {
			pageBreak();
		}
	}

	/**
	 * The two columns atop an official document's first page: the issuer on the left
	 * (under its superior authority, if any), its rule, the number and summary; the
	 * national name and motto on the right, the motto's rule, the place and date. The
	 * cursor ends under the longer column.
	 */
	public void heading(@Nullable String authority, String issuer, @Nullable String number, @Nullable String summary,
			String nation, String motto, @Nullable String dateLine) {
		float top = y;
		// NB: a gutter between the columns, so that a long issuer never meets the
		// national name
		float leftWidth = WIDTH * 0.45f - 6;
		float rightX = LEFT + WIDTH * 0.45f + 6;
		float rightWidth = WIDTH * 0.55f - 6;

		if (authority != null) {
			paragraph(authority, false, fit(authority, false, HEADING, leftWidth), Align.CENTRE, 0, LEFT, leftWidth, 0);
		}
		// a long issuer is made a little smaller first, then wrapped
		float issuerSize = Math.max(12, fit(issuer, true, HEADING, leftWidth));
		float widest = 0;
		for (String line : wrap(issuer, true, issuerSize, leftWidth, 0)) {
			widest = Math.max(widest, width(line, true, issuerSize));
		}
		paragraph(issuer, true, issuerSize, Align.CENTRE, 0, LEFT, leftWidth, 0);
		// the issuer's rule: 1/3 to 1/2 of its line, centred under it
		rule(LEFT + leftWidth / 2, widest * 0.4f, y - 1);
		y -= 8;
		if (number != null) {
			paragraph(number, false, HEADING, Align.CENTRE, 0, LEFT, leftWidth, 2);
		}
		if (summary != null) {
			paragraph(summary, false, TABLE, Align.CENTRE, 0, LEFT, leftWidth, 0);
		}
		float leftEnd = y;

		y = top;
		float nationSize = fit(nation, true, 12.5f, rightWidth);
		paragraph(nation, true, nationSize, Align.CENTRE, 0, rightX, rightWidth, 0);
		float mottoSize = fit(motto, true, 13.5f, rightWidth);
		paragraph(motto, true, mottoSize, Align.CENTRE, 0, rightX, rightWidth, 0);
		// the motto's rule: as long as the motto
		rule(rightX + rightWidth / 2, width(fonts.printable(motto), true, mottoSize), y - 1);
		y -= 10;
		if (dateLine != null) {
			paragraph(dateLine, false, HEADING, Align.CENTRE, 0, rightX, rightWidth, 0);
		}
		y = Math.min(y, leftEnd);
	}

	/** How tall {@link #signature} is in a column {@code width} wide. */
	public float signatureHeight(String title, float width) {
		return HEADING * LEADING * (2 + wrap(title, true, HEADING, width, 0).size()) + SIGNATURE_SPACE;
	}

	/** The signer's title, room to sign and stamp, and the signer's name, centred. */
	public void signature(String title, @Nullable String name, float x, float width) {
		paragraph(title, true, HEADING, Align.CENTRE, 0, x, width, 0);
		y -= SIGNATURE_SPACE;
		if (name != null && !name.isBlank()) {
			paragraph(name, true, HEADING, Align.CENTRE, 0, x, width, 0);
		}
	}

	/**
	 * Starts a bordered table: its headings now, and again atop every page the table goes
	 * on to. {@code fractions} share the text's width between the columns;
	 * {@code centred} columns have their cells centred, the others start at the left.
	 */
	public void table(List<String> titles, float[] fractions, boolean[] centred) {
		this.tableWidths = new float[fractions.length];
		for (int c = 0; c < fractions.length; c++) {
			tableWidths[c] = fractions[c] * WIDTH;
		}
		this.tableCentred = centred.clone();
		this.tableTitles = cells(titles, true);
		y -= 4;
		keep(height(tableTitles));
		draw(tableTitles, true, true);
	}

	/**
	 * A row of the table {@link #table} started: on a new page under the headings when it
	 * does not fit on this one; split over pages when it fills more than a page.
	 */
	public void row(List<String> cells, boolean bold) {
		List<List<String>> lines = cells(cells, bold);
		float fresh = A4.getHeight() - TOP - BOTTOM - height(tableTitles);
		if (height(lines) > y - BOTTOM && height(lines) <= fresh) {
			pageBreak();
			draw(tableTitles, true, true);
		}
		boolean underHeadings = false;
		while (height(lines) > y - BOTTOM) {
			int fits = (int) ((y - BOTTOM - 2 * CELL_PADDING) / (TABLE * LEADING));
			// NB: headings that fill a page leave a line, past the margin, rather than
			// breaking pages for ever
			fits = underHeadings ? Math.max(fits, 1) : fits;
			if (fits > 0) {
				draw(slice(lines, 0, fits), bold, false);
				lines = slice(lines, fits, Integer.MAX_VALUE);
			}
			pageBreak();
			draw(tableTitles, true, true);
			underHeadings = true;
		}
		draw(lines, bold, false);
	}

	/** Each cell's text wrapped to its column. */
	private List<List<String>> cells(List<String> cells, boolean bold) {
		List<List<String>> lines = new ArrayList<>();
		for (int c = 0; c < tableWidths.length; c++) {
			String text = c < cells.size() ? cells.get(c) : "";
			lines.add(wrap(text, bold, TABLE, tableWidths[c] - 2 * CELL_PADDING, 0));
		}
		return lines;
	}

	private static float height(List<List<String>> cells) {
		int most = 1;
		for (List<String> cell : cells) {
			most = Math.max(most, cell.size());
		}
		return most * TABLE * LEADING + 2 * CELL_PADDING;
	}

	private static List<List<String>> slice(List<List<String>> cells, int from, int to) {
		return cells.stream().map(c -> c.subList(Math.min(from, c.size()), Math.min(to, c.size()))).toList();
	}

	/** One row, bordered, from the cursor down; its cells centred in its height. */
	private void draw(List<List<String>> cells, boolean bold, boolean heading) {
		float leading = TABLE * LEADING;
		float height = height(cells);
		int most = Math.round((height - 2 * CELL_PADDING) / leading);
		float x = LEFT;
		for (int c = 0; c < cells.size(); c++) {
			float w = tableWidths[c];
			float left = x;
			draw(o -> {
				o.setLineWidth(0.6f);
				o.addRect(left, y - height, w, height);
				o.stroke();
			});
			// centred in the row's height, as Word's tables write their cells
			float baseline = y - CELL_PADDING - TABLE * 0.9f - (most - cells.get(c).size()) * leading / 2;
			for (String line : cells.get(c)) {
				float lineX = heading || tableCentred[c] ? x + (w - width(line, bold, TABLE)) / 2 : x + CELL_PADDING;
				text(line, bold, TABLE, lineX, baseline);
				baseline -= leading;
			}
			x += w;
		}
		y -= height;
	}

	/**
	 * A paragraph wrapped to {@code width} from the cursor down, continued on a new page
	 * when it reaches the bottom margin; {@code after} points of space below it.
	 */
	public void paragraph(String text, boolean bold, float size, Align align, float indent, float x, float width,
			float after) {
		lines(wrap(text, bold, size, width, indent), bold, size, align, indent, x, width);
		y -= after;
	}

	/** Lines already wrapped (by {@link #wrap}), drawn as {@link #paragraph} draws. */
	public void lines(List<String> lines, boolean bold, float size, Align align, float indent, float x, float width) {
		float leading = size * LEADING;
		for (int i = 0; i < lines.size(); i++) {
			keep(leading);
			String line = lines.get(i);
			float lineX = x + (i == 0 ? indent : 0);
			float room = width - (i == 0 ? indent : 0);
			float baseline = y - size * 0.9f;
			boolean last = i == lines.size() - 1;
			switch (align) {
				case CENTRE -> text(line, bold, size, x + (width - width(line, bold, size)) / 2, baseline);
				case RIGHT -> text(line, bold, size, x + width - width(line, bold, size), baseline);
				case JUSTIFY -> justified(line, bold, size, lineX, last ? 0 : room, baseline);
				default -> text(line, bold, size, lineX, baseline);
			}
			y -= leading;
		}
	}

	/**
	 * A line spread to {@code width} (none: as it is) by widening its spaces. A Type 0
	 * font's two-byte codes take no word spacing from the PDF, so each space is followed
	 * by a shift: the spaces stay in the text, which extracts word for word.
	 */
	private void justified(String line, boolean bold, float size, float x, float width, float baseline) {
		String[] words = line.split(" ");
		float extra = width - width(line, bold, size);
		if (words.length < 2 || width == 0 || extra <= 0) {
			text(line, bold, size, x, baseline);
			return;
		}
		// in thousandths of the size; negative moves right
		float shift = -extra / (words.length - 1) * 1000 / size;
		Object[] parts = new Object[words.length * 2 - 1];
		for (int i = 0; i < words.length; i++) {
			parts[2 * i] = i < words.length - 1 ? words[i] + " " : words[i];
			if (i < words.length - 1) {
				parts[2 * i + 1] = shift;
			}
		}
		show(parts, bold, size, x, baseline);
	}

	/**
	 * The text as the fonts draw it ({@link DocumentFonts#printable}) in lines no wider
	 * than {@code width} (the first {@code indent} narrower), broken between words, and
	 * within a word longer than a line.
	 */
	public List<String> wrap(String text, boolean bold, float size, float width, float indent) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : fonts.printable(text).strip().split(" +")) {
			float room = width - (lines.isEmpty() ? indent : 0);
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate, bold, size) <= room) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			String rest = word;
			if (!line.isEmpty()) {
				// a word longer than any line (a long address) starts where the line
				// leaves off, rather than leaving a label alone on its line
				float left = room - width(line + " ", bold, size);
				if (width(word, bold, size) > width && left >= 3 * size) {
					int cut = cut(word, bold, size, left);
					lines.add(line + " " + word.substring(0, cut));
					rest = word.substring(cut);
				}
				else {
					lines.add(line.toString());
				}
				line.setLength(0);
				room = width;
			}
			// a word wider than the line is cut where it must
			while (width(rest, bold, size) > room && rest.codePointCount(0, rest.length()) > 1) {
				int cut = cut(rest, bold, size, room);
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
				room = width;
			}
			line.append(rest);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Where to cut a word so that its start fits {@code room}: at least one letter. */
	private int cut(String word, boolean bold, float size, float room) {
		int cut = word.offsetByCodePoints(word.length(), -1);
		while (cut > 0 && width(word.substring(0, cut), bold, size) > room) {
			cut = word.offsetByCodePoints(cut, -1);
		}
		return Math.max(cut, word.offsetByCodePoints(0, 1));
	}

	/**
	 * The largest size up to {@code size}, down to 9 pt, at which the text fits a line.
	 */
	public float fit(String text, boolean bold, float size, float width) {
		float fitted = size;
		String printable = fonts.printable(text);
		while (fitted > 9 && width(printable, bold, fitted) > width) {
			fitted -= 0.5f;
		}
		return fitted;
	}

	/** How wide printable text is at {@code size} points. */
	public float width(String text, boolean bold, float size) {
		return fonts.width(text, bold, size);
	}

	/**
	 * A horizontal rule {@code length} long, centred on {@code centre}, at height
	 * {@code at}.
	 */
	public void rule(float centre, float length, float at) {
		draw(o -> {
			o.setLineWidth(0.6f);
			o.moveTo(centre - length / 2, at);
			o.lineTo(centre + length / 2, at);
			o.stroke();
		});
	}

	/**
	 * A filled rectangle from {@code (x, bottom)}, {@code width} by {@code height}, in a
	 * grey from 0 (black) to 1 (white): a chart's bar.
	 */
	public void box(float x, float bottom, float width, float height, float grey) {
		draw(o -> {
			o.setNonStrokingColor(grey, grey, grey);
			o.addRect(x, bottom, width, height);
			o.fill();
			o.setNonStrokingColor(0f, 0f, 0f);
		});
	}

	/** Printable text (one line, as {@link #wrap} gives) at a baseline. */
	public void text(String text, boolean bold, float size, float x, float baseline) {
		if (text.isEmpty()) {
			return;
		}
		show(new Object[] { text }, bold, size, x, baseline);
	}

	/** Text and shifts (as PDF's TJ takes them) from a point on a baseline. */
	private void show(Object[] parts, boolean bold, float size, float x, float baseline) {
		draw(o -> {
			o.beginText();
			o.setFont(bold ? this.bold : regular, size);
			o.newLineAtOffset(x, baseline);
			o.showTextWithPositioning(parts);
			o.endText();
		});
	}

	/** PDFBox's checked exceptions, which a page in memory does not throw, unchecked. */
	private void draw(Drawing drawing) {
		try {
			drawing.draw(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private interface Drawing {

		void draw(PDPageContentStream out) throws IOException;

	}

	public void pageBreak() {
		draw(PDPageContentStream::close);
		try {
			out = newPage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The document's bytes, its pages numbered and its title, author and subject set
	 * (printable, as the viewer's title bar shows them); the instance is done with.
	 */
	public byte[] finish(String title, String author, @Nullable String subject) {
		try (PDDocument done = document) {
			out.close();
			numberPages();
			document.getDocumentInformation().setTitle(fonts.printable(title));
			document.getDocumentInformation().setAuthor(fonts.printable(author));
			if (subject != null) {
				document.getDocumentInformation().setSubject(fonts.printable(subject));
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void close() {
		try {
			document.close();
		}
		catch (IOException ex) {
			// NB: already failing; the first error is the one to report
		}
	}

	private PDPageContentStream newPage() throws IOException {
		PDPage page = new PDPage(A4);
		document.addPage(page);
		y = A4.getHeight() - TOP;
		return new PDPageContentStream(document, page);
	}

	/** The decree numbers pages from the second, centred in the top margin. */
	private void numberPages() throws IOException {
		int pages = document.getNumberOfPages();
		for (int i = 1; i < pages; i++) {
			PDPage page = document.getPage(i);
			try (PDPageContentStream number = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				String n = Integer.toString(i + 1);
				number.beginText();
				number.setFont(regular, HEADING);
				number.newLineAtOffset(LEFT + (WIDTH - width(n, false, HEADING)) / 2, A4.getHeight() - TOP / 2 - 4);
				number.showText(n);
				number.endText();
			}
		}
	}

}
