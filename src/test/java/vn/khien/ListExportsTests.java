package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The lists that had no export have one: what the page shows, filters and order kept, as
 * CSV; an edited address is refused before any download starts.
 */
@KhienTest
class ListExportsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	List<CSVRecord> csv(String user, String uri) throws Exception {
		var result = mvc.get().uri(uri).with(logins.session(user)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF");
		return CSVFormat.DEFAULT.parse(new StringReader(body.substring(1))).getRecords();
	}

	@Test
	void coveragePerAgencyAndTheHostsToProtect() throws Exception {
		List<CSVRecord> agencies = csv("operator", "/coverage/export.csv?sort=name");
		assertThat(agencies.get(0).values()).startsWith("Mã", "Cơ quan, đơn vị", "Số máy cần bảo vệ");
		assertThat(agencies).hasSizeGreaterThan(10);

		List<CSVRecord> unprotected = csv("operator", "/coverage/unprotected/export.csv");
		List<CSVRecord> all = csv("operator", "/coverage/unprotected/export.csv?protection=ALL");
		List<CSVRecord> protectedHosts = csv("operator", "/coverage/unprotected/export.csv?protection=PROTECTED");
		assertThat(unprotected.size() - 1).isPositive();
		assertThat(all.size() - 1).as("every host to protect is protected or not")
			.isEqualTo(unprotected.size() - 1 + protectedHosts.size() - 1);
		assertThat(protectedHosts.subList(1, protectedHosts.size()))
			.allSatisfy(r -> assertThat(r.get(10)).isEqualTo("Đã bảo vệ"));
	}

	@Test
	void theOfficerExportsOnlyTheirAgencysFocalPoints() throws Exception {
		List<CSVRecord> rows = csv("officer", "/focal-points/export.csv?sort=agency");
		assertThat(rows.get(0).get(0)).isEqualTo("Mã");
		assertThat(rows.subList(1, rows.size())).isNotEmpty()
			.allSatisfy(r -> assertThat(r.get(0)).as("agency code").startsWith("SYT"));
	}

	@Test
	void theAuditTrailWithCodesAndWords() throws Exception {
		List<CSVRecord> rows = csv("admin", "/audit/export.csv?action=LOGIN");
		assertThat(rows.get(0).values()).contains("STT", "Người thực hiện");
		assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(r -> assertThat(r.get(4)).isEqualTo("LOGIN"));
		assertThat(mvc.get().uri("/audit/export.csv").with(logins.session("officer"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anEditedAddressIsA400PageNotAHalfWrittenFile() {
		for (String uri : List.of("/coverage/export.csv?sort=zzz", "/coverage/unprotected/export.csv?protection=zzz",
				"/coverage/unprotected/export.csv?sort=zzz", "/focal-points/export.csv?sort=zzz",
				"/focal-points/export.csv?duty=zzz", "/audit/export.csv?action=zzz",
				"/audit/export.csv?from=2026-13-45")) {
			var result = mvc.get().uri(uri).with(logins.session("admin")).exchange();
			assertThat(result).as(uri).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentType()).as(uri).startsWith("text/html");
		}
	}

}
