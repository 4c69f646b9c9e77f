package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * A case's documents: Mẫu 03 and Mẫu 04 read back from the PDF and the DOCX with the
 * case's Vietnamese text intact and markup as text; Mẫu 04 only once the response has
 * ended, with its TLP:CLEAR, GREEN and AMBER observables and never a TLP:RED one; the
 * STIX bundle and the MISP event without TLP:RED observables.
 */
@KhienTest
class IncidentDocumentsTests {

	static final String TITLE = "Cổng thông tin <script>alert(1)</script> Sở Y tế bị thay đổi giao diện";

	static final String DESCRIPTION = "Trang chủ hiển thị nội dung lạ";

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
	void theInitialReportHoldsTheCasesTextAsWrittenInPdfAndDocx() throws Exception {
		long id = cases.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00", null);
		MvcTestResult pdf = download("officer", id, "03", "pdf");
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("mau-03-su-co-" + id);
		String text = pdfText(pdf.getResponse().getContentAsByteArray());
		assertThat(text).contains(TITLE, DESCRIPTION, "Mẫu 03", "BÁO CÁO BAN ĐẦU SỰ CỐ", "Nguyễn Văn An",
				"Được thông báo", "08:00 01/10/2026", "chưa được đối chiếu", unit.name());

		MvcTestResult docx = download("responder", id, "03", "docx");
		assertThat(docx.getResponse().getContentType()).contains("wordprocessingml");
		String words = docxText(docx.getResponse().getContentAsByteArray());
		assertThat(words).contains(TITLE, DESCRIPTION, "Mẫu 03", "chưa được đối chiếu");
	}

	@Test
	void theEndOfResponseReportWaitsForTheEndAndNeverHoldsARedObservable() throws Exception {
		long id = cases.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00", "fraud/phishing");
		cases.observe(id, "domain", "lua-dao-xanh.example", "green");
		cases.observe(id, "domain", "lua-dao-vang.example", "amber");
		cases.observe(id, "ip", "198.51.100.77", "red");
		cases.observe(id, "domain", "rieng-to-chuc.example", "amber+strict");
		JsonNode refused = api.call("officer", api.get(uri(id, "04", "pdf")), 409);
		assertThat(refused.get("code").asString()).isEqualTo("incidentDocuments.form04.notEnded");

		cases.close(id, "domestic_help", 12_500_000L);
		String text = pdfText(download("officer", id, "04", "pdf").getResponse().getContentAsByteArray());
		assertThat(text).contains(TITLE, DESCRIPTION, "Mẫu 04", "Plugin CMS chưa vá", "vá plugin",
				"Rà quét lỗ hổng hằng tháng", "12.500.000 đồng", "lua-dao-xanh.example", "lua-dao-vang.example",
				"Tấn công giả mạo, lừa đảo", "Chuyển trạng thái: Đã đóng", "chưa được đối chiếu");
		assertThat(text).doesNotContain("198.51.100.77", "rieng-to-chuc.example");
		String words = docxText(download("responder", id, "04", "docx").getResponse().getContentAsByteArray());
		assertThat(words).contains(TITLE, "lua-dao-xanh.example", "Plugin CMS chưa vá");
		assertThat(words).doesNotContain("198.51.100.77");
	}

	@Test
	void otherFormsAndFormatsAreRefusedAndCasesOutOfScopeAreNotFound() throws Exception {
		long id = cases.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00", null);
		assertThat(api.call("officer", api.get(uri(id, "05", "pdf")), 400).get("code").asString())
			.isEqualTo("incidentDocuments.form.unknown");
		assertThat(api.call("officer", api.get(uri(id, "03", "html")), 400).get("code").asString())
			.isEqualTo("document.format.unknown");
		api.call("officer2", api.get(uri(id, "03", "pdf")), 404);
		api.call("provider", api.get(uri(id, "03", "pdf")), 403);
		api.call("officer", api.get(uri(999_999_999L, "03", "pdf")), 404);
		api.call("officer", api.get("/api/v1/incidents/abc/report?form=03"), 400);
		api.call("officer", api.get(uri(id, "%27%3B--", "pdf")), 400);
		api.call("responder", api.get("/api/v1/incidents/abc/stix"), 400);
		api.call("responder", api.get("/api/v1/incidents/999999999/misp"), 404);
	}

	@Test
	void theStixBundleHoldsTheIncidentAndNoRedObservable() throws Exception {
		long id = cases.report(unit.id(), TITLE, "2026-10-01T08:00:00+07:00", "fraud/phishing");
		cases.observe(id, "domain", "stix-xanh.example", "green");
		cases.observe(id, "ip", "198.51.100.78", "red");
		MvcTestResult result = api.exchange("responder", api.get("/api/v1/incidents/" + id + "/stix"));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		String body = IncidentCalls.body(result);
		JsonNode bundle = json.readTree(body);
		assertThat(bundle.get("type").asString()).isEqualTo("bundle");
		List<JsonNode> incidents = new ArrayList<>();
		List<String> values = new ArrayList<>();
		bundle.get("objects").forEach(o -> {
			if (o.get("type").asString().equals("incident")) {
				incidents.add(o);
			}
			if (o.has("value")) {
				values.add(o.get("value").asString());
			}
		});
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).get("name").asString()).isEqualTo(TITLE);
		assertThat(values).contains("stix-xanh.example").doesNotContain("198.51.100.78");
		assertThat(body).doesNotContain("198.51.100.78").contains("Đội ứng cứu sự cố");

		JsonNode misp = api.call("responder", api.get("/api/v1/incidents/" + id + "/misp"), 200);
		List<String> attributes = new ArrayList<>();
		misp.get("Event").get("Attribute").forEach(a -> attributes.add(a.get("value").asString()));
		assertThat(attributes).contains("stix-xanh.example").doesNotContain("198.51.100.78");
		assertThat(misp.get("Event").get("info").asString()).isEqualTo(TITLE);
		assertThat(body).contains(unit.name());

		// a TLP:RED case names neither its agency nor its system
		api.call("responder", api.post("/api/v1/incidents/" + id + "/triage", "{\"tlp\": \"red\"}"), 200);
		String red = IncidentCalls.body(api.exchange("responder", api.get("/api/v1/incidents/" + id + "/stix")));
		assertThat(red).contains("\"incident\"", "TLP:RED").doesNotContain(unit.name(), "198.51.100.78");
	}

	private MvcTestResult download(String user, long id, String form, String format) {
		MvcTestResult result = api.exchange(user, api.get(uri(id, form, format)));
		assertThat(result.getResponse().getStatus()).as(IncidentCalls.body(result)).isEqualTo(200);
		return result;
	}

	private static String uri(long id, String form, String format) {
		return "/api/v1/incidents/" + id + "/report?form=" + form + "&format=" + format;
	}

	static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	static String docxText(byte[] docx) throws IOException {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor words = new XWPFWordExtractor(document)) {
			return words.getText().replaceAll("\\s+", " ");
		}
	}

}
