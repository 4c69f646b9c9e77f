package vn.khien.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A list exported as an XLSX workbook, the same way as {@link CsvExport} (a page at a
 * time, the first page read before the download starts, dates as pages write them),
 * through POI's streaming writer: a hundred rows in memory at a time. Every text is a
 * text cell, so nothing a record holds runs as a formula.
 */
public final class XlsxExport {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private XlsxExport() {
	}

	public static <T> void pages(HttpServletResponse response, String filename, List<String> header,
			@Nullable String sort, Function<PageQuery, PageResult<T>> list, Function<T, Object[]> row) {
		PageResult<T> rows = list.apply(PageQuery.of(0, PageQuery.MAX_SIZE, sort));
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			SXSSFSheet sheet = workbook.createSheet();
			int r = 0;
			write(sheet.createRow(r++), header.toArray());
			for (int page = 1;; page++) {
				for (T item : rows.items()) {
					write(sheet.createRow(r++), row.apply(item));
				}
				if (!rows.hasNext() || (long) page * PageQuery.MAX_SIZE >= PageQuery.EXPORT_ROWS) {
					break;
				}
				rows = list.apply(PageQuery.of(page, PageQuery.MAX_SIZE, sort));
			}
			workbook.write(response.getOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One sheet of {@link #workbook}: its name (cut to what Excel allows), a header and
	 * rows.
	 */
	public record Sheet(String name, List<String> header, List<Object[]> rows) {

		public Sheet {
			header = List.copyOf(header);
			rows = List.copyOf(rows);
		}

	}

	/**
	 * A small workbook in memory (a report's figures): a sheet each, cells written as the
	 * lists' exports write them.
	 */
	public static byte[] workbook(List<Sheet> sheets) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			for (Sheet s : sheets) {
				SXSSFSheet sheet = workbook
					.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(s.name()));
				int r = 0;
				write(sheet.createRow(r++), s.header().toArray());
				for (Object[] row : s.rows()) {
					write(sheet.createRow(r++), row);
				}
			}
			var bytes = new java.io.ByteArrayOutputStream();
			workbook.write(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, Object[] cells) {
		for (int i = 0; i < cells.length; i++) {
			Object value = cells[i];
			if (value == null) {
				continue;
			}
			if (value instanceof Number number && !(value instanceof BigDecimal big && big.scale() > 6)) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (value instanceof Boolean bool) {
				row.createCell(i).setCellValue(bool);
			}
			else if (value instanceof TemporalAccessor time) {
				row.createCell(i)
					.setCellValue(time instanceof java.time.LocalDate ? Formats.date(time) : Formats.dateTime(time));
			}
			else {
				String text = value.toString();
				// a cell holds at most 32,767 characters
				row.createCell(i).setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) : text);
			}
		}
	}

}
