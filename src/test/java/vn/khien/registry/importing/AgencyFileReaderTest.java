package vn.khien.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.TableFormat;
import vn.khien.platform.importing.TestWorkbooks;

class AgencyFileReaderTest {

	private static final String HEADER = "code,name,kind,parent_code,head_name,head_title,head_phone,head_email,address\n";

	private static ReadResult csv(String text) {
		return read(TableFormat.CSV, text.getBytes(StandardCharsets.UTF_8));
	}

	private static ReadResult read(TableFormat format, byte[] bytes) {
		return AgencyFileReader.read(new ByteArrayInputStream(bytes), format, n -> {
		});
	}

	/** line, key, arguments: the column as the file names it first for row problems. */
	private static List<Tuple> problems(ReadResult result) {
		return result.problems().stream().map(p -> tuple(p.line(), p.messageKey(), List.of(p.args()))).toList();
	}

	private static Tuple problem(int line, String key, Object... args) {
		return tuple(line, key, List.of(args));
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static void refused(ReadResultSupplier read, String key, String location) {
		assertThatThrownBy(read::get).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo(key);
			assertThat(p.location()).isEqualTo(location);
		});
	}

	interface ReadResultSupplier {

		ReadResult get();

	}

	@Test
	void readsUtf8CsvWithoutBom() {
		ReadResult result = csv(HEADER
				+ "UBND,Ủy ban nhân dân tỉnh,cơ quan cấp tỉnh,,Nguyễn Văn A,Chủ tịch,0203 3826 123,vpubnd@tinh.gov.vn,\"Số 1, đường Trần Hưng Đạo\"\n"
				+ "\n" + "  STTTT , Sở Thông tin và Truyền thông ,Sở,UBND,,,,,\n");
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(
				new AgencyRow(2, "UBND", "Ủy ban nhân dân tỉnh", "cơ quan cấp tỉnh", null, "Nguyễn Văn A", "Chủ tịch",
						"0203 3826 123", "vpubnd@tinh.gov.vn", "Số 1, đường Trần Hưng Đạo"),
				new AgencyRow(4, "STTTT", "Sở Thông tin và Truyền thông", "Sở", "UBND", null, null, null, null, null));
	}

	@Test
	void readsUtf8CsvWithBomAndCrLf() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "code,name,kind\r\nX01,Xã Tân Phú,xã\r\n".getBytes(StandardCharsets.UTF_8);
		ReadResult result = read(TableFormat.CSV, concat(bom, body));
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows())
			.containsExactly(new AgencyRow(2, "X01", "Xã Tân Phú", "xã", null, null, null, null, null, null));
	}

	@Test
	void readsSemicolonDelimitedWithVietnameseHeadersInAnyOrder() {
		ReadResult result = csv("Tên;Mã;LOẠI;Mã cấp trên;Thủ trưởng;Chức vụ;Điện thoại;Email;Địa chỉ\n"
				+ "Phường Hòa Bình;P.HB-01;phường;H01;Trần Thị B;Chủ tịch;+84 (20) 3.123-456;b@x.vn;Tổ 5, khu 2\n");
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(new AgencyRow(2, "P.HB-01", "Phường Hòa Bình", "phường", "H01",
				"Trần Thị B", "Chủ tịch", "+84 (20) 3.123-456", "b@x.vn", "Tổ 5, khu 2"));
	}

	@Test
	void multiLineQuotedValueKeepsPhysicalLineNumbers() {
		ReadResult result = csv("code,name,kind,address\nA,Cơ quan A,khác,\"dòng 1\ndòng 2\"\nB,Cơ quan B,khác,\n");
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).extracting(AgencyRow::line).containsExactly(2, 4);
		assertThat(result.rows().get(0).address()).isEqualTo("dòng 1\ndòng 2");
	}

	@Test
	void readsXlsxWithTextAndNumericCells() throws IOException {
		byte[] bytes;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Cơ quan");
			CellStyle padded = workbook.createCellStyle();
			padded.setDataFormat(workbook.createDataFormat().getFormat("000000"));
			Row header = sheet.createRow(0);
			String[] names = { "Mã", "Tên", "Loại", "Mã cấp trên", "Điện thoại" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row first = sheet.createRow(1);
			first.createCell(0).setCellValue(123);
			first.getCell(0).setCellStyle(padded);
			first.createCell(1).setCellValue("Huyện Đông Anh");
			first.createCell(2).setCellValue("Huyện");
			// row index 2 intentionally missing: a blank row in the sheet
			Row third = sheet.createRow(3);
			third.createCell(0).setCellValue("000124");
			third.createCell(1).setCellValue("Xã Cổ Loa");
			third.createCell(2).setCellValue("COMMUNE");
			third.createCell(3).setCellValue(123);
			third.getCell(3).setCellStyle(padded);
			third.createCell(4).setCellValue(912345678);
			workbook.createSheet("ignored").createRow(0).createCell(0).setCellValue("x");
			workbook.write(out);
			bytes = out.toByteArray();
		}
		ReadResult result = read(TableFormat.XLSX, bytes);
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(
				new AgencyRow(2, "000123", "Huyện Đông Anh", "Huyện", null, null, null, null, null, null),
				new AgencyRow(4, "000124", "Xã Cổ Loa", "COMMUNE", "000123", null, null, "912345678", null, null));
	}

	@Test
	void xlsxCellsWithoutReferencesAreReadInOrder() {
		byte[] bytes = TestWorkbooks.withoutReferences(new String[] { "Mã", "Tên", "Loại", "Mã cấp trên", "Email" },
				new String[] { "H01", "Huyện Một", "huyện", null, "h01@tinh.gov.vn" },
				new String[] { "X01", "Xã Một", "xã", "H01" });
		ReadResult result = read(TableFormat.XLSX, bytes);
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(
				new AgencyRow(2, "H01", "Huyện Một", "huyện", null, null, null, null, "h01@tinh.gov.vn", null),
				new AgencyRow(3, "X01", "Xã Một", "xã", "H01", null, null, null, null, null));
	}

	@Test
	void filesThatCannotBeUsedAreRefusedWithTheirLine() {
		refused(() -> read(TableFormat.XLSX, "code,name,kind\n".getBytes(StandardCharsets.UTF_8)),
				"import.xlsx.invalid", null);
		refused(() -> csv("Mã,ten,Loại,website,fax\nA,B,khác,x,y\n"), "import.csv.columns", "line:1");
		refused(() -> csv("code,name,kind,Mã\nA,B,khác,C\n"), "import.csv.duplicateColumn", "line:1");
		refused(() -> csv(""), "import.file.empty", null);
		refused(() -> csv("\n \n"), "import.file.empty", null);
		refused(() -> csv("code,name,kind\n\n"), "import.file.empty", null);
		refused(() -> csv("code,name,kind\nA,\"Tên A,khác\nB,Tên B,khác\n"), "import.csv.malformed", "line:2");
	}

	@Test
	void missingAndUnknownColumnsAreNamedOnce() {
		assertThatThrownBy(() -> csv("Mã,ten,Loại,website,fax\nA,B,khác,x,y\n")).isInstanceOfSatisfying(
				ImportProblem.class, p -> assertThat(p.args()).containsExactly("name", "ten, website, fax", 1, 3));
	}

	@Test
	void rejectsWindows1258BytesWithTheirLine() {
		byte[] head = "code,name,kind\nA,Cơ quan A,khác\nB,".getBytes(StandardCharsets.UTF_8);
		// "Đà" in Windows-1258: 0xD0 0xE0 is not valid UTF-8
		byte[] bad = { (byte) 0xD0, (byte) 0xE0 };
		byte[] tail = " Nẵng,khác\nC,Cơ quan C,khác\n".getBytes(StandardCharsets.UTF_8);
		refused(() -> read(TableFormat.CSV, concat(head, bad, tail)), "import.csv.encoding", "line:3");
	}

	@Test
	void rejectsWindows1252BytesAfterBomAndCrLf() {
		byte[] head = "\uFEFFcode;name;kind\r\n\r\nA;Caf".getBytes(StandardCharsets.UTF_8);
		byte[] tail = { (byte) 0xE9, ';', 'x', '\r', '\n' };
		refused(() -> read(TableFormat.CSV, concat(head, tail)), "import.csv.encoding", "line:3");
	}

	@Test
	void tooManyRowsStopTheRead() {
		StringBuilder csv = new StringBuilder("code,name,kind\n");
		for (int i = 0; i <= AgencyFileReader.MAX_ROWS; i++) {
			csv.append("C").append(i).append(",Tên,khác\n");
		}
		refused(() -> csv(csv.toString()), ImportKeys.FILE_TOO_MANY_ROWS, null);
	}

	@Test
	void reportsDuplicateCodeWithFirstLine() {
		ReadResult result = csv("Mã,name,kind\nA,Một,khác\nB,Hai,khác\nA,Ba,khác\n");
		assertThat(result.rows()).hasSize(3);
		assertThat(problems(result)).containsExactly(problem(4, ImportKeys.ROW_DUPLICATE_CODE, "Mã", "A", 2));
	}

	@Test
	void reportsFieldProblemsNamingTheColumnAndKeepsReading() {
		String longName = "Đ".repeat(256);
		String longCode = "C".repeat(51);
		ReadResult result = csv(HEADER + "A,Tên A,khác,,,,,not-an-email,\n" + "B," + longName + ",khác,,,,,,\n"
				+ "C,Tên C,bộ,,,,090x123,,\n" + ",,,,,,,,\n" + " , ,  ,,Ông D,,,,\n" + longCode + ",Tên,khác,,,,,,\n"
				+ "có dấu,Tên,khác,E E,,,,,\n" + "F,Tên F,khác,F,,,,a@b.vn,\n"
				+ "G,Tên G,khác,,,,0123456789012345678901234567890,,\n");
		assertThat(problems(result)).containsExactly(problem(2, ImportKeys.ROW_EMAIL, "head_email", "not-an-email"),
				problem(3, ImportKeys.ROW_TOO_LONG, "name", 255), problem(4, ImportKeys.ROW_KIND, "kind", "bộ"),
				problem(4, ImportKeys.ROW_PHONE, "head_phone", "090x123"), problem(6, ImportKeys.ROW_REQUIRED, "code"),
				problem(6, ImportKeys.ROW_REQUIRED, "name"), problem(6, ImportKeys.ROW_REQUIRED, "kind"),
				problem(7, ImportKeys.ROW_TOO_LONG, "code", 50),
				problem(8, ImportKeys.ROW_CODE_PATTERN, "code", "có dấu"),
				problem(8, ImportKeys.ROW_CODE_PATTERN, "parent_code", "E E"),
				problem(9, ImportKeys.ROW_SELF_PARENT, "parent_code"),
				problem(10, ImportKeys.ROW_TOO_LONG, "head_phone", 30));
		// the all-blank line 5 is skipped; invalid rows stay in the preview
		assertThat(result.rows()).extracting(AgencyRow::line).containsExactly(2, 3, 4, 6, 7, 8, 9, 10);
	}

	@Test
	void reportsParentCycleOnItsEarliestLine() {
		ReadResult result = csv(
				"code,name,kind,Mã cấp trên\nR,Gốc,khác,\nA,A,khác,C\nB,B,khác,A\nC,C,khác,B\nD,D,khác,A\n");
		assertThat(problems(result)).containsExactly(problem(3, ImportKeys.ROW_CYCLE, "Mã cấp trên", "A → C → B → A"));
	}

	@Test
	void ordersRowsAfterTheirParents() {
		ReadResult result = csv("code,name,kind,parent_code\nX1,Xã 1,xã,H1\nH1,Huyện 1,huyện,T\nS1,Sở 1,sở,EXTERNAL\n"
				+ "T,Tỉnh,cơ quan tỉnh,\nX2,Xã 2,xã,H1\n");
		assertThat(result.problems()).isEmpty();
		assertThat(result.ordered()).extracting(AgencyRow::code).containsExactly("T", "H1", "X1", "S1", "X2");
	}

	@Test
	void aChainAsDeepAsTheFileIsOrderedWithoutRecursion() {
		StringBuilder csv = new StringBuilder("code,name,kind,parent_code\n");
		int n = AgencyFileReader.MAX_ROWS;
		for (int i = n; i > 0; i--) {
			csv.append("C").append(i).append(",Tên,khác,").append(i == 1 ? "" : "C" + (i - 1)).append('\n');
		}
		ReadResult result = csv(csv.toString());
		assertThat(result.problems()).isEmpty();
		assertThat(result.ordered().get(0).code()).isEqualTo("C1");
		assertThat(result.ordered().get(n - 1).code()).isEqualTo("C" + n);
	}

	@Test
	void decomposedUnicodeIsNormalised() {
		String nfd = java.text.Normalizer.normalize("Xã Tân Phú", java.text.Normalizer.Form.NFD);
		assertThat(csv("code,name,kind\nX," + nfd + ",xã\n").rows().get(0).name()).isEqualTo("Xã Tân Phú");
	}

	@Test
	void rowsAreImmutable() {
		List<AgencyRow> rows = csv("code,name,kind\nA,B,khác\n").rows();
		assertThatThrownBy(() -> rows.add(rows.get(0))).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void documentedExampleIsValid() throws IOException {
		String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/agency-import.md"));
		int start = doc.indexOf("```csv\n") + "```csv\n".length();
		String example = doc.substring(start, doc.indexOf("```", start));
		ReadResult result = csv(example);
		assertThat(result.problems()).isEmpty();
		assertThat(result.ordered()).extracting(AgencyRow::code)
			.containsExactly("UBND", "STTTT", "H01", "X0101", "BV-TINH");
		ReadResult semicolons = csv(
				example.replace(",", ";").replace("\"Số 1; đường Trần Hưng Đạo\"", "Số 1, đường Trần Hưng Đạo"));
		assertThat(semicolons.problems()).isEmpty();
		assertThat(semicolons.rows()).isEqualTo(result.rows());
	}

}
