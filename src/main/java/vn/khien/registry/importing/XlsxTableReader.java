package vn.khien.registry.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** First sheet of an XLSX workbook to {@link RawTable}, cells as displayed text. */
final class XlsxTableReader {

	private XlsxTableReader() {
	}

	static RawTable read(byte[] bytes, int maxColumns) {
		// POI's ZipSecureFile defaults (inflate ratio, entry size) stay in force: never lowered here.
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				return RawTable.of(List.of());
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			// Cached results avoid evaluating formulas from an untrusted workbook.
			formatter.setUseCachedValuesForFormulaCells(true);
			List<RawTable.RawLine> lines = new ArrayList<>();
			for (Row row : sheet) {
				int width = Math.min(Math.max(row.getLastCellNum(), 0), maxColumns);
				List<String> cells = new ArrayList<>(width);
				for (int i = 0; i < width; i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell));
				}
				lines.add(new RawTable.RawLine(row.getRowNum() + 1, cells));
			}
			return RawTable.of(lines);
		} catch (IOException | RuntimeException e) {
			// POI signals corrupt, non-OOXML or zip-bomb input with assorted runtime exceptions.
			return RawTable.failed(RowProblem.of(0, null, ImportKeys.FILE_UNREADABLE));
		}
	}
}
