package vn.khien.platform.documents;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.documents.FormDocument.Bar;
import vn.khien.platform.documents.FormDocument.Chart;
import vn.khien.platform.documents.FormDocument.Choice;
import vn.khien.platform.documents.FormDocument.Field;
import vn.khien.platform.documents.FormDocument.Heading;
import vn.khien.platform.documents.FormDocument.Paragraph;
import vn.khien.platform.documents.FormDocument.Table;
import vn.khien.platform.documents.PdfPages.Align;

/**
 * A form on the decree's A4 pages ({@link PdfPages}): the form code top right, the
 * heading's two columns, the title, the blocks in 13 pt, the signature bottom right.
 * Titles and field values are drawn left or centred, never spread word by word, so that
 * their text extracts as written.
 */
final class FormPdf extends FormRenderer {

	private static final float SIZE = 13;

	/** Less than this left after a blank field's label, and its dots start a new line. */
	private static final float SHORTEST_BLANK = 40;

	private final PdfPages pages;

	FormPdf(DocumentFonts fonts) {
		this.pages = new PdfPages(fonts);
	}

	@Override
	void top(FormDocument form) {
		pages.paragraph(form.formCode(), true, SIZE, Align.RIGHT, 0, PdfPages.LEFT, PdfPages.WIDTH, 4);
		pages.heading(null, form.issuer(), form.number(), null, FormDocuments.NATION, FormDocuments.MOTTO,
				form.placeAndDate());
		pages.down(16);
		pages.paragraph(form.title(), true, 14, Align.CENTRE, 0, PdfPages.LEFT, PdfPages.WIDTH, 2);
		if (form.subtitle() != null) {
			pages.paragraph(form.subtitle(), false, SIZE, Align.CENTRE, 0, PdfPages.LEFT, PdfPages.WIDTH, 0);
		}
		pages.down(10);
	}

	@Override
	void heading(Heading heading) {
		// a heading never ends a page alone
		pages.keep(SIZE * PdfPages.LEADING * 2 + 6);
		pages.down(6);
		pages.paragraph(heading.text(), true, SIZE, Align.LEFT, 0, PdfPages.LEFT, PdfPages.WIDTH, 2);
	}

	@Override
	void paragraph(Paragraph paragraph) {
		pages.paragraph(paragraph.text(), false, SIZE, Align.JUSTIFY, PdfPages.INDENT, PdfPages.LEFT, PdfPages.WIDTH,
				4);
	}

	@Override
	void signature(String title, @Nullable String name) {
		float half = PdfPages.WIDTH / 2;
		pages.keep(12 + pages.signatureHeight(title, half));
		pages.down(12);
		pages.signature(title, name, PdfPages.LEFT + half, half);
	}

	@Override
	byte[] finish(FormDocument form) {
		return pages.finish(form.title(), form.issuer(), form.formCode());
	}

	/**
	 * The label and the value's first line together, its further lines under them; an
	 * empty value as dots to the end of the line, and as many more dotted lines as asked.
	 */
	@Override
	void field(Field field) {
		if (field.value().isBlank()) {
			List<String> lines = new ArrayList<>(wrap(field.label()));
			String last = lines.remove(lines.size() - 1);
			float left = PdfPages.WIDTH - pages.width(last + " ", false, SIZE);
			if (left >= SHORTEST_BLANK) {
				lines.add(last + " " + dots(left));
			}
			else {
				lines.add(last);
				lines.add(dots(PdfPages.WIDTH));
			}
			for (int i = 1; i < field.blankLines(); i++) {
				lines.add(dots(PdfPages.WIDTH));
			}
			pages.lines(lines, false, SIZE, Align.LEFT, 0, PdfPages.LEFT, PdfPages.WIDTH);
		}
		else {
			String[] values = field.value().strip().split("\\R");
			pages.lines(wrap(field.label() + " " + values[0]), false, SIZE, Align.LEFT, 0, PdfPages.LEFT,
					PdfPages.WIDTH);
			for (int i = 1; i < values.length; i++) {
				pages.lines(wrap(values[i]), false, SIZE, Align.LEFT, 0, PdfPages.LEFT, PdfPages.WIDTH);
			}
		}
		pages.down(3);
	}

	private String dots(float width) {
		int count = (int) ((width - 1) / pages.width(".", false, SIZE));
		return ".".repeat(Math.max(count, 0));
	}

	/**
	 * The label, then each option with its box, flowing on to further lines; an option is
	 * never split from its box unless it is longer than a line.
	 */
	@Override
	void choice(Choice choice) {
		List<String> lines = new ArrayList<>(wrap(choice.label()));
		String line = lines.remove(lines.size() - 1);
		for (String option : choice.options()) {
			for (String part : wrap(option(choice, option, " "))) {
				String candidate = line.isEmpty() ? part : line + GAP + part;
				if (pages.width(candidate, false, SIZE) <= PdfPages.WIDTH) {
					line = candidate;
				}
				else {
					lines.add(line);
					line = part;
				}
			}
		}
		lines.add(line);
		pages.lines(lines, false, SIZE, Align.LEFT, 0, PdfPages.LEFT, PdfPages.WIDTH);
		pages.down(3);
	}

	@Override
	void table(Table table) {
		int total = table.widths().stream().mapToInt(Integer::intValue).sum();
		float[] fractions = new float[table.widths().size()];
		for (int c = 0; c < fractions.length; c++) {
			fractions[c] = (float) table.widths().get(c) / total;
		}
		pages.table(table.columns(), fractions, new boolean[fractions.length]);
		for (List<String> row : table.rows()) {
			pages.row(row, false);
		}
		pages.down(8);
	}

	/**
	 * Each bar on its own line: the label (cut to its column), the bar, its value after
	 * it; drawn as text and shapes, so the labels and values extract as written.
	 */
	@Override
	void chart(Chart chart) {
		float size = 11;
		float line = size * PdfPages.LEADING + 3;
		float labels = PdfPages.WIDTH * 0.4f;
		float valueRoom = 50;
		float room = PdfPages.WIDTH - labels - valueRoom - 6;
		pages.keep(SIZE * PdfPages.LEADING + line * Math.min(3, chart.bars().size()) + 6);
		pages.down(4);
		pages.paragraph(chart.title(), true, SIZE, Align.LEFT, 0, PdfPages.LEFT, PdfPages.WIDTH, 2);
		double scale = chart.scale();
		for (Bar bar : chart.bars()) {
			pages.keep(line);
			float baseline = pages.y() - size;
			List<String> cut = pages.wrap(bar.label(), false, size, labels - 6, 0);
			String label = cut.isEmpty() ? "" : cut.get(0);
			pages.text(label, false, size, PdfPages.LEFT, baseline);
			float length = (float) (room * Math.min(1, bar.value() / scale));
			if (length > 0) {
				pages.box(PdfPages.LEFT + labels, baseline - 2, Math.max(length, 0.8f), size, 0.45f);
			}
			pages.text(bar.shown(), false, size, PdfPages.LEFT + labels + length + 4, baseline);
			pages.down(line);
		}
		pages.down(6);
	}

	private List<String> wrap(String text) {
		return pages.wrap(text, false, SIZE, PdfPages.WIDTH, 0);
	}

}
