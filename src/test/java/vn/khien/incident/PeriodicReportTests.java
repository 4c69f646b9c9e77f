package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.XlsxExport;
import vn.khien.registry.Agency;

/**
 * The periodic report (Mẫu 05): a row per attack type of the pack in force on the
 * period's last day, in its order, then the total; each case discovered in the period
 * counted once by its type (none: the last type, other) and by how it was handled, with
 * its damage; a case a day outside, a rejected report, none of them.
 */
@KhienTest
class PeriodicReportTests {

	static final String PERIOD = "from=2025-04-01&to=2025-04-30";

	static final List<String> TYPES = List.of("dos", "phishing", "malware", "intrusion", "defacement", "encryption",
			"destruction", "espionage", "combined", "other", "total");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	IncidentCalls api;

	IncidentDocumentsFixtures cases;

	Agency unit;

	@BeforeEach
	void setUp() {
		api = new IncidentCalls(mvc, logins, json);
		cases = new IncidentDocumentsFixtures(api, json);
		unit = new AccessFixtures(context).unit("SYT");
	}

	@Test
	void theSpreadsheetCountsTheCasesOfThePeriodByTypeAndHandling() throws Exception {
		Map<String, long[]> before = sheet("responder");

		long inHouse = cases.report(unit.id(), "Thư giả mạo ngân hàng", "2025-04-01T00:10:00+07:00", "fraud/phishing");
		cases.close(inHouse, "in_house", 1_000_000L);
		long helped = cases.report(unit.id(), "Trang giả mạo cổng dịch vụ công", "2025-04-30T23:50:00+07:00",
				"fraud/masquerade");
		cases.close(helped, "domestic_help", 500_000L);
		long referred = cases.report(unit.id(), "Tấn công từ chối dịch vụ", "2025-04-15T09:00:00+07:00",
				"availability/ddos");
		cases.close(referred, "referred", null);
		// still being worked, and without a type: counted under other, handling unknown
		cases.report(unit.id(), "Sự cố chưa phân loại", "2025-04-20T09:00:00+07:00", null);
		// a day outside on either side, and a rejected report: not counted
		cases.report(unit.id(), "Thư giả mạo trước kỳ", "2025-03-31T23:50:00+07:00", "fraud/phishing");
		cases.report(unit.id(), "Thư giả mạo sau kỳ", "2025-05-01T00:10:00+07:00", "fraud/phishing");
		cases.reject(cases.report(unit.id(), "Báo nhầm", "2025-04-10T09:00:00+07:00", "fraud/phishing"));

		Map<String, long[]> after = sheet("police");
		assertThat(after.keySet()).containsExactlyElementsOf(TYPES);
		// total, in-house, domestic, foreign, referred, damage
		assertThat(delta(before, after, "phishing")).containsExactly(2, 1, 1, 0, 0, 1_500_000);
		assertThat(delta(before, after, "dos")).containsExactly(1, 0, 0, 0, 1, 0);
		assertThat(delta(before, after, "other")).containsExactly(1, 0, 0, 0, 0, 0);
		assertThat(delta(before, after, "malware")).containsExactly(0, 0, 0, 0, 0, 0);
		assertThat(delta(before, after, "total")).containsExactly(4, 1, 1, 0, 1, 1_500_000);
	}

	@Test
	void thePdfIsTheFormWithItsTable() throws Exception {
		MvcTestResult result = api.exchange("leader",
				api.get("/api/v1/incident-reports/periodic?" + PERIOD + "&format=pdf"));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		String text = IncidentDocumentsTests.pdfText(result.getResponse().getContentAsByteArray());
		assertThat(text).contains("Mẫu 05", "BÁO CÁO ĐỊNH KỲ", "01/04/2025", "30/04/2025",
				"Tấn công từ chối dịch vụ (DoS, DDoS)", "Hình thức tấn công khác", "Tổng cộng", "vn-2016-nd85",
				"chưa được đối chiếu");
	}

	@Test
	void theReportIsTheTeamsThePolicesAndTheLeadershipsAndRefusesGarbage() throws Exception {
		api.call("officer", api.get("/api/v1/incident-reports/periodic?" + PERIOD), 403);
		api.call("provider", api.get("/api/v1/incident-reports/periodic?" + PERIOD), 403);
		bad("from=2025-04-01", "incident.field.required");
		bad("from=2025-04-01&to=2025-02-30", "incident.day.bad");
		bad("from=yesterday&to=2025-04-30", "incident.day.bad");
		bad("from=2025-04-30&to=2025-04-01", "periodicReport.period.backwards");
		bad("from=2015-01-01&to=2025-04-01", "periodicReport.period.tooLong");
		bad("from=2010-01-01&to=2010-06-30", "periodicReport.noPack");
		bad(PERIOD + "&format=csv", "periodicReport.format.unknown");
		bad(PERIOD + "&format=%00%27", "periodicReport.format.unknown");
	}

	private void bad(String query, String code) throws Exception {
		assertThat(api.call("responder", api.get("/api/v1/incident-reports/periodic?" + query), 400)
			.get("code")
			.asString()).as(query).isEqualTo(code);
	}

	private static long[] delta(Map<String, long[]> before, Map<String, long[]> after, String type) {
		long[] d = new long[6];
		for (int i = 0; i < 6; i++) {
			d[i] = after.get(type)[i] - before.get(type)[i];
		}
		return d;
	}

	/** The spreadsheet's rows by type id: its six figures. */
	private Map<String, long[]> sheet(String user) throws Exception {
		MvcTestResult result = api.exchange(user,
				api.get("/api/v1/incident-reports/periodic?" + PERIOD + "&format=xlsx"));
		assertThat(result.getResponse().getStatus()).as(IncidentCalls.body(result)).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo(XlsxExport.CONTENT_TYPE);
		Map<String, long[]> rows = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
			assertThat(header).containsExactly("Mã loại", "Loại tấn công", "Tổng số sự cố", "Tự xử lý",
					"Có hỗ trợ trong nước", "Có hỗ trợ nước ngoài", "Chuyển Cơ quan điều phối quốc gia",
					"Thiệt hại ước tính (đồng)");
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				long[] figures = new long[6];
				for (int c = 0; c < 6; c++) {
					figures[c] = (long) row.getCell(c + 2).getNumericCellValue();
				}
				rows.put(row.getCell(0).getStringCellValue(), figures);
			}
		}
		return rows;
	}

}
