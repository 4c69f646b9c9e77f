package vn.khien.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Registration campaigns and which agencies in scope have registered for them. An agency
 * is registered when it has an active focal point for each duty confirmed on or after the
 * opening.
 */
@Service
public class RegistrationCampaigns {

	private static final String REGISTERED = """
			(EXISTS (SELECT 1 FROM focal_point m WHERE m.agency_id = a.id AND m.active = TRUE
			   AND m.duty = 'MONITORING' AND m.confirmed_on >= :opened)
			 AND EXISTS (SELECT 1 FROM focal_point r WHERE r.agency_id = a.id AND r.active = TRUE
			   AND r.duty = 'INCIDENT_RESPONSE' AND r.confirmed_on >= :opened))""";

	public record Filter(@Nullable RegistrationCampaignState state, @Nullable String q, @Nullable AgencyKind kind) {
	}

	public record Counts(long agencies, long registered, long notRegistered) {
	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	RegistrationCampaigns(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public PageResult<RegistrationCampaign> list(PageQuery page) {
		String order = page.orderBy(Map.of("name", "name", "openedOn", "opened_on", "deadline", "deadline"),
				"opened_on DESC");
		long total = jdbc.sql("SELECT COUNT(*) FROM registration_campaign").query(Long.class).single();
		List<RegistrationCampaign> items = jdbc
			.sql("SELECT * FROM registration_campaign ORDER BY " + order + ", id DESC LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(RegistrationCampaigns::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public RegistrationCampaign get(long id) {
		return jdbc.sql("SELECT * FROM registration_campaign WHERE id = :id")
			.param("id", id)
			.query(RegistrationCampaigns::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("registration campaign", id));
	}

	@Transactional
	public RegistrationCampaign open(RegistrationCampaign.Details details) {
		if (details.deadline().isBefore(details.openedOn())) {
			throw new InvalidInputException("deadline", "campaign.deadline.beforeOpening");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO registration_campaign (name, opened_on, deadline, agency_kinds, created_by, created_at)
				VALUES (:name, :opened, :deadline, :kinds, :by, :now)""")
			.param("name", details.name().trim())
			.param("opened", Date.valueOf(details.openedOn()))
			.param("deadline", Date.valueOf(details.deadline()))
			.param("kinds",
					details.agencyKinds() == null || details.agencyKinds().isEmpty() ? null
							: details.agencyKinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.update(keys, "id");
		RegistrationCampaign created = get(keys.getKeyAs(Number.class).longValue());
		audit.record("CREATE", "registration_campaign", created.id(), null, created);
		return created;
	}

	public PageResult<RegistrationCampaignAgency> agencies(long campaignId, Filter filter, PageQuery page) {
		return agencies(get(campaignId), filter, page, FocalPoints.today());
	}

	/** The campaign's agencies in scope as they stand on {@code today}. */
	public PageResult<RegistrationCampaignAgency> agencies(RegistrationCampaign campaign, Filter filter, PageQuery page,
			LocalDate today) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		String where = where(campaign, filter, today, scope, params);
		String order = page.orderBy(Map.of("code", "a.code", "name", "a.name_key", "kind", "a.kind"), "a.code ASC");
		long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM agency a" + where))
			.params(params)
			.query(Long.class)
			.single();
		List<RegistrationCampaignAgency> items = scope
			.bind(jdbc
				.sql("""
						SELECT a.id, a.code, a.name, a.kind, CASE WHEN %s THEN 1 ELSE 0 END AS registered,
						  (SELECT MAX(c.confirmed_on) FROM focal_point c WHERE c.agency_id = a.id AND c.active = TRUE) AS last_confirmed
						FROM agency a"""
					.formatted(REGISTERED) + where + " ORDER BY " + order + ", a.id LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new RegistrationCampaignAgency(rs.getLong("id"), rs.getString("code"),
					rs.getString("name"), AgencyKind.valueOf(rs.getString("kind")),
					rs.getInt("registered") == 1 ? RegistrationCampaignState.REGISTERED
							: campaign.deadlinePassed(today) ? RegistrationCampaignState.OVERDUE
									: RegistrationCampaignState.PENDING,
					rs.getDate("last_confirmed") == null ? null : rs.getDate("last_confirmed").toLocalDate()))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Where one agency (already read through its scope) stands in the latest campaigns
	 * that cover its kind.
	 */
	public List<RegistrationCampaignStanding> standingsOf(Agency agency, LocalDate today, int latest) {
		return list(PageQuery.of(0, PageQuery.MAX_SIZE, "")).items()
			.stream()
			.filter(c -> c.agencyKinds().isEmpty() || c.agencyKinds().contains(agency.kind()))
			.filter(c -> !c.openedOn().isAfter(today))
			.limit(latest)
			.map(c -> {
				boolean registered = jdbc
					.sql("SELECT CASE WHEN " + REGISTERED + " THEN 1 ELSE 0 END FROM agency a WHERE a.id = :id")
					.param("opened", Date.valueOf(c.openedOn()))
					.param("id", agency.id())
					.query(Integer.class)
					.single() == 1;
				RegistrationCampaignState state = registered ? RegistrationCampaignState.REGISTERED
						: c.deadlinePassed(today) ? RegistrationCampaignState.OVERDUE
								: RegistrationCampaignState.PENDING;
				return new RegistrationCampaignStanding(c, state);
			})
			.toList();
	}

	/** How many agencies in scope the campaign covers and how many have registered. */
	public Counts counts(RegistrationCampaign campaign, LocalDate today) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		String where = where(campaign, new Filter(null, null, null), today, scope, params);
		return scope
			.bind(jdbc.sql("SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN " + REGISTERED
					+ " THEN 1 ELSE 0 END), 0) AS registered FROM agency a" + where))
			.params(params)
			.query((rs, n) -> new Counts(rs.getLong("total"), rs.getLong("registered"),
					rs.getLong("total") - rs.getLong("registered")))
			.single();
	}

	private static String where(RegistrationCampaign campaign, Filter filter, LocalDate today, AgencyScope scope,
			Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE a.status = 'ACTIVE' AND " + scope.filter("a.id"));
		params.put("opened", Date.valueOf(campaign.openedOn()));
		if (!campaign.agencyKinds().isEmpty()) {
			where.append(" AND a.kind IN (:kinds)");
			params.put("kinds", campaign.agencyKinds().stream().map(Enum::name).toList());
		}
		if (filter.kind() != null) {
			where.append(" AND a.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(a.name) LIKE :q OR LOWER(a.code) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase() + "%");
		}
		if (filter.state() != null) {
			boolean passed = campaign.deadlinePassed(today);
			switch (filter.state()) {
				case REGISTERED -> where.append(" AND ").append(REGISTERED);
				case PENDING -> where.append(passed ? " AND 1=0" : " AND NOT " + REGISTERED);
				case OVERDUE -> where.append(passed ? " AND NOT " + REGISTERED : " AND 1=0");
			}
		}
		return where.toString();
	}

	static RegistrationCampaign map(ResultSet rs, int row) throws SQLException {
		String kinds = rs.getString("agency_kinds");
		Set<AgencyKind> set = kinds == null || kinds.isBlank() ? Set.of()
				: Arrays.stream(kinds.split(","))
					.map(AgencyKind::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(AgencyKind.class)));
		return new RegistrationCampaign(rs.getLong("id"), rs.getString("name"), rs.getDate("opened_on").toLocalDate(),
				rs.getDate("deadline").toLocalDate(), set, rs.getString("created_by"));
	}

}
