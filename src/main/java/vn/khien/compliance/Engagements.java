package vn.khien.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AuditLog;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.OrganisationDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;
import vn.khien.registry.Organisations;

/**
 * Engagements of independent organisations to assess a system (R3.4), recorded by the
 * province or by the system owner's officers. An organisation that monitors and protects
 * the system is refused: Directive 14/CT-TTg and Official Letter 1552/BTTTT-CATTT ask for
 * the periodic inspection and assessment to be independent of the monitoring provider
 * (the four-layer model's third layer).
 */
@Service
public class Engagements {

	/** Longest engagement recorded at once. */
	static final int MAX_YEARS = 5;

	private static final Map<String, String> SORTS = Map.of("start", "e.starts_on");

	private final JdbcClient jdbc;

	private final AssessmentAccess access;

	private final Systems systems;

	private final Organisations organisations;

	private final OrganisationDirectory organisationNames;

	private final AgencyHierarchy hierarchy;

	private final AuditLog audit;

	Engagements(JdbcClient jdbc, AssessmentAccess access, Systems systems, Organisations organisations,
			OrganisationDirectory organisationNames, AgencyHierarchy hierarchy, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.systems = systems;
		this.organisations = organisations;
		this.organisationNames = organisationNames;
		this.hierarchy = hierarchy;
		this.audit = audit;
	}

	/** What a user records: which organisation assesses which system, and when. */
	public record NewEngagement(long systemId, long organisationId, LocalDate startsOn, LocalDate endsOn,
			@Nullable String note) {
	}

	/** What a list asks for; {@code agencyId} is that agency and those below it. */
	public record Filter(@Nullable Long systemId, @Nullable Long organisationId, @Nullable Long agencyId) {

		public static Filter none() {
			return new Filter(null, null, null);
		}

	}

	public Engagement get(long id) {
		var visible = access.visible("e.agency_id", "e.organisation_id");
		return visible
			.bind(jdbc.sql("SELECT e.* FROM assessment_engagement e WHERE e.id = :id AND " + visible.sql())
				.param("id", id))
			.query(Engagements::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("engagement", id));
	}

	/** A page of engagements, the latest start first; counted up to a cap. */
	public PageResult<Engagement> list(Filter filter, PageQuery page) {
		var visible = access.visible("e.agency_id", "e.organisation_id");
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(visible.sql());
		if (filter.systemId() != null) {
			where.append(" AND e.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.organisationId() != null) {
			where.append(" AND e.organisation_id = :org");
			params.put("org", filter.organisationId());
		}
		if (filter.agencyId() != null) {
			where.append(" AND e.agency_id IN (:filterAgencies)");
			params.put("filterAgencies", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		boolean desc = page.sort().isEmpty() || page.descending();
		String order = page.sort().isEmpty() ? "e.starts_on DESC" : page.orderBy(SORTS, "");
		List<Engagement> items = visible
			.bind(jdbc.sql("SELECT e.* FROM assessment_engagement e WHERE " + where + " ORDER BY " + order + ", e.id"
					+ (desc ? " DESC" : " ASC") + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Engagements::map)
			.list();
		long counted = visible.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM assessment_engagement e WHERE "
				+ where + " LIMIT " + (Assessments.COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, Assessments.COUNT_CAP),
				counted > Assessments.COUNT_CAP, null);
	}

	/**
	 * The organisation's engagements for the system, the latest first. Not scoped: the
	 * caller names its own organisation.
	 */
	List<Engagement> of(long systemId, long organisationId) {
		return jdbc.sql("""
				SELECT e.* FROM assessment_engagement e WHERE e.system_id = :system AND e.organisation_id = :org
				ORDER BY e.ends_on DESC, e.id DESC""")
			.param("system", systemId)
			.param("org", organisationId)
			.query(Engagements::map)
			.list();
	}

	/** The engagements of the caller's organisation that are current on the date. */
	public List<Engagement> currentForMe(LocalDate date) {
		Long organisation = access.assessorOrganisation();
		if (organisation == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT e.* FROM assessment_engagement e WHERE e.organisation_id = :org AND e.starts_on <= :date
				  AND e.ends_on >= :date ORDER BY e.system_code, e.id LIMIT 200""")
			.param("org", organisation)
			.param("date", java.sql.Date.valueOf(date))
			.query(Engagements::map)
			.list();
	}

	@Transactional
	public Engagement record(NewEngagement form) {
		InformationSystem system = systems.get(form.systemId());
		if (!access.mayWriteFor(system.ownerAgencyId())) {
			throw new AccessDeniedException("engagements are recorded by the province or the owner agency");
		}
		Organisation organisation = organisations.find(form.organisationId())
			.orElseThrow(() -> new InvalidInputException("organisationId", "engagement.organisation.unknown",
					String.valueOf(form.organisationId())));
		if (organisation.kind() != OrganisationKind.ASSESSOR
				&& organisation.kind() != OrganisationKind.SECURITY_PROVIDER
				|| organisation.status() != OrganisationStatus.ACTIVE) {
			throw new InvalidInputException("organisationId", "engagement.organisation.notAssessor",
					organisation.name());
		}
		if (form.endsOn().isBefore(form.startsOn())) {
			throw new InvalidInputException("endsOn", "engagement.period.order");
		}
		if (form.endsOn().isAfter(form.startsOn().plusYears(MAX_YEARS))) {
			throw new InvalidInputException("endsOn", "engagement.period.tooLong", MAX_YEARS);
		}
		String note = text("note", form.note(), 2000);
		requireIndependent(system, organisation.id(), organisation.name());
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_engagement (agency_id, system_id, system_code, system_name, organisation_id,
				  starts_on, ends_on, note, created_by, created_at)
				VALUES (:agency, :system, :code, :name, :org, :starts, :ends, :note, :by, :at)""")
			.param("agency", system.ownerAgencyId())
			.param("system", system.id())
			.param("code", system.code())
			.param("name", system.name())
			.param("org", organisation.id())
			.param("starts", java.sql.Date.valueOf(form.startsOn()))
			.param("ends", java.sql.Date.valueOf(form.endsOn()))
			.param("note", note)
			.param("by", access.actor())
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("systemId", system.id());
		after.put("organisationId", organisation.id());
		after.put("startsOn", form.startsOn().toString());
		after.put("endsOn", form.endsOn().toString());
		if (note != null) {
			after.put("note", note);
		}
		audit.record("CREATE", "assessment_engagement", id, null, after);
		return get(id);
	}

	/**
	 * Refuses an organisation that monitors and protects the system: the independent
	 * assessment must not be made by the monitoring provider (Directive 14/CT-TTg;
	 * Official Letter 1552/BTTTT-CATTT, third layer).
	 */
	void requireIndependent(InformationSystem system, long organisationId, @Nullable String organisationName) {
		if (system.monitoringKind() == MonitoringKind.ORGANISATION
				&& Objects.equals(system.monitoringOrganisationId(), organisationId)) {
			String name = organisationName != null ? organisationName
					: organisationNames.name(organisationId).orElse(String.valueOf(organisationId));
			throw new InvalidInputException("organisationId", "assessment.independence.monitoringProvider", name,
					system.code());
		}
	}

	static @Nullable String text(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, "assessment.text.tooLong", max);
		}
		return text;
	}

	static Engagement map(ResultSet rs, int n) throws SQLException {
		return new Engagement(rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("system_id"),
				rs.getString("system_code"), rs.getString("system_name"), rs.getLong("organisation_id"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("note"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

}
