package vn.khien.platform.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.Columns.Column;

class TablesTest {

	static final Columns COLUMNS = Columns
		.of(Column.of("code", "mã"), Column.of("name", "tên"), Column.of("parent_code", "mã cấp trên"),
				Column.of("hostname"), Column.of("address", "ip"))
		.require("code")
		.require("hostname", "address");

	static ByteArrayInputStream utf8(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static List<TableRow> rows(byte[] bytes, TableFormat format) {
		List<TableRow> rows = new ArrayList<>();
		Tables.rows(new ByteArrayInputStream(bytes), format, rows::add);
		return rows;
	}

	static List<TableRow> csv(String text) {
		return rows(text.getBytes(StandardCharsets.UTF_8), TableFormat.CSV);
	}

	@Test
	void csvRowsKeepTheirPhysicalLinesThroughBlankLinesAndQuotedLineBreaks() {
		assertThat(csv("a,b\r\n\r\n\"x\r\ny\",z\r\n,,\r\nlast,\r\n")).extracting(TableRow::line, TableRow::cells)
			.containsExactly(tuple(1, List.of("a", "b")), tuple(3, List.of("x\r\ny", "z")),
					tuple(6, List.of("last", "")));
	}

	@Test
	void aByteOrderMarkIsDroppedAndSemicolonsAreTakenWhenTheHeaderHasNoComma() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		assertThat(rows(concat(bom, "\nMã;Tên\nA;Một, hai\n".getBytes(StandardCharsets.UTF_8)), TableFormat.CSV))
			.extracting(TableRow::line, TableRow::cells)
			.containsExactly(tuple(2, List.of("Mã", "Tên")), tuple(3, List.of("A", "Một, hai")));
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedAtTheLineOfTheFirstBadByte() {
		// "Đà" in Windows-1258 is 0xD0 0xE0, not UTF-8; after a BOM, CRLF and a blank
		// line
		byte[] head = "\uFEFFcode,name\r\n\r\nA,Cơ quan A\r\nB,".getBytes(StandardCharsets.UTF_8);
		byte[] tail = " Nẵng\r\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> rows(concat(head, new byte[] { (byte) 0xD0, (byte) 0xE0 }, tail), TableFormat.CSV))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.csv.encoding");
				assertThat(p.location()).isEqualTo("line:4");
			});
		// in the header line, while the delimiter is being chosen
		assertThatThrownBy(() -> rows(concat("co".getBytes(StandardCharsets.US_ASCII), new byte[] { (byte) 0xE9 }),
				TableFormat.CSV))
			.isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.location()).isEqualTo("line:1"));
	}

	@Test
	void anUnterminatedQuoteIsMalformedWhereItStarts() {
		assertThatThrownBy(() -> csv("a,b\nx,\"open\ny,z\n")).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.csv.malformed");
			assertThat(p.location()).isEqualTo("line:2");
		});
	}

	@Test
	void headersMatchByNameOrSynonymIgnoringCaseSpacesHyphensAndUnderscores() {
		List<TableRecord> records = new ArrayList<>();
		int taken = Tables.read(utf8("MÃ, Tên ,Parent Code,IP\nA1,  Xã Tân Phú ,,10.0.0.1\n"), TableFormat.CSV, COLUMNS,
				ImportProblems.failFast(), records::add);
		assertThat(taken).isEqualTo(1);
		TableRecord record = records.get(0);
		assertThat(record.line()).isEqualTo(2);
		assertThat(record.get("code")).isEqualTo("A1");
		assertThat(record.get("name")).isEqualTo("Xã Tân Phú");
		assertThat(record.get("parent_code")).isNull();
		assertThat(record.get("address")).isEqualTo("10.0.0.1");
		assertThat(record.get("hostname")).isNull();
		assertThat(record.label("code")).isEqualTo("MÃ");
		assertThat(record.label("parent_code")).isEqualTo("Parent Code");
		// decomposed letters (as macOS writes them) are the same header and the same
		// value
		String nfd = java.text.Normalizer.normalize("mã,hostname\nXã,h\n", java.text.Normalizer.Form.NFD);
		Tables.read(utf8(nfd), TableFormat.CSV, COLUMNS, ImportProblems.failFast(),
				r -> assertThat(r.get("code")).isEqualTo("Xã"));
	}

	@Test
	void aMissingRequiredColumnAndUnknownOnesAreRefusedAtTheHeader() {
		assertThatThrownBy(() -> Tables.read(utf8("\n\ntên,fax,web\nA,B,C\n"), TableFormat.CSV, COLUMNS,
				ImportProblems.collecting(), r -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.csv.columns");
				assertThat(p.location()).isEqualTo("line:3");
				assertThat(p.args()).containsExactly("code, hostname/address", "fax, web", 2, 2);
			});
		assertThatThrownBy(
				() -> Tables.read(utf8("code,ip,Mã\n"), TableFormat.CSV, COLUMNS, ImportProblems.collecting(), r -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.csv.duplicateColumn");
				assertThat(p.args()).containsExactly("Mã");
			});
	}

	@Test
	void rowProblemsKeepTheirLineAndReadingGoesOn() {
		ImportProblems problems = ImportProblems.collecting();
		List<String> codes = new ArrayList<>();
		int taken = Tables.read(utf8("code,ip\nA,1\n\nB,x\nC,3\n"), TableFormat.CSV, COLUMNS, problems, r -> {
			if (!r.get("address").matches("\\d+")) {
				throw r.problem("test.bad", r.get("address"));
			}
			codes.add(r.get("code"));
		});
		assertThat(taken).isEqualTo(2);
		assertThat(codes).containsExactly("A", "C");
		assertThat(problems.<Object>result(taken).problems())
			.extracting(ImportProblem::location, ImportProblem::messageKey)
			.containsExactly(tuple("line:4", "test.bad"));
		assertThatThrownBy(() -> Tables.read(utf8("code,ip\nA,x\nB,y\n"), TableFormat.CSV, COLUMNS,
				ImportProblems.failFast(), r -> {
					throw r.problem("test.bad");
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.line()).isEqualTo(2));
	}

	@Test
	void whatTheConsumerThrowsOtherwiseStopsReadingUnchanged() {
		class Stop extends RuntimeException {

		}
		byte[] xlsx = TestWorkbooks.of(new String[] { "code", "ip" }, new String[] { "A", "1" });
		for (var input : List.of(new Object[] { "code,ip\nA,1\n".getBytes(StandardCharsets.UTF_8), TableFormat.CSV },
				new Object[] { xlsx, TableFormat.XLSX })) {
			assertThatThrownBy(() -> Tables.read(new ByteArrayInputStream((byte[]) input[0]), (TableFormat) input[1],
					COLUMNS, ImportProblems.collecting(), r -> {
						throw new Stop();
					}))
				.isInstanceOf(Stop.class);
		}
	}

	@Test
	void emptyFilesAreEmpty() {
		for (byte[] empty : new byte[][] { new byte[0], "\uFEFF".getBytes(StandardCharsets.UTF_8),
				" \n,,\n\n".getBytes(StandardCharsets.UTF_8) }) {
			assertThatThrownBy(() -> Tables.read(new ByteArrayInputStream(empty), TableFormat.CSV, COLUMNS,
					ImportProblems.failFast(), r -> {
					}))
				.isInstanceOfSatisfying(ImportProblem.class,
						p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
		}
		assertThatThrownBy(() -> Tables.read(new ByteArrayInputStream(new byte[0]), TableFormat.XLSX, COLUMNS,
				ImportProblems.failFast(), r -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
	}

	@Test
	void theFirstSheetOfAWorkbookIsReadAsDisplayedWithItsRowNumbers() throws Exception {
		byte[] bytes;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet("Cơ quan");
			CellStyle padded = book.createCellStyle();
			padded.setDataFormat(book.createDataFormat().getFormat("000000"));
			sheet.createRow(0).createCell(0).setCellValue("Mã");
			sheet.getRow(0).createCell(2).setCellValue("Tên");
			var row = sheet.createRow(3);
			row.createCell(0).setCellValue(123);
			row.getCell(0).setCellStyle(padded);
			row.createCell(2).setCellValue(912345678);
			book.createSheet("khác").createRow(0).createCell(0).setCellValue("x");
			book.write(out);
			bytes = out.toByteArray();
		}
		assertThat(rows(bytes, TableFormat.XLSX)).extracting(TableRow::line, TableRow::cells)
			.containsExactly(tuple(1, List.of("Mã", "", "Tên")), tuple(4, List.of("000123", "", "912345678")));
	}

	@Test
	void workbookCellsWithoutReferencesAreReadInOrder() {
		byte[] bytes = TestWorkbooks.withoutReferences(new String[] { "code", "name", "ip" },
				new String[] { "A", null, "10.0.0.1" }, new String[] {}, new String[] { "B", "Bê", "10.0.0.2" });
		assertThat(rows(bytes, TableFormat.XLSX)).extracting(TableRow::line, TableRow::cells)
			.containsExactly(tuple(1, List.of("code", "name", "ip")), tuple(2, List.of("A", "", "10.0.0.1")),
					tuple(4, List.of("B", "Bê", "10.0.0.2")));
	}

	@Test
	void aWorkbookThatIsNotAZipOrIsTruncatedIsInvalid() {
		assertThatThrownBy(() -> rows("code,name\nA,B\n".getBytes(StandardCharsets.UTF_8), TableFormat.XLSX))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.xlsx.invalid");
				assertThat(p.location()).isNull();
			});
		byte[] xlsx = TestWorkbooks.of(new String[] { "code" }, new String[] { "A" });
		assertThatThrownBy(() -> rows(java.util.Arrays.copyOf(xlsx, xlsx.length / 2), TableFormat.XLSX))
			.isInstanceOfSatisfying(ImportProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("import.xlsx.invalid"));
	}

	@Test
	void theFormatFollowsTheExtension() {
		assertThat(TableFormat.ofFilename("DS.CSV")).contains(TableFormat.CSV);
		assertThat(TableFormat.ofFilename(" a.xlsx ")).contains(TableFormat.XLSX);
		assertThat(TableFormat.ofFilename("a.xls")).isEmpty();
		assertThat(TableFormat.ofFilename(null)).isEmpty();
	}

}
