package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ParseResult;
import vn.khien.platform.importing.TableFormat;

class AssetTableParserXlsxTest {

	private final AssetTableParser parser = new AssetTableParser();

	/**
	 * Builds a workbook in memory; each row is given as cells, null leaves the cell
	 * absent.
	 */
	private static byte[] workbook(String[]... rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Tài sản");
			for (int r = 0; r < rows.length; r++) {
				if (rows[r] == null) {
					continue; // leaves a gap, as users do
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			book.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("ignored");
			book.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void firstSheetRowsAreReadWithRowNumbersAndMissingCells() throws IOException {
		byte[] xlsx = workbook(new String[] { "kind", "hostname", "addresses", "url" },
				new String[] { "Máy chủ", "DB01", "10.0.0.7", null }, null,
				new String[] { "Cổng thông tin", null, null, "http://portal.example.vn:80/" });
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(new ByteArrayInputStream(xlsx), TableFormat.XLSX, sink)).isEqualTo(2);
		assertThat(sink.get(0).line()).isEqualTo(2);
		assertThat(sink.get(0).identityKey()).isEqualTo("host:db01");
		assertThat(sink.get(1).line()).isEqualTo(4);
		assertThat(sink.get(1).url()).isEqualTo("http://portal.example.vn");
	}

	@Test
	void rowProblemsUseTheSameKeysAsCsv() throws IOException {
		byte[] xlsx = workbook(new String[] { "Kind", "Hostname", "Addresses" },
				new String[] { "server", "a", "10.0.0.1" }, new String[] { "server", "b", "999.0.0.1" },
				new String[] { "server", "A", null });
		ParseResult<AssetRecord> result = parser.parseCollecting(new ByteArrayInputStream(xlsx), TableFormat.XLSX,
				a -> {
				});
		assertThat(result.parsed()).isEqualTo(1);
		assertThat(result.problems()).extracting(ImportProblem::messageKey)
			.containsExactly("import.row.invalidAddress", "import.row.duplicate");
		assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(3, 4);
	}

	@Test
	void wrongColumnsAreRefused() throws IOException {
		byte[] xlsx = workbook(new String[] { "Tên máy", "IP" }, new String[] { "a", "10.0.0.1" });
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(xlsx), TableFormat.XLSX, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.csv.columns");
			assertThat(p.line()).isEqualTo(1);
		});
	}

	@Test
	void fileThatIsNotXlsxIsRefused() {
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8("kind,hostname\nserver,a\n"), TableFormat.XLSX, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.xlsx.invalid"));
	}

	@Test
	void truncatedWorkbookIsRefused() throws IOException {
		byte[] xlsx = workbook(new String[] { "kind", "hostname" }, new String[] { "server", "a" });
		byte[] truncated = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(truncated), TableFormat.XLSX, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.xlsx.invalid"));
	}

	@Test
	void emptyFileIsReportedAsEmpty() {
		assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(new byte[0]), TableFormat.XLSX, a -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
	}

	@Test
	void cellsWithoutReferencesAreReadInOrder() {
		byte[] xlsx = vn.khien.platform.importing.TestWorkbooks.withoutReferences(
				new String[] { "kind", "hostname", "addresses", "os" },
				new String[] { "máy chủ", "db02", null, "Debian 12" },
				new String[] { "máy trạm", null, "10.0.0.9", null });
		TestFiles.Sink<AssetRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(new ByteArrayInputStream(xlsx), TableFormat.XLSX, sink)).isEqualTo(2);
		assertThat(sink.get(0).identityKey()).isEqualTo("host:db02");
		assertThat(sink.get(0).os()).isEqualTo("Debian 12");
		assertThat(sink.get(1).kind()).isEqualTo(AssetKind.WORKSTATION);
		assertThat(sink.get(1).addresses()).containsExactly("10.0.0.9");
		assertThat(sink.get(1).line()).isEqualTo(3);
	}

}
