package vn.khien.incident;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.documents.FormDocument;

/**
 * Circular 20/2017's periodic report (Biểu mẫu 05, R6.5): for a period, one row per
 * attack type of the pack in force on its last day, in the pack's order, counting the
 * cases discovered in it (each once, by its attack type; one without a type, or with a
 * type that pack does not list, under the pack's last type) by how they were handled,
 * with the sum of their estimated damage.
 */
@Service
public class PeriodicReport {

	/** The longest period one report covers. */
	static final int MAX_YEARS = 5;

	/** The statuses of an incident that is no case: in the queue, rejected, merged. */
	static final String CASES = "i.status NOT IN ('NEW', 'REJECTED', 'MERGED')";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final RulePacks packs;

	private final MessageSource messages;

	private final IncidentSettings settings;

	private final IncidentDocumentsSettings dating;

	PeriodicReport(JdbcClient jdbc, CurrentUser currentUser, RulePacks packs, MessageSource messages,
			IncidentSettings settings, IncidentDocumentsSettings dating) {
		this.dating = dating;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.packs = packs;
		this.messages = messages;
		this.settings = settings;
	}

	/**
	 * One attack type's counts; the handling columns leave out cases not yet recorded.
	 */
	public record Row(String type, String title, long total, long inHouse, long domesticHelp, long foreignHelp,
			long referred, long damage) {

		Row plus(@Nullable Handling handling, long count, long damage) {
			return new Row(type, title, total + count, inHouse + (handling == Handling.IN_HOUSE ? count : 0),
					domesticHelp + (handling == Handling.DOMESTIC_HELP ? count : 0),
					foreignHelp + (handling == Handling.FOREIGN_HELP ? count : 0),
					referred + (handling == Handling.REFERRED ? count : 0), this.damage + damage);
		}

	}

	/** The report: its period, the pack whose types it counts by, a row per type. */
	public record Report(LocalDate from, LocalDate to, String packId, List<Row> rows, Row total) {
	}

	/**
	 * The report for the days {@code from} to {@code to}, both included (days in
	 * Vietnam): 400 for a period backwards, longer than five years, or before any pack.
	 */
	public Report report(LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		RulePack pack = packs.inForce(to)
			.filter(p -> !p.incidentTypes().isEmpty())
			.orElseThrow(() -> new InvalidInputException("to", "periodicReport.noPack", to.toString()));
		Map<String, Row> rows = new LinkedHashMap<>();
		for (RulePack.IncidentType t : pack.incidentTypes()) {
			rows.put(t.id(), new Row(t.id(), t.title(), 0, 0, 0, 0, 0, 0));
		}
		String last = pack.incidentTypes().get(pack.incidentTypes().size() - 1).id();
		AgencyScope scope = currentUser.scope();
		scope.bind(jdbc
			.sql("SELECT i.report_type, i.handling, COUNT(*) AS n, SUM(i.estimated_damage) AS damage"
					+ " FROM incident i WHERE i.discovered_at >= :from AND i.discovered_at < :until AND " + CASES
					+ " AND " + scope.filter("i.agency_id") + " GROUP BY i.report_type, i.handling")
			.param("from", start(from))
			.param("until", start(to.plusDays(1)))).query(rs -> {
				String type = rs.getString("report_type");
				String key = type != null && rows.containsKey(type) ? type : last;
				String handling = rs.getString("handling");
				rows.put(key, rows.get(key)
					.plus(handling == null ? null : Handling.valueOf(handling), rs.getLong("n"), rs.getLong("damage")));
			});
		Row total = new Row("total", text("periodicReport.total"), 0, 0, 0, 0, 0, 0);
		for (Row r : rows.values()) {
			total = new Row(total.type(), total.title(), total.total() + r.total(), total.inHouse() + r.inHouse(),
					total.domesticHelp() + r.domesticHelp(), total.foreignHelp() + r.foreignHelp(),
					total.referred() + r.referred(), total.damage() + r.damage());
		}
		return new Report(from, to, pack.id(), new ArrayList<>(rows.values()), total);
	}

	/** The column titles, in the order of {@link #cells(Row)}. */
	public List<String> columns() {
		return List.of(text("periodicReport.col.type"), text("periodicReport.col.title"),
				text("periodicReport.col.total"), text("periodicReport.col.inHouse"),
				text("periodicReport.col.domesticHelp"), text("periodicReport.col.foreignHelp"),
				text("periodicReport.col.referred"), text("periodicReport.col.damage"));
	}

	/** A row as a spreadsheet writes it: the type's id and title, then the figures. */
	public static Object[] cells(Row r) {
		return new Object[] { r.type(), r.title(), r.total(), r.inHouse(), r.domesticHelp(), r.foreignHelp(),
				r.referred(), r.damage() };
	}

	/** The report as a form for {@code FormDocuments}. */
	public FormDocument form(Report report) {
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (Row r : report.rows()) {
			rows.add(figures(Integer.toString(n++), r));
		}
		rows.add(figures("", report.total()));
		List<String> columns = new ArrayList<>(columns());
		columns.set(0, text("periodicReport.col.number"));
		return new FormDocument("mau-05-" + report.from() + "-" + report.to(),
				settings.teamName().toUpperCase(IncidentDocuments.VIETNAMESE), null, text("periodicReport.code"),
				text("periodicReport.title"),
				text("periodicReport.subtitle", Formats.date(report.from()), Formats.date(report.to())),
				List.of(new FormDocument.Paragraph(text("incidentDocuments.unconfirmed")),
						new FormDocument.Table(columns, List.of(1, 5, 2, 2, 2, 2, 2, 3), rows),
						new FormDocument.Paragraph(text("periodicReport.counting", report.packId()))),
				IncidentDocuments.dateLine(messages, dating, LocalDate.now(IncidentRows.ZONE)),
				text("periodicReport.signer"), null);
	}

	private static List<String> figures(String number, Row r) {
		return List.of(number, r.title(), number(r.total()), number(r.inHouse()), number(r.domesticHelp()),
				number(r.foreignHelp()), number(r.referred()), number(r.damage()));
	}

	private static String number(long n) {
		return Formats.number(n, IncidentDocuments.VIETNAMESE);
	}

	/** Midnight of the day in Vietnam. */
	static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(IncidentRows.ZONE).toInstant());
	}

	static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "periodicReport.period.backwards", from.toString(), to.toString());
		}
		if (from.plusYears(MAX_YEARS).isBefore(to)) {
			throw new InvalidInputException("to", "periodicReport.period.tooLong", MAX_YEARS);
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, IncidentDocuments.VIETNAMESE);
	}

}
