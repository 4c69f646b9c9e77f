package vn.khien.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Anti-malware coverage: protected / in-scope hosts per agency (descendants rolled up)
 * and for the province, the hosts behind the gap, and the trend from the daily snapshots.
 * Every read respects the current user's agency scope. The figures come from the read
 * model ({@link CoverageByAgency}), a row per agency rolled up here through the
 * hierarchy; only the list of unprotected hosts reads hosts (by agency).
 */
@Component
public class Coverage {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Host kinds that must run anti-malware. */
	public static final List<String> IN_SCOPE_KINDS = List.of("SERVER", "WORKSTATION", "LAPTOP");

	static final String IN_SCOPE = "a.kind IN ('SERVER', 'WORKSTATION', 'LAPTOP')";

	/** The protected rule in SQL; mirrors {@link #reason}. Needs {@code :cutoff}. */
	static final String PROTECTED = "(ps.product IS NOT NULL AND ps.running = TRUE AND ps.signature_date >= :cutoff)";

	static final String REASON = """
			CASE WHEN ps.asset_id IS NULL THEN 'NEVER_CHECKED_IN'
			  WHEN ps.product IS NULL THEN 'NO_PRODUCT'
			  WHEN ps.running = FALSE THEN 'NOT_RUNNING'
			  WHEN ps.signature_date IS NULL OR ps.signature_date < :cutoff THEN 'OUTDATED_SIGNATURES'
			  ELSE NULL END""";

	/** Why a host does not count as protected. */
	public enum Reason {

		NEVER_CHECKED_IN, NO_PRODUCT, NOT_RUNNING, OUTDATED_SIGNATURES

	}

	/**
	 * Which of the hosts to protect a list shows: the figures of coverage each open one.
	 */
	public enum Protection {

		UNPROTECTED, PROTECTED, ALL

	}

	/** Figures of one agency: rolled up over its descendants, and its own hosts only. */
	public record AgencyCoverage(long agencyId, String agencyCode, String agencyName, @Nullable Long parentId,
			boolean hasChildren, int inScope, int protectedHosts, int inScopeOwn, int protectedOwn) {

		public int unprotected() {
			return inScope - protectedHosts;
		}

		public @Nullable Double coverage() {
			return ratio(protectedHosts, inScope);
		}

		public @Nullable Double coverageOwn() {
			return ratio(protectedOwn, inScopeOwn);
		}
	}

	public record Totals(int inScope, int protectedHosts) {

		public int unprotected() {
			return inScope - protectedHosts;
		}

		public @Nullable Double coverage() {
			return ratio(protectedHosts, inScope);
		}
	}

	/**
	 * @param agency the agency drilled into (null: the user's top level has several
	 * roots)
	 * @param items its direct children (or the roots), one page
	 * @param province the whole province, only for province-wide roles
	 */
	public record Overview(@Nullable AgencyCoverage agency, PageResult<AgencyCoverage> items,
			@Nullable Totals province) {
	}

	public record UnprotectedHost(long assetId, long agencyId, String agencyCode, String agencyName, String kind,
			@Nullable String hostname, @Nullable String addresses, @Nullable String product,
			@Nullable String productVersion, @Nullable Boolean running, @Nullable LocalDate signatureDate,
			@Nullable Instant lastCheckIn, @Nullable Reason reason) {

		/** The last check-in on the province's clock, for display. */
		public java.time.@Nullable LocalDateTime lastCheckInLocal() {
			return lastCheckIn == null ? null : java.time.LocalDateTime.ofInstant(lastCheckIn, ZONE);
		}
	}

	/**
	 * A host's anti-malware state as last reported and, for the kinds the rule covers,
	 * why it does not count as protected today (null reason: protected).
	 */
	public record HostState(long assetId, long agencyId, boolean inScope, boolean reported, @Nullable String product,
			@Nullable String productVersion, @Nullable Boolean running, @Nullable LocalDate signatureDate,
			@Nullable Instant lastCheckIn, @Nullable Reason reason) {

		public boolean isProtected() {
			return inScope && reason == null;
		}

		/** PROTECTED or UNPROTECTED; null for kinds the rule leaves out. */
		public @Nullable Protection protection() {
			return !inScope ? null : reason == null ? Protection.PROTECTED : Protection.UNPROTECTED;
		}
	}

	public record TrendPoint(LocalDate date, int inScope, int protectedHosts) {

		public @Nullable Double coverage() {
			return ratio(protectedHosts, inScope);
		}
	}

	public static final int MAX_TREND_DAYS = 730;

	/** Ids per lookup of host states: a page at most, an export in chunks. */
	static final int STATE_CHUNK = 1000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final Agencies agencies;

	private final AgencyHierarchy hierarchy;

	private final CoverageSettings settings;

	private final CoverageByAgency readModel;

	Coverage(JdbcClient jdbc, CurrentUser currentUser, Agencies agencies, AgencyHierarchy hierarchy,
			CoverageSettings settings, CoverageByAgency readModel) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.agencies = agencies;
		this.hierarchy = hierarchy;
		this.settings = settings;
		this.readModel = readModel;
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** Oldest signature date that still counts as current on {@code today}. */
	public LocalDate cutoff(LocalDate today) {
		return today.minusDays(settings.maxSignatureAgeDays());
	}

	/**
	 * The protected rule: a product, running, signatures no older than {@code maxAgeDays}
	 * (a host with signatures exactly that old is protected). Null when protected, else
	 * the first reason it is not.
	 */
	public static @Nullable Reason reason(boolean reported, @Nullable String product, @Nullable Boolean running,
			@Nullable LocalDate signatureDate, LocalDate today, int maxAgeDays) {
		if (!reported) {
			return Reason.NEVER_CHECKED_IN;
		}
		if (product == null || product.isBlank()) {
			return Reason.NO_PRODUCT;
		}
		if (!Boolean.TRUE.equals(running)) {
			return Reason.NOT_RUNNING;
		}
		if (signatureDate == null || signatureDate.isBefore(today.minusDays(maxAgeDays))) {
			return Reason.OUTDATED_SIGNATURES;
		}
		return null;
	}

	/**
	 * Coverage of an agency's children (or of the user's top level when
	 * {@code agencyIdOrCode} is null).
	 */
	public Overview overview(@Nullable String agencyIdOrCode, boolean withHostsOnly, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<Long, int[]> own = ownCounts(scope);
		List<Agency> visible = agencies.all();
		Map<Long, Agency> byId = new HashMap<>();
		visible.forEach(a -> byId.put(a.id(), a));
		Map<Long, List<Long>> children = new HashMap<>();
		List<Long> roots = new ArrayList<>();
		for (Agency a : visible) {
			if (a.parentId() != null && byId.containsKey(a.parentId())) {
				children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a.id());
			}
			else {
				roots.add(a.id());
			}
		}
		Map<Long, int[]> rolled = new HashMap<>();
		for (Long root : roots) {
			rollUp(root, children, own, rolled);
		}
		Long selected = null;
		if (agencyIdOrCode != null && !agencyIdOrCode.isBlank()) {
			selected = agencies.resolve(agencyIdOrCode).id();
		}
		else if (roots.size() == 1) {
			selected = roots.get(0);
		}
		List<Long> ids = selected == null ? roots : children.getOrDefault(selected, List.of());
		List<AgencyCoverage> rows = new ArrayList<>();
		for (Long id : ids) {
			AgencyCoverage row = row(byId.get(id), children, own, rolled);
			if (!withHostsOnly || row.inScope() > 0) {
				rows.add(row);
			}
		}
		rows.sort(order(page));
		int from = (int) Math.min(page.offset(), rows.size());
		int to = Math.min(from + page.size(), rows.size());
		Totals province = null;
		if (scope.unrestricted()) {
			int in = 0;
			int prot = 0;
			for (int[] c : own.values()) {
				in += c[0];
				prot += c[1];
			}
			province = new Totals(in, prot);
		}
		return new Overview(selected == null ? null : row(byId.get(selected), children, own, rolled),
				new PageResult<>(List.copyOf(rows.subList(from, to)), page.page(), page.size(), rows.size()), province);
	}

	private static Comparator<AgencyCoverage> order(PageQuery page) {
		Comparator<AgencyCoverage> byCode = Comparator.comparing(AgencyCoverage::agencyCode);
		Comparator<AgencyCoverage> c = switch (page.sort()) {
			case "name" -> Comparator.comparing(AgencyCoverage::agencyName, VietnameseText.order());
			case "inScope" -> Comparator.comparingInt(AgencyCoverage::inScope);
			case "protected" -> Comparator.comparingInt(AgencyCoverage::protectedHosts);
			case "unprotected" -> Comparator.comparingInt(AgencyCoverage::unprotected);
			// agencies without hosts have no coverage: they sort last either way
			case "coverage" ->
				Comparator.comparing(AgencyCoverage::coverage, Comparator.nullsLast(Comparator.naturalOrder()));
			case "", "code" -> byCode;
			default -> throw new InvalidInputException("sort", "page.sort.unknown", page.sort(),
					"code, coverage, inScope, name, protected, unprotected");
		};
		if (page.descending() && !page.sort().equals("coverage")) {
			c = c.reversed();
		}
		else if (page.descending()) {
			c = Comparator.comparing(AgencyCoverage::coverage, Comparator.nullsLast(Comparator.reverseOrder()));
		}
		return c.thenComparing(byCode);
	}

	private static AgencyCoverage row(Agency a, Map<Long, List<Long>> children, Map<Long, int[]> own,
			Map<Long, int[]> rolled) {
		int[] o = own.getOrDefault(a.id(), new int[2]);
		int[] r = rolled.getOrDefault(a.id(), new int[2]);
		return new AgencyCoverage(a.id(), a.code(), a.name(), a.parentId(), children.containsKey(a.id()), r[0], r[1],
				o[0], o[1]);
	}

	/** Sums own counts over each subtree, iteratively (hierarchies can be deep). */
	private static void rollUp(Long root, Map<Long, List<Long>> children, Map<Long, int[]> own,
			Map<Long, int[]> rolled) {
		List<Long> order = new ArrayList<>();
		var stack = new java.util.ArrayDeque<Long>();
		stack.push(root);
		Set<Long> seen = new HashSet<>();
		while (!stack.isEmpty()) {
			Long id = stack.pop();
			if (seen.add(id)) {
				order.add(id);
				children.getOrDefault(id, List.of()).forEach(stack::push);
			}
		}
		for (int i = order.size() - 1; i >= 0; i--) {
			Long id = order.get(i);
			int[] sum = own.getOrDefault(id, new int[2]).clone();
			for (Long child : children.getOrDefault(id, List.of())) {
				int[] c = rolled.get(child);
				if (c != null) {
					sum[0] += c[0];
					sum[1] += c[1];
				}
			}
			rolled.put(id, sum);
		}
	}

	/**
	 * In-scope and protected hosts per agency, own hosts only, within {@code scope}: rows
	 * of the read model.
	 */
	Map<Long, int[]> ownCounts(AgencyScope scope) {
		Map<Long, int[]> counts = new HashMap<>();
		readModel.figures(scope, today())
			.forEach((agency, f) -> counts.put(agency, new int[] { f.inScope(), f.protectedHosts() }));
		return counts;
	}

	/**
	 * Hosts in the user's scope that are not protected today, from the read model (what
	 * the list would total).
	 */
	public long unprotectedCount() {
		return ownCounts(currentUser.scope()).values().stream().mapToLong(c -> c[0] - c[1]).sum();
	}

	/**
	 * Maintenance: counts every agency's coverage again from its hosts, an agency at a
	 * time, and answers how many agencies' figures were not right (none, unless hosts
	 * were written past the application). The nightly snapshot runs it; it needs a
	 * principal that reads the whole province.
	 */
	public int recount() {
		requireProvince();
		return readModel.recountAll();
	}

	/**
	 * Counts these agencies' coverage again from their hosts, for data written past the
	 * application (demo data).
	 */
	@Transactional
	public void recount(Collection<Long> agencyIds) {
		requireProvince();
		readModel.recount(agencyIds);
	}

	private void requireProvince() {
		if (!currentUser.scope().unrestricted()) {
			throw new IllegalStateException("recounting coverage needs a principal that reads the whole province");
		}
	}

	/**
	 * Hosts that are not protected, in the agency's subtree (or the whole scope), with
	 * the reason.
	 */
	public PageResult<UnprotectedHost> unprotected(@Nullable String agencyIdOrCode, @Nullable Reason reason,
			PageQuery page) {
		return hosts(agencyIdOrCode, Protection.UNPROTECTED, reason, page);
	}

	/**
	 * Hosts to protect in the agency's subtree (or the whole scope): those not protected
	 * (with the reason), those protected, or all of them.
	 */
	public PageResult<UnprotectedHost> hosts(@Nullable String agencyIdOrCode, Protection protection,
			@Nullable Reason reason, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Set<Long> subtree = subtree(agencyIdOrCode);
		String state = switch (protection) {
			case UNPROTECTED -> " AND NOT " + nullSafeProtected();
			case PROTECTED -> " AND " + nullSafeProtected();
			case ALL -> "";
		};
		StringBuilder where = new StringBuilder(IN_SCOPE + state + " AND " + scope.filter("a.agency_id"));
		if (subtree != null) {
			where.append(" AND a.agency_id IN (:subtree)");
		}
		if (reason != null) {
			where.append(" AND (" + REASON + ") = :reason");
		}
		String from = " FROM asset a JOIN agency g ON g.id = a.agency_id"
				+ " LEFT JOIN protection_status ps ON ps.asset_id = a.id WHERE " + where;
		String order = page.orderBy(
				Map.of("hostname", "a.hostname", "agency", "g.code", "kind", "a.kind", "signatureDate",
						"ps.signature_date", "lastCheckIn", "ps.last_check_in", "reason", "reason"),
				"g.code ASC, a.hostname ASC");
		long total = bind(scope.bind(jdbc.sql("SELECT COUNT(*)" + from)), subtree, reason).query(Long.class).single();
		List<UnprotectedHost> items = bind(scope.bind(jdbc.sql("SELECT a.id, a.agency_id, g.code, g.name, a.kind,"
				+ " a.hostname, a.addresses, ps.product, ps.product_version, ps.running, ps.signature_date,"
				+ " ps.last_check_in, " + REASON + " AS reason" + from + " ORDER BY " + order
				+ ", a.id LIMIT :limit OFFSET :offset")), subtree, reason)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Coverage::unprotectedHost)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * The state of each of these hosts that the user sees, by id: one lookup by key per
	 * chunk of ids, for a page of a host list or an export. The reason is the rule's SQL,
	 * so a host's state matches the list its badge opens.
	 */
	public Map<Long, HostState> states(Collection<Long> assetIds) {
		AgencyScope scope = currentUser.scope();
		List<Long> ids = List.copyOf(new TreeSet<>(assetIds));
		Map<Long, HostState> states = new HashMap<>();
		for (int i = 0; i < ids.size(); i += STATE_CHUNK) {
			scope
				.bind(jdbc.sql("SELECT a.id, a.agency_id, a.kind, ps.asset_id AS reported, ps.product,"
						+ " ps.product_version, ps.running, ps.signature_date, ps.last_check_in, " + REASON
						+ " AS reason" + " FROM asset a LEFT JOIN protection_status ps ON ps.asset_id = a.id"
						+ " WHERE a.id IN (:ids) AND " + scope.filter("a.agency_id")))
				.param("ids", ids.subList(i, Math.min(ids.size(), i + STATE_CHUNK)))
				.param("cutoff", cutoff(today()))
				.query(Coverage::hostState)
				.list()
				.forEach(state -> states.put(state.assetId(), state));
		}
		return states;
	}

	private static HostState hostState(ResultSet rs, int row) throws SQLException {
		boolean inScope = IN_SCOPE_KINDS.contains(rs.getString("kind"));
		Timestamp checkIn = rs.getTimestamp("last_check_in");
		java.sql.Date signature = rs.getDate("signature_date");
		String reason = rs.getString("reason");
		return new HostState(rs.getLong("id"), rs.getLong("agency_id"), inScope,
				rs.getObject("reported", Long.class) != null, rs.getString("product"), rs.getString("product_version"),
				rs.getObject("running", Boolean.class), signature == null ? null : signature.toLocalDate(),
				checkIn == null ? null : checkIn.toInstant(),
				!inScope || reason == null ? null : Reason.valueOf(reason));
	}

	private static String nullSafeProtected() {
		// NB: a missing status row makes the rule NULL, not FALSE; NOT NULL would drop
		// those hosts
		return "COALESCE(" + PROTECTED + ", FALSE)";
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable Set<Long> subtree,
			@Nullable Reason reason) {
		spec = spec.param("cutoff", cutoff(today()));
		if (subtree != null) {
			spec = spec.param("subtree", subtree);
		}
		if (reason != null) {
			spec = spec.param("reason", reason.name());
		}
		return spec;
	}

	private static UnprotectedHost unprotectedHost(ResultSet rs, int row) throws SQLException {
		Timestamp checkIn = rs.getTimestamp("last_check_in");
		java.sql.Date signature = rs.getDate("signature_date");
		return new UnprotectedHost(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("code"),
				rs.getString("name"), rs.getString("kind"), rs.getString("hostname"), rs.getString("addresses"),
				rs.getString("product"), rs.getString("product_version"), rs.getObject("running", Boolean.class),
				signature == null ? null : signature.toLocalDate(), checkIn == null ? null : checkIn.toInstant(),
				rs.getString("reason") == null ? null : Reason.valueOf(rs.getString("reason")));
	}

	/**
	 * Coverage per day from the snapshots, oldest first, for the agency's subtree (or the
	 * whole scope).
	 */
	public List<TrendPoint> trend(@Nullable String agencyIdOrCode, int days) {
		if (days < 1 || days > MAX_TREND_DAYS) {
			throw new InvalidInputException("days", "coverage.days.invalid", MAX_TREND_DAYS);
		}
		AgencyScope scope = currentUser.scope();
		Set<Long> subtree = subtree(agencyIdOrCode);
		String sql = "SELECT s.snapshot_date, SUM(s.in_scope) AS in_scope, SUM(s.protected) AS protected_hosts"
				+ " FROM coverage_snapshot s WHERE s.snapshot_date > :from AND " + scope.filter("s.agency_id")
				+ (subtree == null ? "" : " AND s.agency_id IN (:subtree)")
				+ " GROUP BY s.snapshot_date ORDER BY s.snapshot_date";
		JdbcClient.StatementSpec spec = scope.bind(jdbc.sql(sql)).param("from", today().minusDays(days));
		if (subtree != null) {
			spec = spec.param("subtree", subtree);
		}
		return spec
			.query((rs, i) -> new TrendPoint(rs.getDate("snapshot_date").toLocalDate(), rs.getInt("in_scope"),
					rs.getInt("protected_hosts")))
			.list();
	}

	/**
	 * The agency and its descendants, 404 when out of scope; null for "everything in
	 * scope".
	 */
	private @Nullable Set<Long> subtree(@Nullable String agencyIdOrCode) {
		if (agencyIdOrCode == null || agencyIdOrCode.isBlank()) {
			return null;
		}
		return hierarchy.selfAndDescendants(agencies.resolve(agencyIdOrCode).id());
	}

	static @Nullable Double ratio(int part, int whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
