package vn.khien.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.platform.AgencyScope;

/**
 * The coverage read model: per agency its own hosts in scope of the coverage rule and the
 * protected ones ({@code coverage_by_agency}), so that figures are read from a row per
 * agency, never from every host.
 *
 * <p>
 * It is kept current in the writer's transaction. Whatever changes an agency's hosts
 * (coverage and asset imports, edits and deletes, merges) first takes the agency's row
 * with {@link #lock}, which makes the writers of one agency wait for each other, and
 * recounts the agency from its hosts by index with {@link #recount} before it commits;
 * nobody else may write those hosts meanwhile, so the count is exact.
 *
 * <p>
 * Ageing: a host is protected only while its signatures are at most
 * {@code max-signature-age-days} old, so its state changes with the date and no write
 * tells. {@code protected} counts the protected hosts whose signatures date from
 * {@code counted_from} (the oldest date that counted on the day of the count) on, and
 * {@code coverage_by_agency_day} how many of them have each signature date; a read on a
 * later day subtracts the days that have aged out since. The nightly recount moves
 * {@code counted_from} on and drops those days, so a read touches a day's rows at most.
 * When the setting was raised since the count (older signatures count again) the row
 * cannot answer and the agency is counted from its hosts until the next recount.
 */
@Component
class CoverageByAgency {

	private static final Logger log = LoggerFactory.getLogger(CoverageByAgency.class);

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final CoverageSettings settings;

	CoverageByAgency(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions,
			CoverageSettings settings) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.settings = settings;
	}

	/**
	 * Own hosts of one agency: in scope of the coverage rule, and protected on the day
	 * they were read for.
	 */
	record Figures(int inScope, int protectedHosts) {

		static final Figures NONE = new Figures(0, 0);

	}

	/**
	 * What a recount finds: hosts by kind, those in scope, and the protected ones by
	 * signature date.
	 */
	private record Count(int inScope, Map<LocalDate, Integer> protectedByDay, Map<String, Integer> byKind) {

		int protectedHosts() {
			return protectedByDay.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** Oldest signature date that still counts on {@code day}. */
	LocalDate cutoff(LocalDate day) {
		return day.minusDays(settings.maxSignatureAgeDays());
	}

	/**
	 * Takes the rows of these agencies until the transaction ends, in id order so that
	 * writers of several agencies cannot deadlock. A missing row is created, counted from
	 * the agency's hosts.
	 */
	void lock(Collection<Long> agencyIds) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"the coverage of an agency is locked inside the transaction that writes it");
		}
		Timestamp now = Timestamp.from(Instant.now());
		List<Long> created = new ArrayList<>();
		for (long agencyId : new TreeSet<>(agencyIds)) {
			// NB: ON CONFLICT DO NOTHING (H2 in PostgreSQL mode and PostgreSQL) waits for
			// a concurrent insert of the same
			// row instead of failing on the key, as an UPDATE-then-INSERT or a MERGE
			// would on PostgreSQL
			int inserted = jdbc.sql("""
					INSERT INTO coverage_by_agency (agency_id, in_scope, protected, counted_from, updated_at)
					VALUES (:agency, 0, 0, :from, :now) ON CONFLICT DO NOTHING""")
				.param("agency", agencyId)
				.param("from", cutoff(Coverage.today()))
				.param("now", now)
				.update();
			jdbc.sql("SELECT agency_id FROM coverage_by_agency WHERE agency_id = :agency FOR UPDATE")
				.param("agency", agencyId)
				.query(Long.class)
				.single();
			if (inserted == 1) {
				created.add(agencyId);
			}
		}
		if (!created.isEmpty()) {
			write(created, count(created, cutoff(Coverage.today())), cutoff(Coverage.today()), now);
		}
	}

	/**
	 * Counts these agencies again from their hosts, by index, in the caller's transaction
	 * (taking their rows).
	 */
	void recount(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return;
		}
		lock(agencyIds);
		LocalDate from = cutoff(Coverage.today());
		List<Long> ids = List.copyOf(new TreeSet<>(agencyIds));
		write(ids, count(ids, from), from, Timestamp.from(Instant.now()));
	}

	/**
	 * Counts every agency with hosts or a row again, one agency per transaction (when the
	 * caller has none), so writers wait for one agency at a time. Returns how many
	 * agencies' figures were not right.
	 */
	int recountAll() {
		List<Long> ids = jdbc.sql("SELECT agency_id FROM coverage_by_agency UNION SELECT agency_id FROM asset")
			.query(Long.class)
			.list();
		int corrected = 0;
		for (long agencyId : new TreeSet<>(ids)) {
			Boolean wrong = transactions.execute(status -> {
				lock(List.of(agencyId));
				LocalDate today = Coverage.today();
				Figures before = figures(List.of(agencyId), today).getOrDefault(agencyId, Figures.NONE);
				recount(List.of(agencyId));
				return !before.equals(figures(List.of(agencyId), today).getOrDefault(agencyId, Figures.NONE));
			});
			if (Boolean.TRUE.equals(wrong)) {
				corrected++;
			}
		}
		if (corrected > 0) {
			log.warn("coverage of {} agencies was not right and has been counted again", corrected);
		}
		return corrected;
	}

	/**
	 * How many hosts the agencies in {@code scope} own, within {@code agencies} when
	 * given and of {@code kind} when given: a sum over a row per agency and kind, never a
	 * count of hosts.
	 */
	long hosts(AgencyScope scope, @Nullable Collection<Long> agencies, @Nullable String kind) {
		String where = scope.filter("c.agency_id") + (agencies == null ? "" : " AND c.agency_id IN (:subtree)")
				+ (kind == null ? "" : " AND c.kind = :kind");
		var spec = scope.bind(jdbc.sql("SELECT COALESCE(SUM(c.hosts), 0) FROM asset_count_by_agency c WHERE " + where));
		if (agencies != null) {
			spec = spec.param("subtree", List.copyOf(agencies));
		}
		if (kind != null) {
			spec = spec.param("kind", kind);
		}
		return spec.query(Long.class).single();
	}

	/**
	 * Figures on {@code day} of the agencies in {@code scope} that have hosts in scope.
	 */
	Map<Long, Figures> figures(AgencyScope scope, LocalDate day) {
		return read(scope.filter("c.agency_id"), scope::bind, day);
	}

	/**
	 * Figures on {@code day} of these agencies (those without hosts in scope are left
	 * out).
	 */
	Map<Long, Figures> figures(Collection<Long> agencyIds, LocalDate day) {
		Map<Long, Figures> figures = new HashMap<>();
		List<Long> ids = List.copyOf(new TreeSet<>(agencyIds));
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			figures.putAll(read("c.agency_id IN (:ids)", spec -> spec.param("ids", chunk), day));
		}
		return figures;
	}

	private Map<Long, Figures> read(String where, UnaryOperator<JdbcClient.StatementSpec> bind, LocalDate day) {
		LocalDate cutoff = cutoff(day);
		Map<Long, Figures> figures = new HashMap<>();
		List<Long> uncounted = new ArrayList<>();
		bind.apply(jdbc.sql("""
				SELECT c.agency_id, c.in_scope, c.protected, c.counted_from,
				  (SELECT COALESCE(SUM(d.hosts), 0) FROM coverage_by_agency_day d WHERE d.agency_id = c.agency_id
				    AND d.signature_date >= c.counted_from AND d.signature_date < :cutoff) AS aged
				FROM coverage_by_agency c WHERE c.in_scope > 0""" + " AND " + where))
			.param("cutoff", cutoff)
			.query(rs -> {
				long agencyId = rs.getLong("agency_id");
				if (rs.getDate("counted_from").toLocalDate().isAfter(cutoff)) {
					uncounted.add(agencyId);
				}
				else {
					figures.put(agencyId,
							new Figures(rs.getInt("in_scope"), rs.getInt("protected") - rs.getInt("aged")));
				}
			});
		if (!uncounted.isEmpty()) {
			// the setting was raised since these were counted: older signatures count
			// again, and the row has no days for them
			count(uncounted, cutoff).forEach((id, c) -> figures.put(id, new Figures(c.inScope(), c.protectedHosts())));
		}
		return figures;
	}

	/**
	 * In-scope hosts and protected ones (signatures from {@code from} on) of these
	 * agencies, from their hosts.
	 */
	private Map<Long, Count> count(List<Long> agencyIds, LocalDate from) {
		Map<Long, Count> counts = new HashMap<>();
		for (int i = 0; i < agencyIds.size(); i += CHUNK) {
			List<Long> chunk = agencyIds.subList(i, Math.min(agencyIds.size(), i + CHUNK));
			Map<Long, Map<String, Integer>> kinds = new HashMap<>();
			jdbc.sql("SELECT a.agency_id, a.kind, COUNT(*) AS hosts FROM asset a WHERE a.agency_id IN (:ids)"
					+ " GROUP BY a.agency_id, a.kind")
				.param("ids", chunk)
				.query(rs -> {
					kinds.computeIfAbsent(rs.getLong("agency_id"), k -> new HashMap<>())
						.put(rs.getString("kind"), rs.getInt("hosts"));
				});
			kinds.forEach((agencyId, byKind) -> counts.put(agencyId,
					new Count(byKind.entrySet()
						.stream()
						.filter(e -> Coverage.IN_SCOPE_KINDS.contains(e.getKey()))
						.mapToInt(Map.Entry::getValue)
						.sum(), new HashMap<>(), byKind)));
			jdbc.sql("SELECT a.agency_id, ps.signature_date, COUNT(*) AS hosts FROM asset a"
					+ " JOIN protection_status ps ON ps.asset_id = a.id WHERE a.agency_id IN (:ids) AND "
					+ Coverage.IN_SCOPE + " AND " + Coverage.PROTECTED + " GROUP BY a.agency_id, ps.signature_date")
				.param("ids", chunk)
				.param("cutoff", from)
				.query(rs -> {
					counts.get(rs.getLong("agency_id"))
						.protectedByDay()
						.put(rs.getDate("signature_date").toLocalDate(), rs.getInt("hosts"));
				});
		}
		return counts;
	}

	/** Replaces the rows of these agencies (distinct, locked) with their counts. */
	private void write(List<Long> agencyIds, Map<Long, Count> counts, LocalDate from, Timestamp now) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> days = new ArrayList<>();
		List<Object[]> kinds = new ArrayList<>();
		for (long agencyId : agencyIds) {
			Count c = counts.getOrDefault(agencyId, new Count(0, Map.of(), Map.of()));
			rows.add(new Object[] { c.inScope(), c.protectedHosts(), from, now, agencyId });
			c.protectedByDay().forEach((day, hosts) -> days.add(new Object[] { agencyId, day, hosts }));
			c.byKind().forEach((kind, hosts) -> kinds.add(new Object[] { agencyId, kind, hosts }));
		}
		template
			.batchUpdate("UPDATE coverage_by_agency SET in_scope = ?, protected = ?, counted_from = ?, updated_at = ?"
					+ " WHERE agency_id = ?", rows);
		for (int i = 0; i < agencyIds.size(); i += CHUNK) {
			jdbc.sql("DELETE FROM coverage_by_agency_day WHERE agency_id IN (:ids)")
				.param("ids", agencyIds.subList(i, Math.min(agencyIds.size(), i + CHUNK)))
				.update();
			jdbc.sql("DELETE FROM asset_count_by_agency WHERE agency_id IN (:ids)")
				.param("ids", agencyIds.subList(i, Math.min(agencyIds.size(), i + CHUNK)))
				.update();
		}
		if (!kinds.isEmpty()) {
			template.batchUpdate("INSERT INTO asset_count_by_agency (agency_id, kind, hosts) VALUES (?, ?, ?)", kinds);
		}
		if (!days.isEmpty()) {
			template.batchUpdate(
					"INSERT INTO coverage_by_agency_day (agency_id, signature_date, hosts) VALUES (?, ?, ?)", days);
		}
	}

}
