package vn.khien.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.ImportClient;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.incident.IncidentStatistics;
import vn.khien.platform.SystemPrincipal;
import vn.khien.registry.Agencies;

/**
 * The six-monthly and annual reports: made as jobs for a period and a scope, as PDF and
 * DOCX in Vietnamese holding the period's figures (read back from the files) and as XLSX
 * holding the dashboard's; bad requests refused with nothing queued; read only within the
 * scope; mailed by their schedules once a period has ended.
 */
@KhienTest
class SixMonthlyReportTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(38025, "127.0.0.1", "smtp"));

	static final String FROM = "2026-01-01";

	static final String TO = "2026-06-30";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	Agencies agencies;

	@Autowired
	IncidentStatistics incidents;

	@Autowired
	ReportSchedules schedules;

	@Autowired
	JdbcClient jdbc;

	MvcTestResult post(String user, String uri, String body) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	static String request(String period, String from, String to, String scope, String format) {
		return """
				{"period": "%s", "from": "%s", "to": "%s", "scope": "%s", "format": "%s"}""".formatted(period, from, to,
				scope, format);
	}

	/** Makes the report, waits for its job and downloads the file. */
	byte[] make(String user, String body) throws Exception {
		MvcTestResult accepted = post(user, "/api/v1/reports/periodic", body);
		assertThat(accepted).hasStatus(202);
		String statusUrl = json.readTree(accepted.getResponse().getContentAsString()).get("statusUrl").asString();
		JsonNode status = new ImportClient(mvc, logins, json).await(user, statusUrl);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("succeeded");
		String downloadUrl = status.get("downloadUrl").asString();
		assertThat(downloadUrl).startsWith("/api/v1/reports/periodic/").endsWith("/file");
		MvcTestResult file = mvc.get().uri(downloadUrl).header("Authorization", logins.bearer(user)).exchange();
		assertThat(file).hasStatusOk();
		return file.getResponse().getContentAsByteArray();
	}

	JsonNode get(String user, String uri) throws Exception {
		MvcTestResult result = mvc.get().uri(uri).header("Authorization", logins.bearer(user)).exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString());
	}

	static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	static String docxText(byte[] docx) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor words = new XWPFWordExtractor(document)) {
			assertThat(document.getAllPictures()).as("the charts").isNotEmpty();
			return words.getText().replaceAll("\\s+", " ");
		}
	}

	@Test
	void theSixMonthlyPdfAndDocxOfAnAgencyHoldThePeriodsFiguresInVietnamese() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		IncidentStatistics.Statistics expected = SystemPrincipal
			.of("report-test", SystemPrincipal.Permission.READ_PROVINCE)
			.call(() -> incidents.of(IncidentStatistics.By.TYPE, LocalDate.parse(FROM), LocalDate.parse(TO), health));
		String name = agencies.get(health).name();
		String period = "agency=" + health + "&from=" + FROM + "&to=" + TO;
		long events = get("officer", "/api/v1/trainings?" + period).get("total").asLong();
		long people = get("officer", "/api/v1/trainings/people?" + period).get("total").asLong();
		for (String format : List.of("pdf", "docx")) {
			byte[] file = make("officer", request("six-monthly", FROM, TO, Long.toString(health), format));
			String text = format.equals("pdf") ? pdfText(file) : docxText(file);
			assertThat(text).as(format)
				.contains("BÁO CÁO SƠ KẾT 6 THÁNG NĂM 2026")
				.contains("Tình hình thực hiện công tác bảo đảm an toàn thông tin, an ninh mạng từ ngày 01/01/2026"
						+ " đến ngày 30/06/2026")
				.contains(name.toUpperCase(java.util.Locale.forLanguageTag("vi")))
				.contains(
						"Trong kỳ ghi nhận " + expected.total() + " sự cố an toàn thông tin, an ninh mạng (cùng kỳ năm"
								+ " trước: " + expected.previousTotal() + ")")
				.contains("Trong kỳ tổ chức " + events + " hoạt động tập huấn, tuyên truyền, tiếp cận " + people
						+ " người.")
				.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
				.contains("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
			for (IncidentStatistics.Line line : expected.lines()) {
				assertThat(text).as(format + ": the attack type " + line.key()).contains(line.label());
			}
		}
		byte[] pdf = make("officer", request("six-monthly", FROM, TO, Long.toString(health), "pdf"));
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	@Test
	void theProvincesWorkbookHoldsTheDashboardsFiguresAndTheRanking() throws Exception {
		byte[] xlsx = make("operator", request("annual", "2026-01-01", "2026-12-31", "province", "xlsx"));
		Map<String, JsonNode> dashboard = new HashMap<>();
		get("operator", "/api/v1/dashboard").get("figures").forEach(f -> dashboard.put(f.get("key").asString(), f));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet standing = workbook.getSheet("Tình hình");
			assertThat(standing).isNotNull();
			int compared = 0;
			for (Row row : standing) {
				if (row.getRowNum() == 0) {
					continue;
				}
				String key = row.getCell(0).getStringCellValue();
				JsonNode figure = dashboard.get(key);
				assertThat(figure).as(key).isNotNull();
				if (figure.get("value").isNull()) {
					assertThat(row.getCell(2)).as(key).isNull();
					continue;
				}
				if (!figure.get("ratio").asBoolean()) {
					assertThat((long) row.getCell(2).getNumericCellValue()).as(key)
						.isEqualTo(figure.get("value").asLong());
				}
				compared++;
			}
			assertThat(compared).isGreaterThanOrEqualTo(8);
			Sheet ranking = workbook.getSheet("Xếp hạng");
			assertThat(ranking.getLastRowNum()).as("every ranked agency").isGreaterThan(20);
			assertThat(workbook.getSheet("Trong kỳ")).isNotNull();
		}
		// the province's report is the province's roles': an agency officer is told to
		// choose theirs
		assertThat(post("officer", "/api/v1/reports/periodic", request("annual", FROM, TO, "province", "pdf")))
			.hasStatus(400)
			.bodyText()
			.contains("Chỉ tài khoản cấp tỉnh");
	}

	@Test
	void periodsThatAreEmptyOrReversedAndOtherGarbageAreRefusedWithNothingQueued() throws Exception {
		long before = queued();
		long health = agencies.findByCode("SYT").orElseThrow().id();
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		Map<String, String> refused = new java.util.LinkedHashMap<>();
		refused.put(request("six-monthly", "2026-06-30", "2026-01-01", "province", "pdf"), "ngược");
		refused.put(request("six-monthly", "", TO, "province", "pdf"), "ngày bắt đầu và ngày kết thúc");
		refused.put(request("six-monthly", "1/1/2026", TO, "province", "pdf"), "không hợp lệ");
		refused.put(request("six-monthly", "2025-01-01", TO, "province", "pdf"), "dài quá 184 ngày");
		refused.put(request("annual", "2099-01-01", "2099-12-31", "province", "pdf"), "chưa tới");
		refused.put(request("quarterly", FROM, TO, "province", "pdf"), "quarterly");
		refused.put(request("annual", FROM, TO, "province", "odt"), "odt");
		refused.put(request("annual", FROM, TO, "everywhere", "pdf"), "everywhere");
		refused.put(request("annual", FROM, TO, "", "pdf"), "phạm vi");
		refused.put("{\"period\": \"annual\"", "");
		refused.put("[1, 2]", "");
		refused.put("{\"period\": {\"a\": 1}, \"from\": 3}", "");
		for (Map.Entry<String, String> r : refused.entrySet()) {
			assertThat(post("operator", "/api/v1/reports/periodic", r.getKey())).as(r.getKey())
				.hasStatus(400)
				.bodyText()
				.contains(r.getValue());
		}
		// an agency outside the officer's scope does not exist for them
		assertThat(post("officer", "/api/v1/reports/periodic",
				request("six-monthly", FROM, TO, Long.toString(education), "pdf")))
			.hasStatus(404);
		assertThat(post("officer2", "/api/v1/reports/periodic",
				request("six-monthly", FROM, TO, Long.toString(health), "pdf")))
			.hasStatus(404);
		assertThat(queued()).isEqualTo(before);
	}

	long queued() {
		return jdbc.sql("SELECT COUNT(*) FROM import_job WHERE kind = 'periodic-report'").query(Long.class).single();
	}

	@Test
	void aReportIsReadOnlyWithinItsScope() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		MvcTestResult accepted = post("officer", "/api/v1/reports/periodic",
				request("six-monthly", FROM, TO, Long.toString(health), "docx"));
		String statusUrl = json.readTree(accepted.getResponse().getContentAsString()).get("statusUrl").asString();
		JsonNode status = new ImportClient(mvc, logins, json).await("officer", statusUrl);
		String downloadUrl = status.get("downloadUrl").asString();
		assertThat(mvc.get().uri(downloadUrl).header("Authorization", logins.bearer("leader"))).hasStatusOk();
		assertThat(mvc.get().uri(downloadUrl).header("Authorization", logins.bearer("officer2"))).hasStatus(404);
		assertThat(mvc.get()
			.uri("/api/v1/reports/periodic/no-such-job/file")
			.header("Authorization", logins.bearer("leader"))).hasStatus(404);
		JsonNode listed = get("officer", "/api/v1/reports/periodic?size=100");
		assertThat(listed.get("items").findValuesAsString("jobId")).contains(status.get("jobId").asString());
		JsonNode others = get("officer2", "/api/v1/reports/periodic?size=100");
		assertThat(others.get("items").findValuesAsString("jobId")).doesNotContain(status.get("jobId").asString());
		// the page offers the file to the signed-in officer
		String page = downloadUrl.substring("/api/v1".length());
		assertThat(mvc.get().uri(page).with(logins.session("officer"))).hasStatusOk();
		assertThat(mvc.get().uri("/reports").with(logins.session("officer"))).hasStatusOk().bodyText().contains(page);
	}

	@Test
	void aScheduleMailsThePeriodsReportOnceThePeriodHasEnded() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		String to = "so-ket-" + System.nanoTime() + "@ubnd.example.vn";
		MvcTestResult added = post("officer", "/api/v1/reports/schedules", """
				{"period": "annual", "scope": %d, "format": "pdf", "recipients": "%s"}""".formatted(health, to));
		assertThat(added).hasStatus(201);
		long id = json.readTree(added.getResponse().getContentAsString()).get("id").asLong();
		assertThat(post("officer", "/api/v1/reports/schedules",
				"{\"period\": \"annual\", \"scope\": \"province\", \"format\": \"pdf\", \"recipients\": \"a@b.vn\"}"))
			.hasStatus(400);
		assertThat(post("officer", "/api/v1/reports/schedules",
				"{\"period\": \"annual\", \"scope\": %d, \"format\": \"pdf\", \"recipients\": \"not an address\"}"
					.formatted(health)))
			.hasStatus(400)
			.bodyText()
			.contains("không hợp lệ");
		var sender = ReportSchedules.SENDER;
		// this year has not ended: nothing to send
		sender.call(() -> schedules.send(LocalDate.of(2026, 12, 2)));
		assertThat(received(to)).isEmpty();
		sender.call(() -> schedules.send(LocalDate.of(2027, 1, 2)));
		assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1)).isTrue();
		List<MimeMessage> mails = received(to);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).contains("Tổng kết năm").contains("01/01/2026").contains("31/12/2026");
		Multipart parts = (Multipart) mails.get(0).getContent();
		assertThat(parts.getBodyPart(1).getFileName()).endsWith(".pdf");
		byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
		assertThat(pdfText(pdf)).contains("BÁO CÁO TỔNG KẾT NĂM 2026");
		// once per period
		sender.call(() -> schedules.send(LocalDate.of(2027, 1, 3)));
		assertThat(received(to)).hasSize(1);
		assertThat(
				mvc.delete().uri("/api/v1/reports/schedules/" + id).header("Authorization", logins.bearer("officer2")))
			.hasStatus(404);
		assertThat(
				mvc.delete().uri("/api/v1/reports/schedules/" + id).header("Authorization", logins.bearer("officer")))
			.hasStatus(204);
	}

	List<MimeMessage> received(String address) throws Exception {
		List<MimeMessage> mails = new java.util.ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(address)) {
				mails.add(m);
			}
		}
		return mails;
	}

}
