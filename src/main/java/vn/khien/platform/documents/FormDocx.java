package vn.khien.platform.documents;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;

import vn.khien.platform.documents.FormDocument.Chart;
import vn.khien.platform.documents.FormDocument.Choice;
import vn.khien.platform.documents.FormDocument.Field;
import vn.khien.platform.documents.FormDocument.Heading;
import vn.khien.platform.documents.FormDocument.Paragraph;
import vn.khien.platform.documents.FormDocument.Table;

/**
 * A form as a Word document ({@link DocxPages}), the layout of {@link FormPdf}; an empty
 * field is a tab to the right margin with a dotted leader, which shrinks as the person
 * filling it in types.
 */
final class FormDocx extends FormRenderer {

	private static final double SIZE = 13;

	private final DocxPages docx;

	private final ChartImage charts;

	FormDocx(DocumentFonts fonts) {
		this.docx = new DocxPages(fonts);
		this.charts = new ChartImage(fonts);
	}

	@Override
	void top(FormDocument form) {
		XWPFParagraph code = docx.paragraph(ParagraphAlignment.RIGHT, 0, 60);
		docx.run(code, form.formCode(), SIZE, true, false);
		docx.heading(null, form.issuer(), form.number(), null, FormDocuments.NATION, FormDocuments.MOTTO,
				form.placeAndDate());
		XWPFParagraph title = docx.paragraph(ParagraphAlignment.CENTER, 360, 0);
		docx.run(title, form.title(), 14, true, false);
		if (form.subtitle() != null) {
			docx.run(docx.paragraph(ParagraphAlignment.CENTER, 0, 0), form.subtitle(), SIZE, false, true);
		}
		docx.paragraph(ParagraphAlignment.LEFT, 0, 0);
	}

	@Override
	void heading(Heading heading) {
		XWPFParagraph p = docx.paragraph(ParagraphAlignment.LEFT, 120, 40);
		p.setKeepNext(true);
		docx.run(p, heading.text(), SIZE, true, false);
	}

	@Override
	void paragraph(Paragraph paragraph) {
		docx.body(paragraph.text(), SIZE);
	}

	@Override
	void signature(String title, @Nullable String name) {
		docx.paragraph(ParagraphAlignment.LEFT, 0, 0);
		XWPFTable table = docx.borderless(new int[] { DocxPages.TEXT_WIDTH / 2, DocxPages.TEXT_WIDTH / 2 });
		docx.signature(table.getRow(0).getCell(1), title, name);
	}

	@Override
	byte[] finish(FormDocument form) {
		return docx.finish(form.title(), form.issuer());
	}

	@Override
	void field(Field field) {
		XWPFParagraph p = docx.paragraph(ParagraphAlignment.LEFT, 0, 60);
		if (field.value().isBlank()) {
			docx.run(p, field.label() + " ", SIZE, false, false);
			blank(p);
			for (int i = 1; i < field.blankLines(); i++) {
				blank(docx.paragraph(ParagraphAlignment.LEFT, 0, 60));
			}
			return;
		}
		String[] values = field.value().strip().split("\\R");
		XWPFRun run = docx.run(p, field.label() + " " + values[0], SIZE, false, false);
		for (int i = 1; i < values.length; i++) {
			run.addBreak();
			run = docx.run(p, values[i], SIZE, false, false);
		}
	}

	/** A tab to the right margin, its leader dots: the line to fill in by hand. */
	private void blank(XWPFParagraph p) {
		CTPPr properties = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
		CTTabStop stop = (properties.isSetTabs() ? properties.getTabs() : properties.addNewTabs()).addNewTab();
		stop.setVal(STTabJc.RIGHT);
		stop.setLeader(STTabTlc.DOT);
		stop.setPos(BigInteger.valueOf(DocxPages.TEXT_WIDTH));
		docx.run(p, "", SIZE, false, false).addTab();
	}

	@Override
	void choice(Choice choice) {
		XWPFParagraph p = docx.paragraph(ParagraphAlignment.LEFT, 0, 60);
		StringBuilder text = new StringBuilder(choice.label());
		for (String option : choice.options()) {
			// NB: a no-break space ties the box to its option
			text.append(GAP).append(option(choice, option, "\u00A0"));
		}
		docx.run(p, text.toString().strip(), SIZE, false, false);
	}

	@Override
	void table(Table table) {
		int[] relative = table.widths().stream().mapToInt(Integer::intValue).toArray();
		XWPFTable t = docx.table(table.columns(), relative, new boolean[relative.length]);
		for (List<String> row : table.rows()) {
			docx.row(t, row, false);
		}
		// NB: a paragraph between tables, or Word joins them into one
		docx.paragraph(ParagraphAlignment.LEFT, 0, 60);
	}

	/** The chart's title, then the chart as a picture the width of the text. */
	@Override
	void chart(Chart chart) {
		XWPFParagraph title = docx.paragraph(ParagraphAlignment.LEFT, 120, 40);
		title.setKeepNext(true);
		docx.run(title, chart.title(), SIZE, true, false);
		XWPFParagraph p = docx.paragraph(ParagraphAlignment.LEFT, 0, 120);
		// NB: as wide as the text (twips are twentieths of a point)
		int width = DocxPages.TEXT_WIDTH / 20;
		int height = charts.height(chart) * width / ChartImage.WIDTH;
		try (var png = new java.io.ByteArrayInputStream(charts.png(chart))) {
			p.createRun()
				.addPicture(png, Document.PICTURE_TYPE_PNG, "chart.png", Units.toEMU(width), Units.toEMU(height));
		}
		catch (IOException | InvalidFormatException ex) {
			throw new IllegalStateException("a chart could not be added", ex);
		}
	}

}
