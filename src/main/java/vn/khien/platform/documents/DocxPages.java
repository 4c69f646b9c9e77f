package vn.khien.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A Word document laid out as {@link PdfPages} lays out its PDF, for the issuer to edit
 * (a number, a sentence) before signing: Times New Roman as Vietnamese offices write, A4
 * with the decree's margins, pages numbered from the second; the heading and the
 * signature as tables without borders, as Word templates of Decree 30/2020/NĐ-CP are;
 * bordered tables whose heading row repeats on every page. One instance writes one
 * document.
 */
public final class DocxPages {

	public static final String FONT = "Times New Roman";

	/** Twentieths of a point per millimetre. */
	private static final double TWIPS_PER_MM = 1440 / 25.4;

	/** The text's width between the margins (210 - 30 - 15 mm), in twips. */
	public static final int TEXT_WIDTH = mm(165);

	private static final int LEFT_COLUMN = TEXT_WIDTH * 43 / 100;

	private static final int RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;

	private final DocumentFonts fonts;

	private final XWPFDocument doc = new XWPFDocument();

	private boolean @Nullable [] centred;

	private int[] widths = {};

	public DocxPages(DocumentFonts fonts) {
		this.fonts = fonts;
		page();
	}

	/** The document being written, for what these helpers do not cover. */
	public XWPFDocument document() {
		return doc;
	}

	/** A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman. */
	private void page() {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(mm(210)));
		size.setH(BigInteger.valueOf(mm(297)));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(mm(20)));
		margins.setBottom(BigInteger.valueOf(mm(20)));
		margins.setLeft(BigInteger.valueOf(mm(30)));
		margins.setRight(BigInteger.valueOf(mm(15)));
		margins.setHeader(BigInteger.valueOf(mm(10)));
		margins.setFooter(BigInteger.valueOf(mm(10)));
		CTFonts defaults = CTFonts.Factory.newInstance();
		defaults.setAscii(FONT);
		defaults.setHAnsi(FONT);
		defaults.setCs(FONT);
		defaults.setEastAsia(FONT);
		doc.createStyles().setDefaultFonts(defaults);
		pageNumbers(section);
	}

	/**
	 * The page number centred at the top from the second page (a PAGE field in the
	 * header; the first page has its own, empty, header), as the decree numbers pages.
	 */
	private void pageNumbers(CTSectPr section) {
		doc.createHeader(HeaderFooterType.FIRST);
		XWPFParagraph p = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		CTSimpleField page = p.getCTP().addNewFldSimple();
		page.setInstr("PAGE");
		CTR number = page.addNewR();
		CTFonts font = number.addNewRPr().addNewRFonts();
		font.setAscii(FONT);
		font.setHAnsi(FONT);
		// NB: half-points, 13 pt
		number.getRPr().addNewSz().setVal(BigInteger.valueOf(26));
		number.addNewT().setStringValue("2");
		section.addNewTitlePg();
	}

	/**
	 * The two columns atop the first page, as {@link PdfPages#heading}: the issuer, its
	 * rule, number and summary on the left; the national name, the motto, its rule and
	 * the place and date (in italics) on the right.
	 */
	public void heading(@Nullable String authority, String issuer, @Nullable String number, @Nullable String summary,
			String nation, String motto, @Nullable String dateLine) {
		XWPFTable table = borderless(new int[] { LEFT_COLUMN, RIGHT_COLUMN });
		XWPFTableCell left = table.getRow(0).getCell(0);
		XWPFTableCell right = table.getRow(0).getCell(1);

		XWPFParagraph top = first(left, ParagraphAlignment.CENTER);
		if (authority != null) {
			run(top, authority, 13, false, false);
			top = next(left, ParagraphAlignment.CENTER);
		}
		// a long issuer is made a little smaller first, then wrapped
		double issuerSize = 13;
		while (issuerSize > 12 && fonts.width(issuer, true, (float) issuerSize) * 20 > LEFT_COLUMN * 0.95) {
			issuerSize -= 0.5;
		}
		run(top, issuer, issuerSize, true, false);
		float issuerWidth = Math.min(fonts.width(issuer, true, (float) issuerSize) * 20, LEFT_COLUMN);
		rule(left, LEFT_COLUMN, Math.round(issuerWidth * 0.4f));
		if (number != null) {
			XWPFParagraph p = next(left, ParagraphAlignment.CENTER);
			p.setSpacingBefore(120);
			run(p, number, 13, false, false);
		}
		if (summary != null) {
			run(next(left, ParagraphAlignment.CENTER), summary, 12, false, false);
		}

		run(first(right, ParagraphAlignment.CENTER), nation, 12, true, false);
		run(next(right, ParagraphAlignment.CENTER), motto, 13, true, false);
		rule(right, RIGHT_COLUMN, Math.round(fonts.width(motto, true, 13) * 20));
		if (dateLine != null) {
			XWPFParagraph date = next(right, ParagraphAlignment.CENTER);
			date.setSpacingBefore(120);
			run(date, dateLine, 13, false, true);
		}
	}

	/** The signer's title, room to sign and stamp, and the signer's name, centred. */
	public void signature(XWPFTableCell cell, String title, @Nullable String name) {
		run(first(cell, ParagraphAlignment.CENTER), title, 13, true, false);
		for (int i = 0; i < 4; i++) {
			next(cell, ParagraphAlignment.CENTER);
		}
		if (name != null && !name.isBlank()) {
			run(next(cell, ParagraphAlignment.CENTER), name, 13, true, false);
		}
	}

	/**
	 * A bordered table of 12 pt text, its heading row (bold, centred) repeated on every
	 * page; {@code relative} shares the text's width between the columns, whose cells are
	 * {@code centred} or start at the left. Rows follow with {@link #row}.
	 */
	public XWPFTable table(List<String> titles, int[] relative, boolean[] centred) {
		int total = 0;
		for (int r : relative) {
			total += r;
		}
		this.widths = new int[relative.length];
		for (int c = 0; c < relative.length; c++) {
			widths[c] = TEXT_WIDTH * relative[c] / total;
		}
		this.centred = centred.clone();
		XWPFTable table = doc.createTable(1, relative.length);
		table.setWidthType(TableWidthType.DXA);
		table.setWidth(Integer.toString(TEXT_WIDTH));
		table.setCellMargins(60, 80, 60, 80);
		grid(table, widths);
		XWPFTableRow heading = table.getRow(0);
		heading.setRepeatHeader(true);
		cells(heading, titles, true, true);
		return table;
	}

	/** A row of a table {@link #table} started, never split across pages. */
	public void row(XWPFTable table, List<String> cells, boolean bold) {
		cells(table.createRow(), cells, bold, false);
	}

	private void cells(XWPFTableRow row, List<String> cells, boolean bold, boolean heading) {
		row.setCantSplitRow(true);
		for (int c = 0; c < widths.length; c++) {
			XWPFTableCell cell = row.getCell(c);
			cell.setWidthType(TableWidthType.DXA);
			cell.setWidth(Integer.toString(widths[c]));
			cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
			boolean centre = heading || (centred != null && centred[c]);
			XWPFParagraph p = first(cell, centre ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
			run(p, c < cells.size() ? cells.get(c) : "", 12, bold, false);
		}
	}

	/** A body paragraph: justified at 1.15 lines, its first line indented 1.27 cm. */
	public XWPFParagraph body(String text, double size) {
		XWPFParagraph p = paragraph(ParagraphAlignment.BOTH, 0, 120);
		p.setIndentationFirstLine(mm(12.7));
		p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
		run(p, text, size, false, false);
		return p;
	}

	/** An empty paragraph with space {@code before} and {@code after}, in twips. */
	public XWPFParagraph paragraph(ParagraphAlignment alignment, int before, int after) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(alignment);
		p.setSpacingBefore(before);
		p.setSpacingAfter(after);
		return p;
	}

	/** A one-row table without borders, its columns {@code widths} twips wide. */
	public XWPFTable borderless(int[] widths) {
		XWPFTable table = doc.createTable(1, widths.length);
		table.removeBorders();
		table.setCellMargins(0, 40, 0, 40);
		table.setWidthType(TableWidthType.DXA);
		table.setWidth(Integer.toString(TEXT_WIDTH));
		grid(table, widths);
		for (int c = 0; c < widths.length; c++) {
			XWPFTableCell cell = table.getRow(0).getCell(c);
			cell.setWidthType(TableWidthType.DXA);
			cell.setWidth(Integer.toString(widths[c]));
		}
		return table;
	}

	/**
	 * The columns' widths in the table's grid, with a fixed layout: what Word and
	 * LibreOffice lay the columns out by, whatever the cells say.
	 */
	private static void grid(XWPFTable table, int[] widths) {
		CTTbl tbl = table.getCTTbl();
		CTTblGrid grid = tbl.getTblGrid() == null ? tbl.addNewTblGrid() : tbl.getTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int width : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
		CTTblPr properties = tbl.getTblPr() == null ? tbl.addNewTblPr() : tbl.getTblPr();
		CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
		layout.setType(STTblLayoutType.FIXED);
	}

	/** The cell's first paragraph, aligned and with no space after. */
	public static XWPFParagraph first(XWPFTableCell cell, ParagraphAlignment alignment) {
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setAlignment(alignment);
		p.setSpacingAfter(0);
		return p;
	}

	/** A further paragraph in the cell, aligned and with no space after. */
	public static XWPFParagraph next(XWPFTableCell cell, ParagraphAlignment alignment) {
		XWPFParagraph p = cell.addParagraph();
		p.setAlignment(alignment);
		p.setSpacingAfter(0);
		return p;
	}

	/**
	 * A rule of {@code length} twips centred in the cell: the top border of an empty
	 * paragraph two points high, indented to that length.
	 */
	private static void rule(XWPFTableCell cell, int cellWidth, int length) {
		XWPFParagraph p = next(cell, ParagraphAlignment.CENTER);
		int indent = Math.max(0, (cellWidth - length) / 2 - 40);
		p.setIndentationLeft(indent);
		p.setIndentationRight(indent);
		p.setBorderTop(Borders.SINGLE);
		p.setSpacingBetween(2, LineSpacingRule.EXACT);
	}

	/**
	 * A run of text, composed (NFC) and with control characters as spaces, which XML
	 * cannot hold; characters Times New Roman lacks are left to Word's fallback fonts.
	 */
	public XWPFRun run(XWPFParagraph p, String text, double size, boolean bold, boolean italic) {
		XWPFRun run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText(plain(text));
		return run;
	}

	private static String plain(String text) {
		StringBuilder out = new StringBuilder(text.length());
		Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
			boolean unfit = Character.isISOControl(c) || c == 0xFFFE || c == 0xFFFF
					|| Character.getType(c) == Character.SURROGATE;
			out.appendCodePoint(unfit ? ' ' : c);
		});
		return out.toString();
	}

	/** The document's bytes, with its title and author; the instance is done with. */
	public byte[] finish(String title, String author) {
		try (XWPFDocument done = doc) {
			doc.getProperties().getCoreProperties().setTitle(plain(title));
			doc.getProperties().getCoreProperties().setCreator(plain(author));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Millimetres in twips. */
	public static int mm(double millimetres) {
		return (int) Math.round(millimetres * TWIPS_PER_MM);
	}

}
