package vn.khien.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;

/**
 * Alerts raised per day and ATT&amp;CK technique, within the caller's scope: the matrix
 * of what fired and the trend, read from the counts kept as alerts are raised (never from
 * the alert table).
 */
@Component
public class AlertDays {

	/** The longest period the matrix and the trend sum. */
	public static final int MAX_DAYS = 400;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	AlertDays(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
	}

	/** One day's alerts. */
	public record Day(LocalDate day, long alerts) {
	}

	/**
	 * The techniques among a rule's tags: {@code attack.t1059.001} gives
	 * {@code T1059.001}.
	 */
	public static List<String> techniques(List<String> tags) {
		List<String> found = new ArrayList<>();
		for (String tag : tags) {
			String t = tag.toLowerCase(Locale.ROOT);
			if (t.length() > 8 && t.startsWith("attack.t") && Character.isDigit(t.charAt(8)) && t.length() <= 20) {
				found.add(t.substring(7).toUpperCase(Locale.ROOT));
			}
		}
		return found;
	}

	/**
	 * Alerts per technique from {@code from} to {@code to} (both included), most first.
	 */
	public Map<String, Long> byTechnique(@Nullable Long agencyId, LocalDate from, LocalDate to) {
		Map<String, Long> counts = new TreeMap<>();
		query(agencyId, from, to, "technique <> ''", "technique")
			.forEach(r -> counts.merge(r.key, r.alerts, Long::sum));
		return counts;
	}

	/** Alerts per day from {@code from} to {@code to}, every day present. */
	public List<Day> byDay(@Nullable Long agencyId, LocalDate from, LocalDate to) {
		Map<LocalDate, Long> counts = new TreeMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			counts.put(d, 0L);
		}
		query(agencyId, from, to, "technique = ''", "on_day")
			.forEach(r -> counts.merge(LocalDate.parse(r.key), r.alerts, Long::sum));
		return counts.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
	}

	private record Row(String key, long alerts) {
	}

	private List<Row> query(@Nullable Long agencyId, LocalDate from, LocalDate to, String which, String key) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInputException("from", "monitoring.period.invalid", MAX_DAYS);
		}
		AgencyScope scope = currentUser.scope();
		String agencies = scope.unrestricted() ? "TRUE" : "agency_id <> 0 AND " + scope.filter("agency_id");
		String within = agencyId == null ? "" : " AND agency_id IN (:within)";
		var spec = jdbc.sql("SELECT " + key + ", SUM(alerts) FROM alert_day WHERE " + agencies + within + " AND "
				+ which + " AND on_day BETWEEN :from AND :to GROUP BY " + key);
		spec = spec.param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to));
		if (agencyId != null) {
			spec = spec.param("within", hierarchy.selfAndDescendants(agencyId));
		}
		return scope.bind(spec).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2))).list();
	}

}
