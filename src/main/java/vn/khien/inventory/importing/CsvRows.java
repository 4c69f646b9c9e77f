package vn.khien.inventory.importing;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a strict-UTF-8 CSV file together with the physical line each row starts on, and turns
 * encoding and syntax errors into {@link ImportProblem}s.
 */
final class CsvRows {

    /** Receives the header, then each non-blank data row. */
    interface RowHandler {

        void header(int line, List<@Nullable String> cells);

        void row(int line, List<@Nullable String> cells);
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false) // keeps line numbers countable; blank rows are skipped below
            .setTrim(false)
            .get();

    private CsvRows() {
    }

    /** @return false when the file has no header row at all */
    static boolean read(InputStream in, RowHandler handler) {
        StrictUtf8Reader reader = new StrictUtf8Reader(in);
        long lineBefore = 0;
        try (CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean headerSeen = false;
            while (true) {
                boolean next;
                try {
                    next = records.hasNext();
                }
                catch (UncheckedIOException | IllegalStateException ex) {
                    throw problem(ex, lineBefore + 1);
                }
                if (!next) {
                    return headerSeen;
                }
                CSVRecord record = records.next();
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                List<@Nullable String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (AssetRowReader.isBlank(cells)) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    handler.header(line, cells);
                }
                else {
                    handler.row(line, cells);
                }
            }
        }
        catch (IOException ex) {
            throw problem(ex, lineBefore + 1);
        }
    }

    private static ImportProblem problem(Exception ex, long line) {
        Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        if (cause instanceof StrictUtf8Reader.EncodingException encoding) {
            return ImportProblem.atLine(encoding.line(), "import.csv.encoding");
        }
        ImportProblem problem = new ImportProblem("import.csv.malformed", "line:" + line, ex);
        return problem;
    }
}
