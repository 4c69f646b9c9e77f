package vn.khien.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemCsvTests {

	@Test
	void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
		assertThat(SystemCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SystemCsv.cell("+1")).isEqualTo("'+1");
		assertThat(SystemCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SystemCsv.cell("Hệ thống quản lý văn bản")).isEqualTo("Hệ thống quản lý văn bản");
		assertThat(SystemCsv.cell(null)).isNull();
	}

	@Test
	void listUrlsKeepTheFiltersAndReverseTheCurrentSort() {
		var params = new SystemListParams("văn bản", "SYT", null, true, null, null, null, 3, null, 2, 50, "name");
		assertThat(params.sortUrl("name")).startsWith("/systems?")
			.contains("sort=-name", "agency=SYT", "critical=true", "level=3", "size=50")
			.doesNotContain("page=");
		assertThat(params.pageUrl(3)).contains("page=3", "sort=name", "q=v%C4%83n%20b%E1%BA%A3n");
		assertThat(params.exportUrl()).startsWith("/systems/export.csv?").contains("agency=SYT");
	}

}
