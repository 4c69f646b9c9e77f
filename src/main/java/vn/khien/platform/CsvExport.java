package vn.khien.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one way a list is exported as CSV: UTF-8 with a byte-order mark (spreadsheets then
 * read the diacritics), streamed as rows come, text a spreadsheet would run as a formula
 * defused, dates written as {@link Formats} writes them.
 */
public final class CsvExport implements Closeable {

	private final CSVPrinter printer;

	private CsvExport(CSVPrinter printer) {
		this.printer = printer;
	}

	/** Starts the download of {@code filename} with its header row. */
	public static CsvExport to(HttpServletResponse response, String filename, List<String> header) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		try {
			var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			out.write('\uFEFF');
			CsvExport csv = new CsvExport(new CSVPrinter(out, CSVFormat.DEFAULT));
			csv.row(header.toArray());
			return csv;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A list exported whole, in {@code sort} order, a page of {@link PageQuery#MAX_SIZE}
	 * at a time up to {@link PageQuery#EXPORT_ROWS}; the first page is read before the
	 * download starts, so that what the address gets wrong is a 400 page, not half a
	 * file.
	 */
	public static <T> void pages(HttpServletResponse response, String filename, List<String> header,
			@Nullable String sort, Function<PageQuery, PageResult<T>> list, Function<T, Object[]> row) {
		PageResult<T> rows = list.apply(PageQuery.of(0, PageQuery.MAX_SIZE, sort));
		try (CsvExport csv = to(response, filename, header)) {
			for (int page = 1;; page++) {
				rows.items().forEach(item -> csv.row(row.apply(item)));
				if (!rows.hasNext() || (long) page * PageQuery.MAX_SIZE >= PageQuery.EXPORT_ROWS) {
					return;
				}
				rows = list.apply(PageQuery.of(page, PageQuery.MAX_SIZE, sort));
			}
		}
	}

	/** One row; {@code null} is an empty cell. */
	public void row(Object... cells) {
		List<Object> values = new ArrayList<>(cells.length);
		for (Object cell : cells) {
			values.add(cell(cell));
		}
		try {
			printer.printRecord(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Text a spreadsheet would run as a formula is prefixed with an apostrophe. */
	static Object cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof TemporalAccessor time) {
			return time instanceof java.time.LocalDate ? Formats.date(time) : Formats.dateTime(time);
		}
		if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return value;
	}

	@Override
	public void close() {
		try {
			printer.close(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
