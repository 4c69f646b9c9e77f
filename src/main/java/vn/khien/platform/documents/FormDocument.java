package vn.khien.platform.documents;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.VietnameseText;

/**
 * An official form (a circular's Mẫu 03, say) to render as PDF or DOCX with
 * {@link FormDocuments}: the issuer and number top left, the form code, the national name
 * and motto and the place and date top right, the title and subtitle centred, then the
 * blocks in order, and the signature bottom right. Every text is the words to print, from
 * the module's bundles; the renderers add none of their own but the national name and
 * motto.
 *
 * @param fileName the file's name without its extension, e.g.
 * {@code mau-03-SYT-2026-12-10}
 * @param issuer the agency issuing the form, e.g. {@code SỞ Y TẾ}
 * @param number its number line, e.g. {@code Số: 12/BC-SYT}; none to leave it out
 * @param formCode e.g. {@code Mẫu 03}
 * @param placeAndDate e.g. {@code Quảng Nam, ngày 10 tháng 12 năm 2026}
 * @param signerTitle e.g. {@code GIÁM ĐỐC}; none for a form without a signature
 */
public record FormDocument(String fileName, String issuer, @Nullable String number, String formCode, String title,
		@Nullable String subtitle, List<Block> blocks, @Nullable String placeAndDate, @Nullable String signerTitle,
		@Nullable String signerName) {

	public FormDocument {
		blocks = List.copyOf(blocks);
	}

	/**
	 * {@link #fileName} with the extension, safe in a download's header: lower case,
	 * without diacritics.
	 */
	public String fileName(String extension) {
		return VietnameseText.fold(fileName).replaceAll("[^a-z0-9_.-]", "_") + "." + extension;
	}

	/** A part of the form's body. */
	public sealed interface Block permits Heading, Field, Paragraph, Choice, Table, Chart {

	}

	/** A section's heading, e.g. {@code 1. Thông tin về đơn vị}, in bold. */
	public record Heading(String text) implements Block {

	}

	/**
	 * A label and its value, on one line when they fit, e.g. {@code Tên hệ thống:}. A
	 * value of several lines keeps its line breaks; an empty one is a dotted line to fill
	 * in by hand, with {@code blankLines - 1} more dotted lines under it.
	 */
	public record Field(String label, String value, int blankLines) implements Block {

		public Field {
			if (blankLines < 1) {
				throw new IllegalArgumentException("a field has at least one line: " + blankLines);
			}
		}

		public Field(String label, String value) {
			this(label, value, 1);
		}

	}

	/** Running text, justified. */
	public record Paragraph(String text) implements Block {

	}

	/**
	 * A label and its options, each with a box, the {@code ticked} ones filled: ■ against
	 * □.
	 */
	public record Choice(String label, List<String> options, Set<String> ticked) implements Block {

		public Choice {
			options = List.copyOf(options);
			ticked = Set.copyOf(ticked);
			if (!options.containsAll(ticked)) {
				throw new IllegalArgumentException("ticked options not offered: " + ticked);
			}
		}

	}

	/**
	 * A bordered table: the column titles (repeated atop each page it continues on),
	 * their relative widths (e.g. 1, 5, 2) and the rows, each a text per column.
	 */
	public record Table(List<String> columns, List<Integer> widths, List<List<String>> rows) implements Block {

		public Table {
			columns = List.copyOf(columns);
			widths = List.copyOf(widths);
			rows = rows.stream().map(List::copyOf).toList();
			if (columns.isEmpty() || widths.size() != columns.size() || widths.stream().anyMatch(w -> w <= 0)) {
				throw new IllegalArgumentException("one positive width per column: " + widths + " for " + columns);
			}
			for (List<String> row : rows) {
				if (row.size() != columns.size()) {
					throw new IllegalArgumentException(
							"a row of " + row.size() + " cells for " + columns.size() + " columns");
				}
			}
		}

	}

	/**
	 * A bar chart: a bar per label, as long as its value against {@code max} (the largest
	 * value when null), each with its value as printed ({@code shown}, e.g. 87 %).
	 */
	public record Chart(String title, List<Bar> bars, @Nullable Double max) implements Block {

		public Chart {
			bars = List.copyOf(bars);
			if (bars.stream().anyMatch(b -> b.value() < 0 || Double.isNaN(b.value()))) {
				throw new IllegalArgumentException("a bar's value is zero or more: " + bars);
			}
		}

		/** What a full bar stands for: never zero, so that empty bars stay empty. */
		public double scale() {
			double largest = bars.stream().mapToDouble(Bar::value).max().orElse(0);
			double scale = max != null ? Math.max(max, largest) : largest;
			return scale > 0 ? scale : 1;
		}

	}

	/** One bar of a {@link Chart}. */
	public record Bar(String label, double value, String shown) {

	}

}
