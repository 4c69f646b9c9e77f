package vn.khien.oversight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.khien.incident.IncidentStatistics;
import vn.khien.platform.Formats;
import vn.khien.platform.VietnameseText;
import vn.khien.platform.XlsxExport;
import vn.khien.platform.documents.FormDocument;
import vn.khien.platform.documents.FormDocument.Bar;
import vn.khien.platform.documents.FormDocument.Block;
import vn.khien.platform.documents.FormDocument.Chart;
import vn.khien.platform.documents.FormDocument.Field;
import vn.khien.platform.documents.FormDocument.Heading;
import vn.khien.platform.documents.FormDocument.Paragraph;
import vn.khien.platform.documents.FormDocument.Table;
import vn.khien.platform.documents.FormDocuments;

/**
 * A periodic report's contents as the document to sign (the same blocks in PDF and DOCX)
 * or as the workbook of its figures; every word from the oversight's bundle, in
 * Vietnamese.
 */
@Component
class ReportWriter {

	private static final Locale VI = VietnameseText.LOCALE;

	private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final MessageSource messages;

	private final FormDocuments documents;

	private final OversightSettings settings;

	ReportWriter(MessageSource messages, FormDocuments documents, OversightSettings settings) {
		this.messages = messages;
		this.documents = documents;
		this.settings = settings;
	}

	/**
	 * A report's file and its name, without diacritics: e.g.
	 * so-ket-2026-01-01-2026-06-30.pdf.
	 */
	record Written(String filename, byte[] bytes) {
	}

	/** The file of the report in the format asked. */
	Written write(ReportContents c) {
		String extension = c.request().format().extension();
		if (c.request().format() == ReportRequest.Format.XLSX) {
			return new Written(form(c).fileName(extension), workbook(c));
		}
		FormDocument form = form(c);
		byte[] bytes = c.request().format() == ReportRequest.Format.PDF ? documents.pdf(form) : documents.docx(form);
		return new Written(form.fileName(extension), bytes);
	}

	FormDocument form(ReportContents c) {
		ReportRequest r = c.request();
		boolean province = r.agencyId() == null;
		String from = Formats.date(r.from());
		String to = Formats.date(r.to());
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Paragraph(text("report.intro", c.scopeName(), from, to, MADE_AT.format(c.madeAt()))));

		blocks.add(new Heading(text("report.section.period")));
		blocks.add(new Heading(text("report.section.incidents")));
		IncidentStatistics.Statistics incidents = c.incidents();
		blocks.add(new Paragraph(
				text("report.incidents.summary", number(incidents.total()), number(incidents.previousTotal()))));
		List<List<String>> rows = new ArrayList<>();
		List<Bar> bars = new ArrayList<>();
		int n = 1;
		for (IncidentStatistics.Line line : incidents.lines()) {
			rows.add(List.of(Integer.toString(n++), line.label(), number(line.count()), number(line.previous())));
			bars.add(new Bar(line.label(), line.count(), number(line.count())));
		}
		rows.add(List.of("", text("report.total"), number(incidents.total()), number(incidents.previousTotal())));
		blocks.add(new Table(List.of(text("report.col.number"), text("report.col.incidentType"),
				text("report.col.inPeriod"), text("report.col.lastYear")), List.of(1, 7, 2, 3), rows));
		if (incidents.total() > 0) {
			blocks.add(new Chart(text("report.chart.incidents"), bars, null));
		}
		blocks.add(new Heading(text("report.section.training")));
		blocks.add(new Paragraph(
				text("report.training.summary", number(c.training().events()), number(c.training().people()))));

		blocks.add(new Heading(text("report.section.standing", MADE_AT.format(c.madeAt()))));
		List<List<String>> figures = new ArrayList<>();
		List<Bar> shares = new ArrayList<>();
		n = 1;
		for (DashboardFigure f : c.figures()) {
			figures.add(List.of(Integer.toString(n++), f.label(), shown(f)));
			if (f.ratio() && f.value() != null) {
				shares.add(new Bar(f.label(), f.value().doubleValue(), shown(f)));
			}
		}
		blocks.add(new Table(List.of(text("report.col.number"), text("report.col.figure"), text("report.col.value")),
				List.of(1, 9, 3), figures));
		if (!shares.isEmpty()) {
			blocks.add(new Chart(text("report.chart.shares"), shares, 1.0));
		}

		if (province) {
			blocks.add(new Heading(text("report.section.ranking")));
			for (ReportContents.Ranking ranking : c.rankings()) {
				blocks.add(new Paragraph(text("report.ranking.kind", ranking.kind(), number(ranking.cards().size()))));
				List<List<String>> ranked = new ArrayList<>();
				for (Scorecard card : ranking.cards()) {
					ranked.add(List.of(card.rank() == null ? "" : Integer.toString(card.rank()), card.agency(),
							score(card.score())));
				}
				blocks.add(
						new Table(List.of(text("report.col.rank"), text("report.col.agency"), text("report.col.score")),
								List.of(1, 9, 2), ranked));
			}
		}
		else if (c.own() != null) {
			blocks.add(new Heading(text("report.section.scorecard", score(c.own().score()))));
			List<List<String>> indicators = new ArrayList<>();
			for (Scorecard.Indicator i : c.own().indicators()) {
				indicators.add(List.of(i.label(), i.share() == null ? "" : Formats.percent(i.share(), VI),
						Integer.toString(i.weight())));
			}
			blocks.add(new Table(
					List.of(text("report.col.indicator"), text("report.col.share"), text("report.col.weight")),
					List.of(8, 2, 2), indicators));
		}

		blocks.add(new Heading(text("report.section.assessment")));
		blocks.add(new Field(text("report.assessment"), "", 4));
		blocks.add(new Heading(text("report.section.plans")));
		blocks.add(new Field(text("report.plans"), "", 4));

		String kind = text("report.kind." + r.period().code());
		String issuer = province && settings.reportIssuer() != null && !settings.reportIssuer().isBlank()
				? settings.reportIssuer().strip() : c.scopeName().toUpperCase(VI);
		return new FormDocument(kind + "-" + r.from() + "-" + r.to(), issuer, text("report.number"),
				text("report.code." + r.period().code()),
				text("report.title." + r.period().code(), Integer.toString(r.to().getYear())),
				text("report.subtitle", from, to), blocks,
				FormDocuments.dateLine(settings.reportPlace(), c.madeAt().toLocalDate()),
				text(province ? "report.signer.province" : "report.signer.agency"), null);
	}

	/** The figures, a sheet each: standing, incidents by type, ranking or indicators. */
	byte[] workbook(ReportContents c) {
		List<XlsxExport.Sheet> sheets = new ArrayList<>();
		List<Object[]> figures = new ArrayList<>();
		for (DashboardFigure f : c.figures()) {
			figures.add(new Object[] { f.key(), f.label(), f.value(),
					text(f.ratio() ? "report.unit.ratio" : "report.unit.count") });
		}
		sheets.add(new XlsxExport.Sheet(text("report.sheet.standing"), List.of(text("report.col.key"),
				text("report.col.figure"), text("report.col.value"), text("report.col.unit")), figures));
		List<Object[]> incidents = new ArrayList<>();
		for (IncidentStatistics.Line line : c.incidents().lines()) {
			incidents.add(new Object[] { line.key(), line.label(), line.count(), line.previous() });
		}
		incidents.add(new Object[] { "trainingEvents", text("report.training.events"), c.training().events(), null });
		incidents.add(new Object[] { "trainingPeople", text("report.training.people"), c.training().people(), null });
		sheets.add(new XlsxExport.Sheet(text("report.sheet.incidents"), List.of(text("report.col.key"),
				text("report.col.incidentType"), text("report.col.inPeriod"), text("report.col.lastYear")), incidents));
		if (c.request().agencyId() == null) {
			List<Object[]> ranked = new ArrayList<>();
			for (ReportContents.Ranking ranking : c.rankings()) {
				for (Scorecard card : ranking.cards()) {
					ranked.add(
							new Object[] { ranking.kind(), card.rank(), card.agencyId(), card.agency(), card.score() });
				}
			}
			sheets
				.add(new XlsxExport.Sheet(
						text("report.sheet.ranking"), List.of(text("report.col.kind"), text("report.col.rank"),
								text("report.col.agencyId"), text("report.col.agency"), text("report.col.score")),
						ranked));
		}
		else if (c.own() != null) {
			List<Object[]> indicators = new ArrayList<>();
			for (Scorecard.Indicator i : c.own().indicators()) {
				indicators.add(new Object[] { i.key(), i.label(), i.share(), i.weight() });
			}
			sheets.add(new XlsxExport.Sheet(text("report.sheet.scorecard"), List.of(text("report.col.key"),
					text("report.col.indicator"), text("report.col.share"), text("report.col.weight")), indicators));
		}
		return XlsxExport.workbook(sheets);
	}

	private static String shown(DashboardFigure f) {
		if (f.value() == null) {
			return "";
		}
		return f.ratio() ? Formats.percent(f.value(), VI) : Formats.number(f.value(), VI);
	}

	private static String number(long n) {
		return Formats.number(n, VI);
	}

	private static String score(@Nullable Double score) {
		return score == null ? "" : Formats.number(score, VI);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
