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
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** Reads of assets, always within the caller's agency scope. */
@Component
public class Assets {

	static final String COLUMNS = """
			a.id, a.agency_id, a.system_id, a.kind, a.identity_key, a.hostname, a.addresses, a.mac, a.os, a.url,
			a.source, a.first_seen_at, a.last_seen_at""";

	private static final Map<String, String> SORTS = Map.of("hostname", "a.hostname", "kind", "a.kind", "url", "a.url",
			"lastSeen", "a.last_seen_at", "firstSeen", "a.first_seen_at", "id", "a.id");

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	Assets(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
	}

	/**
	 * @param q matches hostname, any address or the URL (case-insensitive, part of the text)
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
		return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM asset a WHERE a.id = :id AND " + scope.filter("a.agency_id"))
			.param("id", id)).query(Assets::map).optional();
	}

	/** The open ports last seen on the asset (empty when out of scope). */
	public List<OpenPort> ports(long assetId) {
		AgencyScope scope = currentUser.scope();
		return scope.bind(jdbc.sql("""
				SELECT p.port, p.protocol, p.service, p.product, p.version FROM asset_port p
				JOIN asset a ON a.id = p.asset_id WHERE p.asset_id = :id""" + " AND " + scope.filter("a.agency_id")
				+ " ORDER BY p.protocol, p.port")
			.param("id", assetId))
			.query((rs, n) -> new OpenPort(rs.getInt("port"), rs.getString("protocol"), rs.getString("service"),
					rs.getString("product"), rs.getString("version")))
			.list();
	}

	public PageResult<Asset> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Where where = where(filter, scope);
		long total = bind(scope.bind(jdbc.sql("SELECT COUNT(*) FROM asset a WHERE " + where.sql)), where)
			.query(Long.class)
			.single();
		List<Asset> items = bind(scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM asset a WHERE " + where.sql
				+ " ORDER BY " + page.orderBy(SORTS, "a.hostname ASC") + ", a.id LIMIT :limit OFFSET :offset")), where)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Assets::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Every asset matching the filter, streamed in a stable order (for exports). */
	public void forEach(Filter filter, Consumer<Asset> consumer) {
		AgencyScope scope = currentUser.scope();
		Where where = where(filter, scope);
		bind(scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM asset a WHERE " + where.sql + " ORDER BY a.id")), where)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(map(rs, 0)));
	}

	/**
	 * Why an asset is still with an agency that merged (or split) into {@code successorAgencyId}: the successor
	 * already had an asset with its identity, {@code successorAssetId} unless deleted since.
	 */
	public record LeftBehind(long sourceAgencyId, long successorAgencyId, @Nullable Long successorAssetId,
			LocalDate effective) {
	}

	/** Whether the asset stayed behind when its agency merged; empty when it did not or is out of scope. */
	public Optional<LeftBehind> leftBehind(long assetId) {
		AgencyScope scope = currentUser.scope();
		return scope.bind(jdbc.sql("""
				SELECT l.source_agency_id, l.successor_agency_id, l.successor_asset_id, l.effective_date
				FROM asset_left_behind l JOIN asset a ON a.id = l.asset_id AND a.agency_id = l.source_agency_id
				WHERE l.asset_id = :id AND""" + " " + scope.filter("a.agency_id"))
			.param("id", assetId))
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
		return scope.bind(jdbc.sql("SELECT id, code, name, owner_agency_id FROM information_system s WHERE "
				+ scope.filter("s.owner_agency_id") + " ORDER BY code")).query(SystemChoice.class).list();
	}

	/** Whether an asset with this identity exists in the agency (whatever the caller's scope). */
	Optional<Long> idOf(long agencyId, String identityKey) {
		return jdbc.sql("SELECT id FROM asset WHERE agency_id = :agency AND identity_key = :key")
			.param("agency", agencyId)
			.param("key", identityKey)
			.query(Long.class)
			.optional();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private Where where(Filter filter, AgencyScope scope) {
		StringBuilder sql = new StringBuilder(scope.filter("a.agency_id"));
		var params = new java.util.HashMap<String, Object>();
		if (filter.q() != null && !filter.q().isBlank()) {
			sql.append(" AND (LOWER(a.hostname) LIKE :q OR LOWER(a.addresses) LIKE :q OR LOWER(a.url) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		if (filter.agencyId() != null) {
			sql.append(" AND a.agency_id IN (:agencies)");
			params.put("agencies", new ArrayList<>(hierarchy.selfAndDescendants(filter.agencyId())));
		}
		if (filter.systemId() != null) {
			sql.append(" AND a.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.kind() != null) {
			sql.append(" AND a.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		return new Where(sql.toString(), params);
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
