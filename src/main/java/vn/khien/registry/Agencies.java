package vn.khien.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;

/** Reading agencies. Every read is limited to the current user's scope. */
@Component
public class Agencies {

	static final String COLUMNS = """
			id, code, name, kind, parent_id, head_name, head_title, head_phone, head_email, address, status, successor_id""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyTree tree;

	Agencies(JdbcClient jdbc, CurrentUser currentUser, AgencyTree tree) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.tree = tree;
	}

	/**
	 * A number that changes whenever an agency is created or changed on this node, for
	 * what is derived from the agencies and kept (a rendered tree).
	 */
	public long version() {
		return tree.version();
	}

	/**
	 * What a list asks for; {@code under} is that agency and every one below it,
	 * {@code focalPoint} keeps those with an active focal point (true) or without
	 * (false).
	 */
	public record Filter(@Nullable String q, @Nullable AgencyKind kind, @Nullable AgencyStatus status,
			@Nullable Long parentId, @Nullable Long under, @Nullable Boolean focalPoint) {

		public Filter(@Nullable String q, @Nullable AgencyKind kind, @Nullable AgencyStatus status,
				@Nullable Long parentId) {
			this(q, kind, status, parentId, null, null);
		}

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	/** The agency, or 404 when it does not exist or lies outside the user's scope. */
	public Agency get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("agency", id));
	}

	public Optional<Agency> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM agency WHERE id = :id AND " + scope.filter("id"))
				.param("id", id))
			.query(Agencies::map)
			.optional();
	}

	public Optional<Agency> findByCode(String code) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM agency WHERE code = :code AND " + scope.filter("id"))
				.param("code", code.trim()))
			.query(Agencies::map)
			.optional();
	}

	/** An agency named by its id or its code, as import forms and API calls allow. */
	public Agency resolve(String idOrCode) {
		String key = idOrCode.trim();
		Optional<Agency> byCode = findByCode(key);
		if (byCode.isPresent()) {
			return byCode.get();
		}
		if (key.matches("\\d{1,18}")) {
			return get(Long.parseLong(key));
		}
		throw new NotFoundException("agency", key);
	}

	/** All agencies in scope, for trees and pickers. */
	public List<Agency> all() {
		AgencyScope scope = currentUser.scope();
		return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM agency WHERE " + scope.filter("id")))
			.query(Agencies::map)
			.list();
	}

	public PageResult<Agency> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		StringBuilder where = new StringBuilder(scope.filter("id"));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (" + VietnameseText.foldSql("name")
					+ " LIKE :q ESCAPE '\\' OR LOWER(code) LIKE :q ESCAPE '\\')");
		}
		if (filter.kind() != null) {
			where.append(" AND kind = :kind");
		}
		if (filter.status() != null) {
			where.append(" AND status = :status");
		}
		if (filter.parentId() != null) {
			where.append(" AND parent_id = :parent");
		}
		if (filter.under() != null) {
			where.append(" AND id IN (:under)");
		}
		if (filter.focalPoint() != null) {
			where.append(filter.focalPoint() ? " AND " : " AND NOT ")
				.append("EXISTS (SELECT 1 FROM focal_point f WHERE f.agency_id = agency.id AND f.active = TRUE)");
		}
		String order = page.orderBy(Map.of("code", "code", "name", "name_key", "kind", "kind", "status", "status"),
				"code ASC");
		long total = bind(scope.bind(jdbc.sql("SELECT COUNT(*) FROM agency WHERE " + where)), filter, tree)
			.query(Long.class)
			.single();
		List<Agency> items = bind(scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM agency WHERE " + where + " ORDER BY "
				+ order + ", id LIMIT :limit OFFSET :offset")), filter, tree)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Agencies::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, AgencyTree tree) {
		if (filter.under() != null) {
			spec = spec.param("under", tree.selfAndDescendants(filter.under()));
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			spec = spec.param("q", VietnameseText.containsPattern(filter.q()));
		}
		if (filter.kind() != null) {
			spec = spec.param("kind", filter.kind().name());
		}
		if (filter.status() != null) {
			spec = spec.param("status", filter.status().name());
		}
		if (filter.parentId() != null) {
			spec = spec.param("parent", filter.parentId());
		}
		return spec;
	}

	public long count() {
		AgencyScope scope = currentUser.scope();
		return scope.bind(jdbc.sql("SELECT COUNT(*) FROM agency WHERE " + scope.filter("id")))
			.query(Long.class)
			.single();
	}

	static Agency map(ResultSet rs, int row) throws SQLException {
		return new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				AgencyKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class),
				rs.getString("head_name"), rs.getString("head_title"), rs.getString("head_phone"),
				rs.getString("head_email"), rs.getString("address"), AgencyStatus.valueOf(rs.getString("status")),
				rs.getObject("successor_id", Long.class));
	}

}
