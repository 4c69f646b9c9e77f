package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every export writes CSV one way: BOM, quoting, defused formulas, dates as pages do. */
class CsvExportTests {

	@Test
	void textASpreadsheetWouldRunAsAFormulaIsDefused() {
		assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(CsvExport.cell("+1")).isEqualTo("'+1");
		assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvExport.cell("Hệ thống quản lý văn bản")).isEqualTo("Hệ thống quản lý văn bản");
		assertThat(CsvExport.cell(null)).isEqualTo("");
	}

	@Test
	void aDownloadStartsWithTheByteOrderMarkAndQuotesWhatNeedsIt() throws Exception {
		var response = new MockHttpServletResponse();
		try (CsvExport csv = CsvExport.to(response, "danh-sách.csv", java.util.List.of("Tên", "Ngày"))) {
			csv.row("Sở Y tế, Hà Nội", LocalDate.of(2026, 12, 1));
		}
		byte[] body = response.getContentAsByteArray();
		assertThat(new String(body, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
		assertThat(new String(body, StandardCharsets.UTF_8))
			.isEqualTo("\uFEFFTên,Ngày\r\n\"Sở Y tế, Hà Nội\",01/12/2026\r\n");
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("filename*=UTF-8''");
	}

}
