package vn.khien.platform.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows with the physical line each starts on; encoding and syntax errors become
 * {@link ImportProblem}s.
 */
final class CsvTables {

	// Enough for any real header line; the delimiter is decided on the first non-blank
	// line.
	private static final int PEEK = 64 * 1024;

	private CsvTables() {
	}

	static boolean rows(InputStream in, Consumer<TableRow> rows) {
		BufferedReader reader = new BufferedReader(new StrictUtf8Reader(in), PEEK);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter(reader))
			.setIgnoreEmptyLines(false) // keeps line numbers countable; blank rows are
										// skipped below
			.setTrim(false)
			.get();
		long lineBefore = 0;
		boolean any = false;
		try (CSVParser parser = format.parse(reader)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				boolean next;
				try {
					next = records.hasNext();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					throw problem(ex, lineBefore + 1);
				}
				if (!next) {
					return any;
				}
				CSVRecord record = records.next();
				int line = (int) lineBefore + 1;
				lineBefore = parser.getCurrentLineNumber();
				List<String> cells = new ArrayList<>(Math.min(record.size(), Tables.MAX_COLUMNS));
				for (int i = 0; i < record.size() && i < Tables.MAX_COLUMNS; i++) {
					cells.add(record.get(i));
				}
				TableRow row = new TableRow(line, cells);
				if (!row.isBlank()) {
					any = true;
					rows.accept(row);
				}
			}
		}
		catch (IOException ex) {
			throw problem(ex, lineBefore + 1);
		}
	}

	/**
	 * {@code ;} when the first non-blank line has one and no comma (Excel with Vietnamese
	 * regional settings).
	 */
	private static char delimiter(BufferedReader reader) {
		try {
			reader.mark(PEEK);
			StringBuilder line = new StringBuilder();
			int read = 0;
			int c;
			while (read++ < PEEK - 1 && (c = reader.read()) >= 0) {
				if (c != '\n' && c != '\r') {
					line.append((char) c);
				}
				else if (line.chars().anyMatch(ch -> !Character.isWhitespace(ch) && ch != ',' && ch != ';')) {
					break;
				}
				else {
					line.setLength(0);
				}
			}
			reader.reset();
			return line.indexOf(";") >= 0 && line.indexOf(",") < 0 ? ';' : ',';
		}
		catch (IOException ex) {
			throw problem(ex, 1);
		}
	}

	private static ImportProblem problem(Exception ex, long line) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StrictUtf8Reader.EncodingException encoding) {
				return ImportProblem.atLine(encoding.line(), "import.csv.encoding");
			}
		}
		return new ImportProblem("import.csv.malformed", "line:" + line, ex);
	}

}
