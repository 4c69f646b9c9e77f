package vn.khien.inventory.importing;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streaming reader of asset spreadsheets: first sheet of an .xlsx, same columns as {@link AssetCsvParser}.
 *
 * <p>Uses POI's SAX event API rather than XSSFWorkbook so only one row is held at a time. The upload is
 * first spooled to a temporary file because opening an OPC package from a stream would inflate every part
 * into memory.
 */
public final class AssetXlsxParser {

    /** Stops at the first problem; returns the number of records given to {@code consumer}. */
    public int parse(InputStream in, Consumer<AssetRecord> consumer) {
        return run(in, consumer, ProblemCollector.failFast()).parsed();
    }

    /** Collects row problems; file-level problems are still thrown (see {@link AssetCsvParser}). */
    public ParseResult<AssetRecord> parseCollecting(InputStream in, Consumer<AssetRecord> consumer) {
        return run(in, consumer, ProblemCollector.collecting());
    }

    private ParseResult<AssetRecord> run(InputStream in, Consumer<AssetRecord> consumer, ProblemCollector problems) {
        Path temp = null;
        try {
            temp = Files.createTempFile("khien-import-", ".xlsx");
            long size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw ImportProblem.ofFile("import.file.empty");
            }
            if (!startsLikeZip(temp)) {
                // Refuse early: for a non-ZIP input POI would fall back to reading the whole stream in memory.
                throw ImportProblem.ofFile("import.xlsx.invalid");
            }
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                return readFirstSheet(pkg, consumer, problems);
            }
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | UnsupportedFileFormatException | POIXMLException ex) {
            // Corrupt ZIP, zip bomb, missing parts, broken sheet XML: all mean "not a usable workbook".
            throw new ImportProblem("import.xlsx.invalid", null, ex);
        }
        finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                }
                catch (IOException ignored) {
                    // best effort: the OS cleans the temp directory
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

    private ParseResult<AssetRecord> readFirstSheet(OPCPackage pkg, Consumer<AssetRecord> consumer,
            ProblemCollector problems) throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
        StylesTable styles = reader.getStylesTable();
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw ImportProblem.ofFile("import.file.empty");
        }
        RowCollector rows = new RowCollector(consumer, problems);
        try (InputStream sheet = sheets.next()) {
            XMLReader xml = XMLHelper.newXMLReader(); // POI's hardened SAX parser: no DTDs, no external entities
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(), false));
            try {
                xml.parse(new InputSource(sheet));
            }
            catch (SAXException ex) {
                if (ex.getCause() instanceof ImportProblem problem) {
                    throw problem;
                }
                throw ex;
            }
        }
        if (rows.reader == null) {
            throw ImportProblem.ofFile("import.file.empty");
        }
        return problems.result(rows.parsed);
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<AssetRecord> consumer;
        private final ProblemCollector problems;
        private final List<@Nullable String> cells = new ArrayList<>();
        private @Nullable AssetRowReader reader;
        private int parsed;

        RowCollector(Consumer<AssetRecord> consumer, ProblemCollector problems) {
            this.consumer = consumer;
            this.problems = problems;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String cellReference, String formattedValue, @Nullable XSSFComment comment) {
            // Empty cells are absent from the sheet XML, so place each value by its column letter.
            int column = new CellReference(cellReference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }

        @Override
        public void endRow(int rowNum) {
            if (AssetRowReader.isBlank(cells)) {
                return;
            }
            int line = rowNum + 1;
            if (reader == null) {
                reader = new AssetRowReader(cells, line);
                return;
            }
            AssetRecord asset;
            try {
                asset = reader.read(line, cells);
            }
            catch (ImportProblem problem) {
                problems.report(problem);
                return;
            }
            consumer.accept(asset);
            parsed++;
        }
    }
}
