package vn.khien.platform.importing;

import java.util.List;

/**
 * The cells of one row as text, before any interpretation: as written in a CSV file, as
 * Excel displays them in a workbook ({@code 000123} stays {@code 000123}); a missing cell
 * is empty. {@code line} is the physical 1-based line the row starts on (CSV, counting
 * blank lines and line breaks inside quotes) or the spreadsheet row number.
 */
public record TableRow(int line, List<String> cells) {

	public TableRow {
		cells = List.copyOf(cells);
	}

	public String cell(int index) {
		return index < cells.size() ? cells.get(index) : "";
	}

	public boolean isBlank() {
		for (String cell : cells) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}
}
