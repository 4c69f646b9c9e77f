package vn.khien.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AgencyFileReaderTest {

	private static final String HEADER = "code,name,kind,parent_code,head_name,head_title,head_phone,head_email,address\n";

	private static ReadResult csv(String text) {
		return read("agencies.csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private static ReadResult read(String filename, byte[] bytes) {
		return AgencyFileReader.read(filename, new ByteArrayInputStream(bytes));
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Test
	void readsUtf8CsvWithoutBom() {
		ReadResult result = csv(HEADER
				+ "UBND,Ủy ban nhân dân tỉnh,cơ quan cấp tỉnh,,Nguyễn Văn A,Chủ tịch,0203 3826 123,vpubnd@tinh.gov.vn,\"Số 1, đường Trần Hưng Đạo\"\n"
				+ "\n"
				+ "  STTTT , Sở Thông tin và Truyền thông ,Sở,UBND,,,,,\n");
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(
				new AgencyRow(2, "UBND", "Ủy ban nhân dân tỉnh", "cơ quan cấp tỉnh", null, "Nguyễn Văn A",
						"Chủ tịch", "0203 3826 123", "vpubnd@tinh.gov.vn", "Số 1, đường Trần Hưng Đạo"),
				new AgencyRow(4, "STTTT", "Sở Thông tin và Truyền thông", "Sở", "UBND",
						null, null, null, null, null));
	}

	@Test
	void readsUtf8CsvWithBomAndCrLf() {
		byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
		byte[] body = "code,name,kind\r\nX01,Xã Tân Phú,xã\r\n".getBytes(StandardCharsets.UTF_8);
		ReadResult result = read("AGENCIES.CSV", concat(bom, body));
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(
				new AgencyRow(2, "X01", "Xã Tân Phú", "xã", null, null, null, null, null, null));
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
		ReadResult result = csv("code,name,kind,address\n"
				+ "A,Cơ quan A,khác,\"dòng 1\ndòng 2\"\n"
				+ "B,Cơ quan B,khác,\n");
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
			String[] names = {"Mã", "Tên", "Loại", "Mã cấp trên", "Điện thoại"};
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
		ReadResult result = read("co-quan.xlsx", bytes);
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).containsExactly(
				new AgencyRow(2, "000123", "Huyện Đông Anh", "Huyện", null, null, null, null, null, null),
				new AgencyRow(4, "000124", "Xã Cổ Loa", "COMMUNE", "000123", null, null, "912345678", null, null));
	}

	@Test
	void corruptXlsxIsUnreadable() {
		ReadResult result = read("x.xlsx", "code,name,kind\n".getBytes(StandardCharsets.UTF_8));
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).containsExactly(RowProblem.of(0, null, ImportKeys.FILE_UNREADABLE));
	}

	@Test
	void rejectsOtherFileTypes() {
		ReadResult result = read("agencies.xls", new byte[] {1, 2, 3});
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).containsExactly(RowProblem.of(0, null, ImportKeys.FILE_TYPE, "agencies.xls"));
	}

	@Test
	void reportsMissingAndUnknownColumnsOnce() {
		ReadResult result = csv("Mã,ten,Loại,website,fax\nA,B,khác,x,y\n");
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).containsExactly(
				RowProblem.of(1, null, ImportKeys.COLUMNS, "name", "ten, website, fax", 1, 3));
	}

	@Test
	void reportsDuplicateColumn() {
		ReadResult result = csv("code,name,kind,Mã\nA,B,khác,C\n");
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).containsExactly(
				RowProblem.of(1, "code", ImportKeys.COLUMNS_DUPLICATE, "Mã"));
	}

	@Test
	void rejectsWindows1258BytesWithTheirLine() {
		byte[] head = "code,name,kind\nA,Cơ quan A,khác\nB,".getBytes(StandardCharsets.UTF_8);
		// "Đà" in Windows-1258: 0xD0 0xE0 is not valid UTF-8
		byte[] bad = {(byte) 0xD0, (byte) 0xE0};
		byte[] tail = " Nẵng,khác\nC,Cơ quan C,khác\n".getBytes(StandardCharsets.UTF_8);
		ReadResult result = read("a.csv", concat(head, bad, tail));
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).containsExactly(RowProblem.of(3, null, ImportKeys.ENCODING));
	}

	@Test
	void rejectsWindows1252BytesAfterBomAndCrLf() {
		byte[] head = "\uFEFFcode;name;kind\r\n\r\nA;Caf".getBytes(StandardCharsets.UTF_8);
		byte[] tail = {(byte) 0xE9, ';', 'x', '\r', '\n'};
		ReadResult result = read("a.csv", concat(head, tail));
		assertThat(result.problems()).containsExactly(RowProblem.of(3, null, ImportKeys.ENCODING));
	}

	@Test
	void reportsDuplicateCodeWithFirstLine() {
		ReadResult result = csv("code,name,kind\nA,Một,khác\nB,Hai,khác\nA,Ba,khác\n");
		assertThat(result.rows()).hasSize(3);
		assertThat(result.problems()).containsExactly(
				RowProblem.of(4, "code", ImportKeys.ROW_DUPLICATE_CODE, "A", 2));
	}

	@Test
	void reportsFieldProblemsAndKeepsReading() {
		String longName = "Đ".repeat(256);
		String longCode = "C".repeat(51);
		ReadResult result = csv(HEADER
				+ "A,Tên A,khác,,,,,not-an-email,\n"
				+ "B," + longName + ",khác,,,,,,\n"
				+ "C,Tên C,bộ,,,,090x123,,\n"
				+ ",,,,,,,,\n"
				+ " , ,  ,,Ông D,,,,\n"
				+ longCode + ",Tên,khác,,,,,,\n"
				+ "có dấu,Tên,khác,E E,,,,,\n"
				+ "F,Tên F,khác,F,,,,a@b.vn,\n"
				+ "G,Tên G,khác,,,,0123456789012345678901234567890,,\n");
		assertThat(result.problems()).containsExactly(
				RowProblem.of(2, "head_email", ImportKeys.ROW_EMAIL, "not-an-email"),
				RowProblem.of(3, "name", ImportKeys.ROW_TOO_LONG, 255),
				RowProblem.of(4, "kind", ImportKeys.ROW_KIND, "bộ"),
				RowProblem.of(4, "head_phone", ImportKeys.ROW_PHONE, "090x123"),
				RowProblem.of(6, "code", ImportKeys.ROW_REQUIRED),
				RowProblem.of(6, "name", ImportKeys.ROW_REQUIRED),
				RowProblem.of(6, "kind", ImportKeys.ROW_REQUIRED),
				RowProblem.of(7, "code", ImportKeys.ROW_TOO_LONG, 50),
				RowProblem.of(8, "code", ImportKeys.ROW_CODE_PATTERN, "có dấu"),
				RowProblem.of(8, "parent_code", ImportKeys.ROW_CODE_PATTERN, "E E"),
				RowProblem.of(9, "parent_code", ImportKeys.ROW_SELF_PARENT),
				RowProblem.of(10, "head_phone", ImportKeys.ROW_TOO_LONG, 30));
		// the all-blank line 5 is skipped; invalid rows stay in the preview
		assertThat(result.rows()).extracting(AgencyRow::line).containsExactly(2, 3, 4, 6, 7, 8, 9, 10);
	}

	@Test
	void reportsParentCycle() {
		ReadResult result = csv("code,name,kind,parent_code\n"
				+ "R,Gốc,khác,\n"
				+ "A,A,khác,C\n"
				+ "B,B,khác,A\n"
				+ "C,C,khác,B\n"
				+ "D,D,khác,A\n");
		assertThat(result.problems()).containsExactly(
				RowProblem.of(3, "parent_code", ImportKeys.ROW_CYCLE, "A → C → B → A"));
		assertThatThrownBy(() -> AgencyFileReader.inParentOrder(result.rows()))
				.isInstanceOfSatisfying(AgencyCycleException.class, e -> assertThat(e.problems())
						.containsExactly(RowProblem.of(3, "parent_code", ImportKeys.ROW_CYCLE, "A → C → B → A")));
	}

	@Test
	void ordersRowsAfterTheirParents() {
		ReadResult result = csv("code,name,kind,parent_code\n"
				+ "X1,Xã 1,xã,H1\n"
				+ "H1,Huyện 1,huyện,T\n"
				+ "S1,Sở 1,sở,EXTERNAL\n"
				+ "T,Tỉnh,cơ quan tỉnh,\n"
				+ "X2,Xã 2,xã,H1\n");
		assertThat(result.problems()).isEmpty();
		assertThat(AgencyFileReader.inParentOrder(result.rows())).extracting(AgencyRow::code)
				.containsExactly("T", "H1", "X1", "S1", "X2");
	}

	@Test
	void emptyFile() {
		assertThat(csv("").problems()).containsExactly(RowProblem.of(0, null, ImportKeys.FILE_EMPTY));
		assertThat(csv("\n \n").problems()).containsExactly(RowProblem.of(0, null, ImportKeys.FILE_EMPTY));
		assertThat(csv("code,name,kind\n\n").problems()).containsExactly(RowProblem.of(0, null, ImportKeys.FILE_EMPTY));
	}

	@Test
	void unterminatedQuoteIsUnreadable() {
		ReadResult result = csv("code,name,kind\nA,\"Tên A,khác\nB,Tên B,khác\n");
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).extracting(RowProblem::messageKey).containsExactly(ImportKeys.FILE_UNREADABLE);
	}

	@Test
	void tooLargeFile() {
		byte[] bytes = new byte[AgencyFileReader.MAX_BYTES + 1];
		assertThat(read("a.csv", bytes).problems())
				.containsExactly(RowProblem.of(0, null, ImportKeys.FILE_TOO_LARGE, 10));
	}

	@Test
	void decomposedUnicodeIsNormalised() {
		String nfd = java.text.Normalizer.normalize("Xã Tân Phú", java.text.Normalizer.Form.NFD);
		ReadResult result = csv("code,name,kind\nX," + nfd + ",xã\n");
		assertThat(result.rows().get(0).name()).isEqualTo("Xã Tân Phú");
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
		assertThat(AgencyFileReader.inParentOrder(result.rows())).extracting(AgencyRow::code)
				.containsExactly("UBND", "STTTT", "H01", "X0101", "BV-TINH");
		ReadResult semicolons = csv(example.replace(",", ";").replace("\"Số 1; đường Trần Hưng Đạo\"", "Số 1, đường Trần Hưng Đạo"));
		assertThat(semicolons.problems()).isEmpty();
		assertThat(semicolons.rows()).isEqualTo(result.rows());
	}
}
