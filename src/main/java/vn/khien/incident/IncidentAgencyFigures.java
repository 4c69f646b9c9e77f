package vn.khien.incident;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyFigures;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;

/**
 * An agency's cases this year so far and in the same days of the year before, the trend
 * the subcommittee follows; counted on the incidents' agency and discovery index, as the
 * incident list filtered by those days counts them.
 */
@Component
class IncidentAgencyFigures implements AgencyFigures {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	IncidentAgencyFigures(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<String> labelKeys() {
		return List.of("standing.incidentsThisYear", "standing.incidentsLastYear");
	}

	@Override
	public Map<Long, List<Figure>> of(Collection<Long> agencyIds) {
		LocalDate today = LocalDate.now(Formats.ZONE);
		LocalDate start = today.withDayOfYear(1);
		LocalDate lastStart = start.minusYears(1);
		LocalDate lastToday = today.minusYears(1);
		AgencyScope scope = currentUser.scope();
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		Set<Long> union = new java.util.HashSet<>();
		for (Long id : agencyIds) {
			Set<Long> subtree = new java.util.HashSet<>(hierarchy.selfAndDescendants(id));
			subtree.removeIf(a -> !scope.includes(a));
			subtrees.put(id, subtree);
			union.addAll(subtree);
		}
		Map<Long, long[]> counts = new HashMap<>();
		List<Long> ids = new ArrayList<>(union);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			jdbc.sql("SELECT i.agency_id, i.discovered_at FROM incident i WHERE i.agency_id IN (:ids)"
					+ " AND i.discovered_at >= :from AND i.discovered_at < :to AND " + PeriodicReport.CASES)
				.param("ids", chunk)
				.param("from", Timestamp.from(lastStart.atStartOfDay(Formats.ZONE).toInstant()))
				.param("to", Timestamp.from(today.plusDays(1).atStartOfDay(Formats.ZONE).toInstant()))
				.query((RowCallbackHandler) rs -> {
					LocalDate day = rs.getTimestamp(2).toInstant().atZone(Formats.ZONE).toLocalDate();
					long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[2]);
					if (!day.isBefore(start)) {
						c[0]++;
					}
					else if (!day.isAfter(lastToday)) {
						c[1]++;
					}
				});
		}
		Map<Long, List<Figure>> figures = new LinkedHashMap<>();
		subtrees.forEach((id, subtree) -> {
			long now = 0;
			long before = 0;
			for (Long a : subtree) {
				long[] c = counts.get(a);
				if (c != null) {
					now += c[0];
					before += c[1];
				}
			}
			String thisYear = "agency=" + id + "&cases=true&from=" + start + "&to=" + today;
			String lastYear = "agency=" + id + "&cases=true&from=" + lastStart + "&to=" + lastToday;
			figures.put(id,
					List.of(new Figure("standing.incidentsThisYear", now, false,
							"/incidents/statistics?from=" + start + "&to=" + today, "/api/v1/incidents?" + thisYear),
							new Figure("standing.incidentsLastYear", before, false,
									"/incidents/statistics?from=" + lastStart + "&to=" + lastToday,
									"/api/v1/incidents?" + lastYear)));
		});
		return figures;
	}

}
