package vn.khien.platform.importing;

import java.io.InputStream;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Reads table files, streaming: CSV (strict UTF-8 with or without a BOM, comma or
 * semicolon, RFC 4180 quoting) or the first sheet of an XLSX workbook (POI's event API:
 * one row in memory at a time). Memory does not grow with the file.
 */
public final class Tables {

	/**
	 * Cells past this column are not read: real files have a dozen columns, crafted ones
	 * get no more work.
	 */
	public static final int MAX_COLUMNS = 1024;

	private Tables() {
	}

	/**
	 * Every non-blank row, in order, the header first. Blank rows (and rows of only
	 * delimiters) are skipped but still count for line numbers.
	 * @return false when the file has no non-blank row at all
	 * @throws ImportProblem {@code import.csv.encoding} (at the line of the first byte
	 * that is not UTF-8, e.g. Windows-1258 or TCVN3), {@code import.csv.malformed} (at
	 * the line where the syntax broke, e.g. an unterminated quote),
	 * {@code import.xlsx.invalid} (not a workbook: not a zip, corrupt, no sheet data);
	 * whatever {@code rows} throws comes out unchanged
	 */
	public static boolean rows(InputStream in, TableFormat format, Consumer<TableRow> rows) {
		return switch (format) {
			case CSV -> CsvTables.rows(in, rows);
			case XLSX -> XlsxTables.rows(in, rows);
		};
	}

	/**
	 * Reads a table by its header: the first non-blank row, mapped by {@code columns};
	 * every later non-blank row goes to {@code records}. A problem that {@code records}
	 * throws is its row's and goes to {@code problems} (which rethrows it when failing
	 * fast), and reading goes on; anything else it throws stops reading and comes out as
	 * is.
	 * @return the rows {@code records} took without a problem
	 * @throws ImportProblem {@code import.file.empty} (no header), the header's problems
	 * ({@link Columns#header}), and those of {@link #rows}
	 */
	public static int read(InputStream in, TableFormat format, Columns columns, ImportProblems problems,
			Consumer<TableRecord> records) {
		var reading = new Object() {
			@Nullable Header header;

			int taken;

		};
		boolean any = rows(in, format, row -> {
			Header header = reading.header;
			if (header == null) {
				reading.header = columns.header(row);
				return;
			}
			try {
				records.accept(new TableRecord(row, header));
				reading.taken++;
			}
			catch (ImportProblem problem) {
				problems.report(problem);
			}
		});
		if (!any) {
			throw ImportProblem.ofFile("import.file.empty");
		}
		return reading.taken;
	}

}
