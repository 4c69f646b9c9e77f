package vn.khien.platform.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The first sheet of a workbook, streamed with POI's SAX event API rather than
 * XSSFWorkbook, so only one row is held at a time. The upload is first spooled to a
 * temporary file because opening an OPC package from a stream would inflate every part
 * into memory. POI's ZipSecureFile limits (inflate ratio, entry size) stay in force.
 */
final class XlsxTables {

	private XlsxTables() {
	}

	static boolean rows(InputStream in, Consumer<TableRow> rows) {
		Path temp = null;
		try {
			temp = Files.createTempFile("khien-import-", ".xlsx");
			long size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			if (size == 0) {
				return false;
			}
			if (!startsLikeZip(temp)) {
				// Refuse early: for a non-zip input POI would fall back to reading the
				// whole stream in memory.
				throw ImportProblem.ofFile("import.xlsx.invalid");
			}
			try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
				return firstSheet(pkg, rows);
			}
		}
		catch (Delivered delivered) {
			throw delivered.getCause();
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
				| UnsupportedFileFormatException | POIXMLException ex) {
			RuntimeException fromRows = delivered(ex);
			if (fromRows != null) {
				throw fromRows;
			}
			// Corrupt zip, zip bomb, missing parts, broken sheet XML: all mean "not a
			// usable workbook".
			throw new ImportProblem("import.xlsx.invalid", null, ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// best effort: the OS cleans its temporary directory
				}
			}
		}
	}

	private static boolean startsLikeZip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	private static boolean firstSheet(OPCPackage pkg, Consumer<TableRow> rows)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		XSSFReader reader = new XSSFReader(pkg);
		ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
		StylesTable styles = reader.getStylesTable();
		Iterator<InputStream> sheets = reader.getSheetsData();
		if (!sheets.hasNext()) {
			return false;
		}
		RowCollector collector = new RowCollector(rows);
		try (InputStream sheet = sheets.next()) {
			// POI's hardened SAX parser: no DTDs, no external entities
			CellPositions positions = new CellPositions(XMLHelper.newXMLReader(), collector);
			positions.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
			// Cached results: formulas of an untrusted workbook are never evaluated
			positions.setContentHandler(
					new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(Locale.ROOT), false));
			positions.parse(new InputSource(sheet));
		}
		return collector.any;
	}

	private static @Nullable RuntimeException delivered(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Delivered delivered) {
				return delivered.getCause();
			}
		}
		return null;
	}

	/**
	 * Knows the column of each cell. A cell's {@code r} attribute ({@code B7}) is
	 * optional in the format, and some generators leave it out: such a cell is the one
	 * after the previous cell of its row.
	 */
	private static final class CellPositions extends XMLFilterImpl {

		private final RowCollector collector;

		private int next;

		CellPositions(org.xml.sax.XMLReader parent, RowCollector collector) {
			super(parent);
			this.collector = collector;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
			if (!XSSFRelation.NS_SPREADSHEETML.equals(uri)) {
				// another namespace's elements (extensions) are no cells
			}
			else if ("row".equals(localName)) {
				next = 0;
			}
			else if ("c".equals(localName)) {
				String reference = atts.getValue("r");
				int column = reference == null ? next : new CellReference(reference).getCol();
				collector.column = column;
				next = column + 1;
			}
			super.startElement(uri, localName, qName, atts);
		}

	}

	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<TableRow> rows;

		private final List<String> cells = new ArrayList<>();

		private int column;

		private boolean any;

		RowCollector(Consumer<TableRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
		}

		@Override
		public void cell(@Nullable String cellReference, @Nullable String formattedValue,
				@Nullable XSSFComment comment) {
			// Empty cells are absent from the sheet XML: each value goes to its own
			// column.
			if (column >= Tables.MAX_COLUMNS) {
				return;
			}
			while (cells.size() <= column) {
				cells.add("");
			}
			cells.set(column, formattedValue == null ? "" : formattedValue);
		}

		@Override
		public void endRow(int rowNum) {
			TableRow row = new TableRow(rowNum + 1, cells);
			if (row.isBlank()) {
				return;
			}
			any = true;
			try {
				rows.accept(row);
			}
			catch (RuntimeException ex) {
				throw new Delivered(ex);
			}
		}

	}

	/** What the caller's consumer threw, carried through the SAX parser unchanged. */
	private static final class Delivered extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Delivered(RuntimeException cause) {
			super(null, cause, false, false);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

}
