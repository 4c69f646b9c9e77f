package vn.khien.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.inventory.importing.AssetKind;
import vn.khien.inventory.importing.OpenPort;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageCursors;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.RecordRows;

/** Reads of assets, always within the caller's agency scope. */
@Component
public class Assets {

	static final String COLUMNS = """
			a.id, a.agency_id, a.system_id, a.kind, a.identity_key, a.hostname, a.addresses, a.mac, a.os, a.url,
			a.source, a.first_seen_at, a.last_seen_at""";

	/**
	 * The sorts offered, each the order of an index (migration 2026_12_02_0900): by name,
	 * which is the identity key (host names, then address-only hosts, then portals by
	 * URL), and by when a host was last seen.
	 */
	static final String BY_NAME = "hostname";

	static final String BY_LAST_SEEN = "lastSeen";

	private static final Map<String, String> SORTS = Map.of(BY_NAME, "a.identity_key", BY_LAST_SEEN, "a.last_seen_at");

	/**
	 * Counting stops here: the page says "10.000+" rather than count a province's hosts
	 * per request.
	 */
	public static final int COUNT_CAP = 10_000;

	/**
	 * A name search counts further: its rows are one range of an index, and people want
	 * to know how many.
	 */
	public static final int SEARCH_COUNT_CAP = 1_000_000;

	/**
	 * Up to how many rows a list reads by its filter's index and sorts them, rather than
	 * walk a sorted index.
	 */
	static final int FENCED_SORT = 5_000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final PageCursors cursors;

	private final CoverageByAgency counts;

	Assets(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, PageCursors cursors,
			CoverageByAgency counts) {
		this.counts = counts;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.cursors = cursors;
	}

	/**
	 * @param q the start of a host name, a portal's URL (with or without its scheme) or a
	 * host's (first) address, in any case; a prefix search, so that it is answered from
	 * an index at any size
	 * @param agencyId the agency and the agencies below it
	 */
	public record Filter(@Nullable String q, @Nullable Long agencyId, @Nullable Long systemId,
			@Nullable AssetKind kind) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	public Asset get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("asset", id));
	}

	public Optional<Asset> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM asset a WHERE a.id = :id AND " + scope.filter("a.agency_id"))
				.param("id", id))
			.query(Assets::map)
			.optional();
	}

	/** The open ports last seen on the asset (empty when out of scope). */
	public List<OpenPort> ports(long assetId) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("""
					SELECT p.port, p.protocol, p.service, p.product, p.version FROM asset_port p
					JOIN asset a ON a.id = p.asset_id WHERE p.asset_id = :id""" + " AND " + scope.filter("a.agency_id")
					+ " ORDER BY p.protocol, p.port")
				.param("id", assetId))
			.query((rs, n) -> new OpenPort(rs.getInt("port"), rs.getString("protocol"), rs.getString("service"),
					rs.getString("product"), rs.getString("version")))
			.list();
	}

	/**
	 * A page of hosts in the caller's scope, read in the order of an index; the total is
	 * counted up to {@link #COUNT_CAP}. With {@code page.after()} the page follows that
	 * cursor instead of an offset; every full page answers the cursor of the next.
	 */
	public PageResult<Asset> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Where where = where(filter, scope);
		String sort = page.sort().isEmpty() ? BY_NAME : page.sort();
		page.orderBy(SORTS, ""); // refuses a sort that is not offered
		boolean desc = page.descending();
		String dir = desc ? " DESC" : " ASC";
		// NB: each sort ends on a column that makes it total, so that a cursor names one
		// row
		String order = sort.equals(BY_NAME) ? "a.identity_key" + dir + ", a.agency_id" + dir
				: "a.last_seen_at" + dir + ", a.id" + dir;
		String fingerprint = "assets?" + filter;
		String spec = "";
		Map<String, Object> keyset = new java.util.HashMap<>();
		if (page.after() != null) {
			PageCursors.Position after = cursors.decode(fingerprint, page.after(), page);
			String cmp = desc ? " < " : " > ";
			try {
				if (sort.equals(BY_NAME)) {
					spec = " AND (a.identity_key, a.agency_id)" + cmp + "(:k1, :k2)";
					keyset.put("k1", after.values().get(0));
					keyset.put("k2", Long.parseLong(after.values().get(1)));
				}
				else {
					spec = " AND (a.last_seen_at, a.id)" + cmp + "(:k1, :k2)";
					keyset.put("k1", java.sql.Timestamp
						.from(java.time.Instant.ofEpochMilli(Long.parseLong(after.values().get(0)))));
					keyset.put("k2", Long.parseLong(after.values().get(1)));
				}
			}
			catch (RuntimeException ex) {
				throw new vn.khien.platform.InvalidInputException("after", "page.cursor.invalid");
			}
		}
		long counted = total(filter, scope, where);
		// NB: a few thousand rows are read by their filter's index and sorted; PostgreSQL
		// would otherwise walk the province's sorted index and drop every other agency's
		// rows (150 ms for an officer's 170 hosts among 1,000,000). OFFSET 0 keeps the
		// subquery from being merged into the outer query
		String rows = counted <= FENCED_SORT ? where.rows + " WHERE TRUE" + spec : "asset a WHERE " + where.sql + spec;
		var select = bind(scope.bind(jdbc.sql("SELECT " + (counted <= FENCED_SORT ? "a.*" : COLUMNS) + " FROM " + rows
				+ " ORDER BY " + order + " LIMIT :limit OFFSET :offset")), where)
			.param("limit", page.size())
			.param("offset", page.after() == null ? page.offset() : 0);
		for (var k : keyset.entrySet()) {
			select = select.param(k.getKey(), k.getValue());
		}
		List<Asset> items = select.query(Assets::map).list();
		String next = null;
		if (items.size() == page.size()) {
			Asset last = items.get(items.size() - 1);
			next = cursors.encode(fingerprint,
					new PageCursors.Position(sort, desc, sort.equals(BY_NAME)
							? List.of(last.identityKey(), Long.toString(last.agencyId()))
							: List.of(Long.toString(last.lastSeenAt().toEpochMilli()), Long.toString(last.id()))));
		}
		long cap = cap(filter);
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, cap), counted > cap, next);
	}

	/**
	 * The list's total: exact from the per-agency host counts when only scope, agency and
	 * kind filter it; counted from the index otherwise, up to {@link #COUNT_CAP} (a name
	 * search up to {@link #SEARCH_COUNT_CAP}).
	 */
	private long total(Filter filter, AgencyScope scope, Where where) {
		if (filter.q() == null && filter.systemId() == null) {
			return counts.hosts(scope,
					filter.agencyId() == null ? null : hierarchy.selfAndDescendants(filter.agencyId()),
					filter.kind() == null ? null : filter.kind().name());
		}
		return bind(
				scope.bind(jdbc
					.sql("SELECT COUNT(*) FROM (SELECT 1 FROM " + where.rows + " LIMIT " + (cap(filter) + 1) + ") c")),
				where)
			.query(Long.class)
			.single();
	}

	private static long cap(Filter filter) {
		if (filter.systemId() == null && filter.q() == null) {
			return Long.MAX_VALUE;
		}
		return filter.q() != null ? SEARCH_COUNT_CAP : COUNT_CAP;
	}

	/** Every asset matching the filter, streamed in a stable order (for exports). */
	public void forEach(Filter filter, Consumer<Asset> consumer) {
		AgencyScope scope = currentUser.scope();
		Where where = where(filter, scope);
		bind(scope.bind(jdbc.sql("SELECT a.* FROM " + where.rows + " ORDER BY a.id")), where)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(map(rs, 0)));
	}

	/**
	 * Why an asset is still with an agency that merged (or split) into
	 * {@code successorAgencyId}: the successor already had an asset with its identity,
	 * {@code successorAssetId} unless deleted since.
	 */
	public record LeftBehind(long sourceAgencyId, long successorAgencyId, @Nullable Long successorAssetId,
			LocalDate effective) {
	}

	/**
	 * Whether the asset stayed behind when its agency merged; empty when it did not or is
	 * out of scope.
	 */
	public Optional<LeftBehind> leftBehind(long assetId) {
		AgencyScope scope = currentUser.scope();
		return scope.bind(jdbc.sql("""
				SELECT l.source_agency_id, l.successor_agency_id, l.successor_asset_id, l.effective_date
				FROM asset_left_behind l JOIN asset a ON a.id = l.asset_id AND a.agency_id = l.source_agency_id
				WHERE l.asset_id = :id AND""" + " " + scope.filter("a.agency_id")).param("id", assetId))
			.query((rs, n) -> new LeftBehind(rs.getLong("source_agency_id"), rs.getLong("successor_agency_id"),
					rs.getObject("successor_asset_id", Long.class), rs.getDate("effective_date").toLocalDate()))
			.optional();
	}

	/** An information system an asset can be linked to, for pickers and exports. */
	public record SystemChoice(long id, String code, String name, long ownerAgencyId) {
	}

	/** Systems owned by agencies in the caller's scope, by code. */
	public List<SystemChoice> systems() {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT id, code, name, owner_agency_id FROM information_system s WHERE "
					+ scope.filter("s.owner_agency_id") + " ORDER BY code"))
			.query(RecordRows.of(SystemChoice.class))
			.list();
	}

	/**
	 * Whether an asset with this identity exists in the agency (whatever the caller's
	 * scope).
	 */
	Optional<Long> idOf(long agencyId, String identityKey) {
		return jdbc.sql("SELECT id FROM asset WHERE agency_id = :agency AND identity_key = :key")
			.param("agency", agencyId)
			.param("key", identityKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * A list's filter, twice: {@code sql} for a walk along a sorted index that stops at a
	 * page, and {@code rows}, the matching rows as a subquery {@code a} for a count or a
	 * small result, where a name search is a union of its index ranges (H2 evaluates an
	 * OR of ranges row by row over the whole table). OFFSET 0 keeps PostgreSQL from
	 * merging the subquery into an outer walk of a sorted index.
	 */
	private record Where(String sql, String rows, Map<String, Object> params) {
	}

	private Where where(Filter filter, AgencyScope scope) {
		String scopeSql = scope.filter("a.agency_id");
		StringBuilder sql = new StringBuilder(scopeSql);
		List<String> searches = List.of();
		var params = new java.util.HashMap<String, Object>();
		String q = PageQuery.text("q", filter.q());
		if (q != null) {
			// NB: ranges of the identity key (docs/asset-identity.md), which its indexes
			// answer at any size
			String text = q.toLowerCase(Locale.ROOT);
			String[] prefixes = text.startsWith("http://") || text.startsWith("https://")
					? new String[] { "url:" + text }
					: new String[] { "host:" + text, "ip:" + text, "url:https://" + text, "url:http://" + text };
			var ranges = new ArrayList<String>();
			for (int i = 0; i < prefixes.length; i++) {
				ranges.add("(a.identity_key >= :qf" + i + " AND a.identity_key < :qt" + i + ")");
				params.put("qf" + i, prefixes[i]);
				params.put("qt" + i, prefixes[i] + Character.MAX_VALUE);
			}
			if (!text.contains("/") && text.matches("[0-9a-f:.]+")) {
				ranges.add("(a.addresses >= :af AND a.addresses < :at)");
				params.put("af", text);
				params.put("at", text + Character.MAX_VALUE);
			}
			sql.append(" AND (").append(String.join(" OR ", ranges)).append(")");
			searches = ranges;
		}
		StringBuilder rest = new StringBuilder();
		if (filter.agencyId() != null) {
			rest.append(" AND a.agency_id IN (:agencies)");
			params.put("agencies", new ArrayList<>(hierarchy.selfAndDescendants(filter.agencyId())));
		}
		if (filter.systemId() != null) {
			rest.append(" AND a.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.kind() != null) {
			rest.append(" AND a.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		String base = sql.toString();
		String rows = searches.isEmpty() ? "(SELECT " + COLUMNS + " FROM asset a WHERE " + base + rest + " OFFSET 0) a"
				: "(" + String.join(" UNION ",
						searches.stream()
							.map(r -> "SELECT " + COLUMNS + " FROM asset a WHERE " + scopeSql + " AND " + r + rest)
							.toList())
						+ ") a";
		return new Where(base + rest, rows, params);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Where where) {
		JdbcClient.StatementSpec bound = spec;
		for (var e : where.params.entrySet()) {
			bound = bound.param(e.getKey(), e.getValue());
		}
		return bound;
	}

	static List<String> splitAddresses(@Nullable String addresses) {
		return addresses == null || addresses.isBlank() ? List.of() : Arrays.asList(addresses.trim().split(" +"));
	}

	static Asset map(ResultSet rs, int row) throws SQLException {
		return new Asset(rs.getLong("id"), rs.getLong("agency_id"), rs.getObject("system_id", Long.class),
				AssetKind.valueOf(rs.getString("kind")), rs.getString("identity_key"), rs.getString("hostname"),
				splitAddresses(rs.getString("addresses")), rs.getString("mac"), rs.getString("os"), rs.getString("url"),
				rs.getString("source"), rs.getTimestamp("first_seen_at").toInstant(),
				rs.getTimestamp("last_seen_at").toInstant());
	}

}
