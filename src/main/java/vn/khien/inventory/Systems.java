package vn.khien.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;

/**
 * Reading information systems. A system is visible when its owner agency or one of its
 * user agencies lies in the current user's scope; it is editable only through its owner
 * ({@link #mayEdit}).
 */
@Component
public class Systems {

	static final String COLUMNS = """
			s.id, s.code, s.name, s.owner_agency_id, s.operator_agency_id, s.purpose, s.user_count, s.lifecycle,
			s.hosting, s.cloud_provider, s.internet_facing, s.public_service_level, s.data_classification,
			s.handles_personal_data, s.personal_subjects_basic, s.personal_subjects_sensitive, s.state_secret_grade,
			s.critical, s.e_government, s.security_level_proposed, s.security_level_approved, s.monitoring_kind,
			s.monitoring_organisation_id, s.shared, s.created_at, s.updated_at""";

	/** Most rows an export writes, so one request cannot exhaust memory. */
	public static final int EXPORT_LIMIT = 10_000;

	private static final Map<String, String> SORTS = Map.of("code", "s.code", "name", "s.name_key", "lifecycle",
			"s.lifecycle", "level", "COALESCE(s.security_level_approved, s.security_level_proposed)", "critical",
			"s.critical", "updated", "s.updated_at", "users", "s.user_count");

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final AuditLog audit;

	private final SystemLevels levels;

	Systems(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, AuditLog audit, SystemLevels levels) {
		this.jdbc = jdbc;
		this.levels = levels;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.audit = audit;
	}

	/**
	 * What a list asks for; every field is optional. {@code agencyId} means that agency
	 * and its descendants, as owner or as user agency; {@code level} matches the approved
	 * (else proposed) level; {@code productWarning} keeps systems showing the
	 * domestic-alternative warning ({@link SystemProducts#domesticAlternativeWarning});
	 * {@code levelApproved} keeps the systems in use that the agency (or one below it)
	 * owns, user agencies aside, whose level is approved or not yet: the lists behind the
	 * level approval rate, which {@link SystemLevels} counts.
	 */
	public record Filter(@Nullable String q, @Nullable Long agencyId, @Nullable SystemLifecycle lifecycle,
			@Nullable Boolean critical, @Nullable Boolean personalData, @Nullable Boolean stateSecret,
			@Nullable Boolean shared, @Nullable Integer level, @Nullable Boolean productWarning,
			@Nullable Boolean levelApproved) {

		public Filter(@Nullable String q, @Nullable Long agencyId, @Nullable SystemLifecycle lifecycle,
				@Nullable Boolean critical, @Nullable Boolean personalData, @Nullable Boolean stateSecret,
				@Nullable Boolean shared, @Nullable Integer level, @Nullable Boolean productWarning) {
			this(q, agencyId, lifecycle, critical, personalData, stateSecret, shared, level, productWarning, null);
		}

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null, null, null, null);
		}
	}

	/**
	 * The system, or 404 when it does not exist or the user sees it neither as owner nor
	 * as user agency.
	 */
	public InformationSystem get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("information system", id));
	}

	public Optional<InformationSystem> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM information_system s WHERE s.id = :id AND " + visible(scope))
				.param("id", id))
			.query(Systems::map)
			.optional();
	}

	public Optional<InformationSystem> findByCode(String code) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc
				.sql("SELECT " + COLUMNS + " FROM information_system s WHERE s.code = :code AND " + visible(scope))
				.param("code", code.trim()))
			.query(Systems::map)
			.optional();
	}

	/**
	 * A system named by its code or its id (imports and API calls allow both); 404 when
	 * not visible.
	 */
	public InformationSystem resolve(String idOrCode) {
		String key = idOrCode.trim();
		Optional<InformationSystem> byCode = findByCode(key);
		if (byCode.isPresent()) {
			return byCode.get();
		}
		if (key.matches("\\d{1,18}")) {
			return get(Long.parseLong(key));
		}
		throw new NotFoundException("information system", key);
	}

	/**
	 * Whether the agency owns, operates or uses the system, e.g. before a host of that
	 * agency is attached to it. Not scoped: check visibility with {@link #find} first.
	 */
	public boolean belongsTo(long systemId, long agencyId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM information_system s WHERE s.id = :id AND (s.owner_agency_id = :agency
				  OR s.operator_agency_id = :agency
				  OR EXISTS (SELECT 1 FROM system_user_agency u WHERE u.system_id = s.id AND u.agency_id = :agency))""")
			.param("id", systemId)
			.param("agency", agencyId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the current user may change the system: only through its owner agency,
	 * never as a user agency.
	 */
	public boolean mayEdit(InformationSystem system) {
		return currentUser.mayEdit(system.ownerAgencyId());
	}

	public PageResult<InformationSystem> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String where = where(scope, filter);
		long total = bind(scope.bind(jdbc.sql("SELECT COUNT(*) FROM information_system s WHERE " + where)), filter)
			.query(Long.class)
			.single();
		String order = page.orderBy(SORTS, "s.code ASC");
		List<InformationSystem> items = bind(
				scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM information_system s WHERE " + where + " ORDER BY "
						+ order + ", s.id LIMIT :limit OFFSET :offset")),
				filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Systems::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * The filtered list for an export, sorted like the list, at most
	 * {@link #EXPORT_LIMIT} rows.
	 */
	public List<InformationSystem> export(Filter filter, PageQuery sort) {
		return list(filter, new PageQuery(0, EXPORT_LIMIT, sort.sort(), sort.descending())).items();
	}

	public long count(Filter filter) {
		AgencyScope scope = currentUser.scope();
		return bind(scope.bind(jdbc.sql("SELECT COUNT(*) FROM information_system s WHERE " + where(scope, filter))),
				filter)
			.query(Long.class)
			.single();
	}

	/**
	 * The agencies that use a system besides its owner (empty unless shared); 404 when
	 * not visible.
	 */
	public List<Long> userAgencyIds(long systemId) {
		get(systemId);
		return jdbc.sql("SELECT agency_id FROM system_user_agency WHERE system_id = :id ORDER BY agency_id")
			.param("id", systemId)
			.query(Long.class)
			.list();
	}

	/** Hosts attached to the system that the current user may see. */
	public long hostCount(long systemId) {
		get(systemId);
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM asset a WHERE a.system_id = :id AND " + scope.filter("a.agency_id"))
				.param("id", systemId))
			.query(Long.class)
			.single();
	}

	/**
	 * Sets the proposed and approved security levels (1–5, null clears), as decided in
	 * the compliance process. The caller checks who may decide; the change is audited.
	 */
	@Transactional
	public InformationSystem setSecurityLevel(long systemId, @Nullable Integer proposed, @Nullable Integer approved) {
		checkLevel("securityLevelProposed", proposed);
		checkLevel("securityLevelApproved", approved);
		InformationSystem before = jdbc.sql("SELECT " + COLUMNS + " FROM information_system s WHERE s.id = :id")
			.param("id", systemId)
			.query(Systems::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("information system", systemId));
		jdbc.sql("""
				UPDATE information_system SET security_level_proposed = :proposed, security_level_approved = :approved,
				  updated_at = :now WHERE id = :id""")
			.param("proposed", proposed)
			.param("approved", approved)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", systemId)
			.update();
		levels.recount(before.ownerAgencyId());
		audit.record("SECURITY_LEVEL", "information_system", systemId,
				Map.of("proposed", String.valueOf(before.securityLevelProposed()), "approved",
						String.valueOf(before.securityLevelApproved())),
				Map.of("proposed", String.valueOf(proposed), "approved", String.valueOf(approved)));
		return jdbc.sql("SELECT " + COLUMNS + " FROM information_system s WHERE s.id = :id")
			.param("id", systemId)
			.query(Systems::map)
			.single();
	}

	private static void checkLevel(String field, @Nullable Integer level) {
		if (level != null && (level < 1 || level > 5)) {
			throw new InvalidInputException(field, "system.level.range", level);
		}
	}

	/**
	 * Visible through the owner or through a user agency in scope (the named parameter is
	 * reused).
	 */
	static String visible(AgencyScope scope) {
		return "(" + scope.filter("s.owner_agency_id")
				+ " OR EXISTS (SELECT 1 FROM system_user_agency su WHERE su.system_id = s.id AND "
				+ scope.filter("su.agency_id") + "))";
	}

	private String where(AgencyScope scope, Filter filter) {
		StringBuilder where = new StringBuilder(visible(scope));
		if (filter.q() != null && !filter.q().isBlank()) {
			// NB: without diacritics too, as people type "cong dich vu" for "Cổng dịch
			// vụ"
			where.append(" AND (" + VietnameseText.foldSql("s.name") + " LIKE :q ESCAPE '\\' OR LOWER(s.code) LIKE :q"
					+ " ESCAPE '\\' OR " + VietnameseText.foldSql("s.purpose") + " LIKE :q ESCAPE '\\')");
		}
		if (filter.agencyId() != null) {
			where.append(" AND (s.owner_agency_id IN (:tree) OR EXISTS (SELECT 1 FROM system_user_agency fu")
				.append(" WHERE fu.system_id = s.id AND fu.agency_id IN (:tree)))");
		}
		if (filter.lifecycle() != null) {
			where.append(" AND s.lifecycle = :lifecycle");
		}
		if (filter.critical() != null) {
			where.append(" AND s.critical = :critical");
		}
		if (filter.personalData() != null) {
			where.append(" AND s.handles_personal_data = :personal");
		}
		if (filter.stateSecret() != null) {
			where.append(filter.stateSecret() ? " AND s.state_secret_grade <> 'NONE'"
					: " AND s.state_secret_grade = 'NONE'");
		}
		if (filter.shared() != null) {
			where.append(" AND s.shared = :shared");
		}
		if (filter.level() != null) {
			where.append(" AND COALESCE(s.security_level_approved, s.security_level_proposed) = :level");
		}
		if (filter.levelApproved() != null) {
			where.append(" AND s.lifecycle <> 'RETIRED' AND s.security_level_approved IS ")
				.append(filter.levelApproved() ? "NOT NULL" : "NULL");
			if (filter.agencyId() != null) {
				where.append(" AND s.owner_agency_id IN (:tree)");
			}
		}
		if (filter.productWarning() != null) {
			where.append(filter.productWarning() ? " AND " : " AND NOT ").append("""
					((s.e_government OR COALESCE(s.security_level_approved, s.security_level_proposed, 0) >= 3)
					  AND EXISTS (SELECT 1 FROM system_product p WHERE p.system_id = s.id AND p.origin = 'FOREIGN'
					  AND p.domestic_alternative IS NOT NULL AND p.domestic_alternative <> ''))""");
		}
		return where.toString();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
		if (filter.q() != null && !filter.q().isBlank()) {
			spec = spec.param("q", VietnameseText.containsPattern(filter.q()));
		}
		if (filter.agencyId() != null) {
			Set<Long> tree = hierarchy.selfAndDescendants(filter.agencyId());
			spec = spec.param("tree", tree.isEmpty() ? Set.of(filter.agencyId()) : tree);
		}
		if (filter.lifecycle() != null) {
			spec = spec.param("lifecycle", filter.lifecycle().name());
		}
		if (filter.critical() != null) {
			spec = spec.param("critical", filter.critical());
		}
		if (filter.personalData() != null) {
			spec = spec.param("personal", filter.personalData());
		}
		if (filter.shared() != null) {
			spec = spec.param("shared", filter.shared());
		}
		if (filter.level() != null) {
			spec = spec.param("level", filter.level());
		}
		return spec;
	}

	static InformationSystem map(ResultSet rs, int row) throws SQLException {
		return new InformationSystem(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getLong("owner_agency_id"), rs.getObject("operator_agency_id", Long.class), rs.getString("purpose"),
				rs.getObject("user_count", Integer.class), SystemLifecycle.valueOf(rs.getString("lifecycle")),
				Hosting.valueOf(rs.getString("hosting")), rs.getString("cloud_provider"),
				rs.getBoolean("internet_facing"), PublicServiceLevel.valueOf(rs.getString("public_service_level")),
				DataClassification.valueOf(rs.getString("data_classification")), rs.getBoolean("handles_personal_data"),
				rs.getObject("personal_subjects_basic", Integer.class),
				rs.getObject("personal_subjects_sensitive", Integer.class),
				StateSecretGrade.valueOf(rs.getString("state_secret_grade")), rs.getBoolean("critical"),
				rs.getBoolean("e_government"), rs.getObject("security_level_proposed", Integer.class),
				rs.getObject("security_level_approved", Integer.class),
				MonitoringKind.valueOf(rs.getString("monitoring_kind")),
				rs.getObject("monitoring_organisation_id", Long.class), rs.getBoolean("shared"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t.toInstant();
	}

}
