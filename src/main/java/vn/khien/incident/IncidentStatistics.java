package vn.khien.incident;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.EnumCodes;
import vn.khien.platform.InvalidInputException;

/**
 * Incident figures (R6.6): the cases discovered in a period, per attack type, per agency
 * or per month, each beside the same period a year before and the change in percent.
 * Every query is bounded by the discovery date and the caller's scope, so an officer sees
 * their agencies' figures only.
 */
@Service
public class IncidentStatistics {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final RulePacks packs;

	private final AgencyDirectory agencies;

	private final MessageSource messages;

	private final AgencyHierarchy hierarchy;

	IncidentStatistics(JdbcClient jdbc, CurrentUser currentUser, RulePacks packs, AgencyDirectory agencies,
			MessageSource messages, AgencyHierarchy hierarchy) {
		this.hierarchy = hierarchy;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.packs = packs;
		this.agencies = agencies;
		this.messages = messages;
	}

	/** What the figures are counted by. */
	public enum By {

		TYPE, AGENCY, MONTH;

		@com.fasterxml.jackson.annotation.JsonValue
		public String code() {
			return EnumCodes.code(this);
		}

		/** {@code type}, {@code agency} or {@code month}; the default {@code type}. */
		public static By of(@Nullable String code) {
			if (code == null || code.isBlank()) {
				return TYPE;
			}
			return EnumCodes.of(By.class, code)
				.orElseThrow(() -> new InvalidInputException("by", "incidentStatistics.by.unknown", code));
		}

	}

	/**
	 * One figure: {@code change} is the change from {@code previous} in percent, one
	 * decimal, null when there was none before.
	 */
	public record Line(String key, String label, long count, long previous, @Nullable Double change) {
	}

	/**
	 * The figures of the days {@code from} to {@code to} (both included, in Vietnam) and
	 * of the same days a year before.
	 */
	public record Statistics(By by, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
			List<Line> lines, long total, long previousTotal, @Nullable Double change) {
	}

	/**
	 * The figures for the period, by default this year so far: 400 for a period backwards
	 * or longer than five years.
	 */
	public Statistics of(By by, @Nullable LocalDate from, @Nullable LocalDate to) {
		return of(by, from, to, null);
	}

	/**
	 * As {@link #of(By, LocalDate, LocalDate)}, for the cases of {@code agencyId} and its
	 * sub-units in the caller's scope (404 outside it), or of the whole scope when null.
	 */
	public Statistics of(By by, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long agencyId) {
		AgencyScope scope = scope(agencyId);
		LocalDate today = LocalDate.now(IncidentRows.ZONE);
		LocalDate until = to == null ? today : to;
		LocalDate since = from == null ? until.withDayOfYear(1) : from;
		PeriodicReport.checkPeriod(since, until);
		LocalDate prevFrom = since.minusYears(1);
		LocalDate prevTo = until.minusYears(1);
		List<Line> lines = switch (by) {
			case TYPE -> byType(scope, since, until, prevFrom, prevTo);
			case AGENCY -> byAgency(scope, since, until, prevFrom, prevTo);
			case MONTH -> byMonth(scope, since, until);
		};
		long total = lines.stream().mapToLong(Line::count).sum();
		long previous = lines.stream().mapToLong(Line::previous).sum();
		return new Statistics(by, since, until, prevFrom, prevTo, lines, total, previous, change(total, previous));
	}

	/** The caller's scope, narrowed to the agency and its sub-units when one is given. */
	private AgencyScope scope(@Nullable Long agencyId) {
		AgencyScope scope = currentUser.scope();
		if (agencyId == null) {
			return scope;
		}
		if (!scope.includes(agencyId)) {
			throw new NotFoundException("agency", agencyId);
		}
		Set<Long> subtree = new HashSet<>(hierarchy.selfAndDescendants(agencyId));
		subtree.removeIf(a -> !scope.includes(a));
		return AgencyScope.of(subtree);
	}

	private List<Line> byType(AgencyScope scope, LocalDate from, LocalDate to, LocalDate prevFrom, LocalDate prevTo) {
		RulePack pack = packs.inForce(to)
			.filter(p -> !p.incidentTypes().isEmpty())
			.orElseThrow(() -> new InvalidInputException("to", "periodicReport.noPack", to.toString()));
		String last = pack.incidentTypes().get(pack.incidentTypes().size() - 1).id();
		Map<String, Long> now = typed(grouped(scope, "i.report_type", from, to), pack, last);
		Map<String, Long> before = typed(grouped(scope, "i.report_type", prevFrom, prevTo), pack, last);
		return pack.incidentTypes()
			.stream()
			.map(t -> line(t.id(), t.title(), now.getOrDefault(t.id(), 0L), before.getOrDefault(t.id(), 0L)))
			.toList();
	}

	/** Types the pack does not list, and none, count under its last. */
	private static Map<String, Long> typed(Map<String, Long> counts, RulePack pack, String last) {
		Set<String> known = new HashSet<>();
		pack.incidentTypes().forEach(t -> known.add(t.id()));
		Map<String, Long> typed = new HashMap<>();
		counts.forEach((type, n) -> typed.merge(type != null && known.contains(type) ? type : last, n, Long::sum));
		return typed;
	}

	private List<Line> byAgency(AgencyScope scope, LocalDate from, LocalDate to, LocalDate prevFrom, LocalDate prevTo) {
		Map<String, Long> now = grouped(scope, "i.agency_id", from, to);
		Map<String, Long> before = grouped(scope, "i.agency_id", prevFrom, prevTo);
		Set<String> keys = new HashSet<>(now.keySet());
		keys.addAll(before.keySet());
		Set<Long> ids = new HashSet<>();
		keys.stream().filter(k -> k != null).forEach(k -> ids.add(Long.valueOf(k)));
		Map<Long, String> labels = agencies.labels(ids);
		Locale locale = LocaleContextHolder.getLocale();
		List<Line> lines = new ArrayList<>();
		for (String key : keys) {
			String label = key == null ? messages.getMessage("incidentStatistics.noAgency", null, locale)
					: labels.getOrDefault(Long.valueOf(key), "#" + key);
			lines.add(line(key == null ? "none" : key, label, now.getOrDefault(key, 0L), before.getOrDefault(key, 0L)));
		}
		lines.sort(Comparator.comparingLong(Line::count).reversed().thenComparing(Line::label));
		return lines;
	}

	private List<Line> byMonth(AgencyScope scope, LocalDate from, LocalDate to) {
		List<LocalDate[]> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			LocalDate first = m.atDay(1).isBefore(from) ? from : m.atDay(1);
			LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
			months.add(new LocalDate[] { first, end });
		}
		long[] now = monthly(scope, months, 0, from, to);
		long[] before = monthly(scope, months, 1, from.minusYears(1), to.minusYears(1));
		List<Line> lines = new ArrayList<>();
		for (int k = 0; k < months.size(); k++) {
			YearMonth m = YearMonth.from(months.get(k)[0]);
			lines.add(line(m.toString(), "%02d/%d".formatted(m.getMonthValue(), m.getYear()), now[k], before[k]));
		}
		return lines;
	}

	/** The cases of the period per value of {@code column}, in one grouped query. */
	private Map<String, Long> grouped(AgencyScope scope, String column, LocalDate from, LocalDate to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		scope.bind(jdbc
			.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM incident i WHERE " + bounds() + " AND "
					+ scope.filter("i.agency_id") + " GROUP BY " + column)
			.param("from", PeriodicReport.start(from))
			.param("until", PeriodicReport.start(to.plusDays(1)))).query(rs -> {
				counts.put(rs.getString("k"), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * The cases of each month in one query (portable, unlike date functions), the months
	 * shifted back {@code yearsBack} years.
	 */
	private long[] monthly(AgencyScope scope, List<LocalDate[]> months, int yearsBack, LocalDate from, LocalDate to) {
		StringBuilder sums = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		for (int k = 0; k < months.size(); k++) {
			sums.append(k == 0 ? "" : ", ")
				.append("SUM(CASE WHEN i.discovered_at >= :a")
				.append(k)
				.append(" AND i.discovered_at < :b")
				.append(k)
				.append(" THEN 1 ELSE 0 END) AS m")
				.append(k);
			params.put("a" + k, PeriodicReport.start(months.get(k)[0].minusYears(yearsBack)));
			params.put("b" + k, PeriodicReport.start(months.get(k)[1].minusYears(yearsBack).plusDays(1)));
		}
		long[] counts = new long[months.size()];
		scope
			.bind(jdbc
				.sql("SELECT " + sums + " FROM incident i WHERE " + bounds() + " AND " + scope.filter("i.agency_id"))
				.params(params)
				.param("from", PeriodicReport.start(from))
				.param("until", PeriodicReport.start(to.plusDays(1))))
			.query(rs -> {
				for (int k = 0; k < counts.length; k++) {
					counts[k] = rs.getLong("m" + k);
				}
			});
		return counts;
	}

	private static String bounds() {
		return "i.discovered_at >= :from AND i.discovered_at < :until AND " + PeriodicReport.CASES;
	}

	private static Line line(String key, String label, long count, long previous) {
		return new Line(key, label, count, previous, change(count, previous));
	}

	static @Nullable Double change(long count, long previous) {
		if (previous == 0) {
			return null;
		}
		return Math.round((count - previous) * 1000.0 / previous) / 10.0;
	}

}
