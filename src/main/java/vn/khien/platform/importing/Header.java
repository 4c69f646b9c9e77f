package vn.khien.platform.importing;

import java.text.Normalizer;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where each column is in a file, and what the file calls it: from
 * {@link Columns#header(TableRow)}.
 */
public final class Header {

	private final int line;

	private final Map<String, Integer> index;

	private final Map<String, String> labels;

	Header(int line, Map<String, Integer> index, Map<String, String> labels) {
		this.line = line;
		this.index = Map.copyOf(index);
		this.labels = Map.copyOf(labels);
	}

	public int line() {
		return line;
	}

	public boolean has(String column) {
		return index.containsKey(column);
	}

	/**
	 * The column's header as written in the file (say {@code Mã cấp trên}), for problems
	 * that name it.
	 */
	public String label(String column) {
		return labels.getOrDefault(column, column);
	}

	/**
	 * The row's value in that column, NFC-normalised and stripped; null when blank or
	 * when there is no such column.
	 */
	public @Nullable String value(TableRow row, String column) {
		Integer i = index.get(column);
		if (i == null) {
			return null;
		}
		// NFC so that text typed on different systems (macOS writes decomposed letters)
		// compares equal.
		String text = Normalizer.normalize(row.cell(i), Normalizer.Form.NFC).strip();
		return text.isEmpty() ? null : text;
	}

}
