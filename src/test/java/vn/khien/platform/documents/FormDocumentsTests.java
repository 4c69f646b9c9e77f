package vn.khien.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;

import vn.khien.platform.documents.FormDocument.Block;
import vn.khien.platform.documents.FormDocument.Choice;
import vn.khien.platform.documents.FormDocument.Field;
import vn.khien.platform.documents.FormDocument.Heading;
import vn.khien.platform.documents.FormDocument.Paragraph;
import vn.khien.platform.documents.FormDocument.Table;

/**
 * The form renderers read back: PDFBox's text extraction (and pdftotext where it is
 * installed) finds the Vietnamese title and values as written, whatever their Unicode
 * form; XWPF finds them in the DOCX; markup stays text; a character the font lacks
 * becomes a question mark; a long table goes on over pages under its headings; an empty
 * field is a line to fill in. The files are kept in {@code target/forms/} to look at.
 */
class FormDocumentsTests {

	static final FormDocuments FORMS = new FormDocuments();

	static final String TITLE = "BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG";

	static final String VALUE = "Cổng thông tin điện tử Sở Y tế bị thay đổi giao diện";

	static FormDocument form(String title, List<Block> blocks) {
		return new FormDocument("mẫu-03 Sở Y tế", "SỞ Y TẾ TỈNH QUẢNG NAM", "Số: 12/BC-SYT", "Mẫu 03", title,
				"(Dùng cho báo cáo ban đầu sự cố mạng)", blocks, "Quảng Nam, ngày 10 tháng 12 năm 2026", "GIÁM ĐỐC",
				"Nguyễn Thị Hằng");
	}

	static FormDocument report() {
		return form(TITLE,
				List.of(new Heading("1. Thông tin về sự cố"), new Field("Tên sự cố:", VALUE),
						new Field("Mô tả sơ bộ:", "Trang chủ bị thay bằng một trang khác.\nPhát hiện lúc 07:30."),
						new Field("Thời gian phát hiện:", ""), new Field("Biện pháp đã áp dụng:", "", 3),
						new Choice("Đã báo cáo cơ quan chức năng:", List.of("Có", "Không"), Set.of("Có")),
						new Paragraph("Đơn vị cam kết các thông tin trên là đúng sự thật và chịu trách nhiệm về "
								+ "nội dung báo cáo theo quy định của pháp luật về an toàn thông tin mạng.")));
	}

	@Test
	void thePdfHoldsTheTitleAndValuesAsWrittenWithItsFontEmbedded() throws IOException {
		byte[] pdf = keep("report.pdf", FORMS.pdf(report()));
		String text = text(pdf);
		assertThat(text).contains(TITLE, VALUE, "Mẫu 03", "SỞ Y TẾ TỈNH QUẢNG NAM", "Số: 12/BC-SYT",
				FormDocuments.NATION, FormDocuments.MOTTO, "Quảng Nam, ngày 10 tháng 12 năm 2026",
				"Mô tả sơ bộ: Trang chủ bị thay bằng một trang khác. Phát hiện lúc 07:30.", "GIÁM ĐỐC",
				"Nguyễn Thị Hằng", "chịu trách nhiệm về nội dung báo cáo");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f,
					org.assertj.core.data.Offset.offset(0.5f));
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo(TITLE);
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).isTrue();
				// a subset's name has a six-letter tag before the font's
				assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif.*");
			});
		}
	}

	@Test
	void decomposedTextComesOutComposed() throws IOException {
		String nfd = Normalizer.normalize(VALUE, Normalizer.Form.NFD);
		String title = Normalizer.normalize(TITLE, Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo(VALUE);
		FormDocument form = form(title, List.of(new Field("Tên sự cố:", nfd)));
		assertThat(text(keep("decomposed.pdf", FORMS.pdf(form)))).contains(TITLE, "Tên sự cố: " + VALUE);
		try (XWPFDocument docx = docx(FORMS.docx(form))) {
			assertThat(docx.getParagraphs()).extracting(XWPFParagraph::getText).contains(TITLE, "Tên sự cố: " + VALUE);
		}
	}

	@Test
	void pdftotextFindsTheTitleWithSingleSpaces() throws Exception {
		Path pdftotext = Path.of("/usr/bin/pdftotext");
		Assumptions.assumeTrue(Files.isExecutable(pdftotext), "pdftotext is not installed");
		keep("pdftotext.pdf", FORMS.pdf(report()));
		Path file = Path.of("target", "forms", "pdftotext.pdf");
		Process process = new ProcessBuilder(pdftotext.toString(), file.toString(), "-").redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		// as the acceptance check reads it: tr -s ' \n' ' '
		String squeezed = out.replaceAll("[ \n]+", " ");
		assertThat(squeezed).contains(TITLE, "Tên sự cố: " + VALUE, FormDocuments.NATION, FormDocuments.MOTTO,
				"chịu trách nhiệm về nội dung báo cáo");
	}

	@Test
	void theDocxHoldsTheTitleValuesAndHeadingInTimesNewRoman() throws IOException {
		try (XWPFDocument docx = docx(keep("report.docx", FORMS.docx(report())))) {
			List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(paragraphs).contains("Mẫu 03", TITLE, "(Dùng cho báo cáo ban đầu sự cố mạng)",
					"Tên sự cố: " + VALUE, "Mô tả sơ bộ: Trang chủ bị thay bằng một trang khác.\nPhát hiện lúc 07:30.",
					"1. Thông tin về sự cố", "Đã báo cáo cơ quan chức năng:    ■\u00A0Có    □\u00A0Không");
			String heading = docx.getTables().get(0).getText();
			assertThat(heading).contains("SỞ Y TẾ TỈNH QUẢNG NAM", "Số: 12/BC-SYT", FormDocuments.NATION,
					FormDocuments.MOTTO, "Quảng Nam, ngày 10 tháng 12 năm 2026");
			assertThat(docx.getTables().get(1).getText()).contains("GIÁM ĐỐC", "Nguyễn Thị Hằng");
			assertThat(docx.getParagraphs().stream().flatMap(p -> p.getRuns().stream()))
				.allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));
			assertThat(docx.getProperties().getCoreProperties().getTitle()).isEqualTo(TITLE);
			assertThat(docx.getDocument().getBody().getSectPr().getPgMar().getLeft().toString()).isEqualTo("1701");
		}
	}

	@Test
	void markupIsPrintedAsText() throws IOException {
		String script = "<script>alert(1)</script>";
		FormDocument form = form(TITLE, List.of(new Field("Tên sự cố:", script), new Heading(script)));
		assertThat(text(FORMS.pdf(form))).contains("Tên sự cố: " + script);
		byte[] docx = FORMS.docx(form);
		try (XWPFDocument document = docx(docx)) {
			assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
				.contains("Tên sự cố: " + script, script);
		}
	}

	@Test
	void aCharacterTheFontLacksIsAQuestionMark() throws IOException {
		FormDocument form = form(TITLE + " 🛡", List.of(new Field("Hệ thống:", "Máy chủ 🛡 web\u0007")));
		String text = text(keep("emoji.pdf", FORMS.pdf(form)));
		assertThat(text).contains(TITLE + " ?", "Hệ thống: Máy chủ ? web").doesNotContain("🛡");
		try (XWPFDocument docx = docx(FORMS.docx(form))) {
			// Word has fallback fonts for it; the bell, which XML cannot hold, is a space
			assertThat(docx.getParagraphs()).extracting(XWPFParagraph::getText).contains("Hệ thống: Máy chủ 🛡 web ");
		}
	}

	@Test
	void aTableOfTwoHundredRowsGoesOnOverPagesUnderItsHeadings() throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 200; i++) {
			rows.add(List.of(Integer.toString(i), "Máy chủ ứng dụng số " + i, "10.0." + i / 250 + "." + i % 250));
		}
		List<String> columns = List.of("STT", "Tài sản bị ảnh hưởng", "Địa chỉ IP");
		FormDocument form = form(TITLE, List.of(new Heading("2. Tài sản bị ảnh hưởng"),
				new Table(columns, List.of(1, 6, 3), rows), new Field("Ghi chú:", "Hết danh sách")));
		byte[] pdf = keep("table.pdf", FORMS.pdf(form));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThanOrEqualTo(4);
			for (int page = 2; page <= pages; page++) {
				String text = page(document, page);
				// numbered from the second page, the headings atop each
				assertThat(text.strip()).startsWith(Integer.toString(page));
				if (text.contains("Máy chủ ứng dụng số")) {
					assertThat(text).contains("STT", "Tài sản bị ảnh hưởng", "Địa chỉ IP");
				}
			}
			String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			for (int i = 1; i <= 200; i++) {
				assertThat(all).contains("Máy chủ ứng dụng số " + i + " 10.0.");
			}
			assertThat(all).contains("Ghi chú: Hết danh sách");
		}
		try (XWPFDocument docx = docx(keep("table.docx", FORMS.docx(form)))) {
			XWPFTable table = docx.getTables().get(1);
			assertThat(table.getRows()).hasSize(201);
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(table.getRow(0).getCell(2).getText()).isEqualTo("Địa chỉ IP");
			assertThat(table.getRow(200).getCell(1).getText()).isEqualTo("Máy chủ ứng dụng số 200");
		}
	}

	@Test
	void aRowTallerThanAPageGoesOnOverPagesUnderItsHeadings() throws IOException {
		String tall = "Nhật ký truy cập bất thường ".repeat(400) + "hết";
		FormDocument form = form(TITLE, List.of(new Field("Tên sự cố:", VALUE),
				new Table(List.of("STT", "Nhật ký"), List.of(1, 8), List.of(List.of("1", tall), List.of("2", "sau")))));
		try (PDDocument document = Loader.loadPDF(keep("tall-row.pdf", FORMS.pdf(form)))) {
			Extent drawn = extent(document);
			assertThat(drawn.text().replaceAll("\\s+", " ")).contains("bất thường hết", "2 sau");
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
			assertThat(page(document, 3)).contains("STT", "Nhật ký truy cập");
			float bottom = document.getPage(0).getMediaBox().getHeight() - PdfPages.BOTTOM;
			assertThat(drawn.bottom()).isLessThanOrEqualTo(bottom);
		}
	}

	@Test
	void anEmptyFieldIsADottedLineToFillIn() throws IOException {
		String text = text(FORMS.pdf(report()));
		assertThat(text).containsPattern("Thời gian phát hiện: \\.{40,} ")
			.containsPattern("Biện pháp đã áp dụng: \\.{40,} \\.{80,} \\.{80,} ");
		try (XWPFDocument docx = docx(FORMS.docx(report()))) {
			XWPFParagraph blank = docx.getParagraphs()
				.stream()
				.filter(p -> p.getText().startsWith("Thời gian phát hiện:"))
				.findFirst()
				.orElseThrow();
			assertThat(blank.getText()).isEqualTo("Thời gian phát hiện: \t");
			var stop = blank.getCTP().getPPr().getTabs().getTabArray(0);
			assertThat(stop.getLeader()).isEqualTo(STTabTlc.DOT);
			assertThat(stop.getPos()).hasToString(Integer.toString(DocxPages.TEXT_WIDTH));
			long lines = docx.getParagraphs().stream().filter(p -> p.getText().endsWith("\t")).count();
			assertThat(lines).isEqualTo(4);
		}
	}

	@Test
	void aChoiceFillsTheTickedBoxes() throws IOException {
		assertThat(text(FORMS.pdf(report()))).contains("Đã báo cáo cơ quan chức năng: ■ Có □ Không");
	}

	@Test
	void aLongWordWrapsWithinTheMargins() throws IOException {
		String url = "https://syt.quangnam.gov.vn/" + "trang-chu-bi-thay-doi-giao-dien-".repeat(12);
		String cell = "Tênmáychủrấtdàikhôngcókhoảngtrắng".repeat(4);
		FormDocument form = form(TITLE, List.of(new Field("Địa chỉ:", url),
				new Table(List.of("STT", "Máy chủ"), List.of(1, 4), List.of(List.of("1", cell)))));
		try (PDDocument document = Loader.loadPDF(keep("long-words.pdf", FORMS.pdf(form)))) {
			Extent drawn = extent(document);
			float margin = document.getPage(0).getMediaBox().getWidth() - PdfPages.RIGHT;
			assertThat(drawn.right()).isLessThanOrEqualTo(margin + 0.5f);
			assertThat(drawn.text().replaceAll("\\s+", "")).contains(url, cell);
		}
	}

	/** What the pages show, and how far right and down (from the top) any of it goes. */
	record Extent(String text, float right, float bottom) {
	}

	static Extent extent(PDDocument document) throws IOException {
		float[] most = { 0, 0 };
		StringBuilder drawn = new StringBuilder();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) throws IOException {
				for (TextPosition p : positions) {
					most[0] = Math.max(most[0], p.getXDirAdj() + p.getWidthDirAdj());
					most[1] = Math.max(most[1], p.getYDirAdj());
				}
				drawn.append(text).append(' ');
				super.writeString(text, positions);
			}
		};
		stripper.getText(document);
		return new Extent(drawn.toString(), most[0], most[1]);
	}

	@Test
	void aFileNameIsPlainAndAFormOutOfShapeIsRefused() {
		assertThat(report().fileName("pdf")).isEqualTo("mau-03_so_y_te.pdf");
		assertThatThrownBy(() -> new Table(List.of("STT", "Tên"), List.of(1, 4), List.of(List.of("1"))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Table(List.of("STT"), List.of(0), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Choice("Có?", List.of("Có"), Set.of("Không")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Field("Ghi chú:", "", 0)).isInstanceOf(IllegalArgumentException.class);
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	static String page(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	static XWPFDocument docx(byte[] bytes) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(bytes));
	}

	static byte[] keep(String name, byte[] content) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "forms"));
		Files.write(dir.resolve(name), content);
		return content;
	}

}
