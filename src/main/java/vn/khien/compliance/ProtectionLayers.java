package vn.khien.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.SystemLevels;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.OrganisationDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;
import vn.khien.registry.FocalPoints;
import vn.khien.registry.SecurityStaffing;

/**
 * The four-layer model of Official Letter 1552/BTTTT-CATTT for one system, derived from
 * what Khiên holds: (1) an on-site force, the owner agency's security staff or focal
 * points; (2) professional monitoring and protection, the system's monitoring in the
 * inventory; (3) independent periodic assessment, an independent assessment completed in
 * the last twelve months (or, short of one, a current engagement); (4) the connection to
 * the national monitoring system, as recorded here. Read for the systems whose owner
 * agency the caller reads.
 */
@Service
public class ProtectionLayers {

	/** How far back a completed independent assessment counts. */
	static final int ASSESSMENT_MONTHS = 12;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AssessmentAccess access;

	private final Systems systems;

	private final SecurityStaffing staffing;

	private final FocalPoints focalPoints;

	private final OrganisationDirectory organisations;

	private final AuditLog audit;

	private final SystemLevels levels;

	private final AgencyDirectory directory;

	ProtectionLayers(JdbcClient jdbc, CurrentUser currentUser, AssessmentAccess access, Systems systems,
			SecurityStaffing staffing, FocalPoints focalPoints, OrganisationDirectory organisations, AuditLog audit,
			SystemLevels levels, AgencyDirectory directory) {
		this.levels = levels;
		this.directory = directory;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.access = access;
		this.systems = systems;
		this.staffing = staffing;
		this.focalPoints = focalPoints;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** Where a system stands on one layer. */
	public enum State {

		MET, ENGAGED, NOT_MET, NOT_RECORDED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public record OnSite(State state, int securityStaff, int focalPoints) {
	}

	public record Monitoring(State state, MonitoringKind kind, @Nullable Long organisationId,
			@Nullable String organisation) {
	}

	public record Independent(State state, @Nullable Long assessmentId, @Nullable LocalDate assessedOn,
			@Nullable Double score, @Nullable Long organisationId, @Nullable String organisation,
			@Nullable LocalDate engagedUntil) {
	}

	public record National(State state, @Nullable Boolean connected, @Nullable String note, @Nullable String recordedBy,
			@Nullable Instant recordedAt) {
	}

	public record Layers(InformationSystem system, OnSite onSite, Monitoring monitoring, Independent independent,
			National national) {

		/** How many of the four layers are in place. */
		public int met() {
			int met = 0;
			for (State s : List.of(onSite.state(), monitoring.state(), independent.state(), national.state())) {
				if (s == State.MET) {
					met++;
				}
			}
			return met;
		}

	}

	/**
	 * How many systems in use have each layer in place ({@code engaged}: an independent
	 * assessment engaged but none completed in the twelve months).
	 */
	public record Rollup(long systems, long onSite, long monitoring, long independent, long engaged, long national) {

		static final Rollup NONE = new Rollup(0, 0, 0, 0, 0, 0);

		Rollup plus(Rollup o) {
			return new Rollup(systems + o.systems, onSite + o.onSite, monitoring + o.monitoring,
					independent + o.independent, engaged + o.engaged, national + o.national);
		}

		/** The share of the layers in place over all the systems' four. */
		public @Nullable Double share() {
			return systems == 0 ? null : (double) (onSite + monitoring + independent + national) / (4 * systems);
		}

	}

	public record AgencyRollup(long agencyId, String name, Rollup layers) {
	}

	/** The caller's scope in all and per owner agency, the furthest behind first. */
	public record Summary(LocalDate date, Rollup province, List<AgencyRollup> agencies) {
	}

	/**
	 * The province's roll-up of the four layers over the systems in use in the caller's
	 * scope: systems and monitoring from the inventory's read model, the on-site force
	 * per owner agency, and only the systems the records name for the other two
	 * (assessed, engaged, connected), each checked against its owner now.
	 */
	public Summary summary() {
		LocalDate today = AssessmentManagement.today();
		AgencyScope scope = currentUser.scope();
		Map<Long, long[]> counted = new HashMap<>();
		for (SystemLevels.Count c : levels.inScope()) {
			long[] n = counted.computeIfAbsent(c.agencyId(), k -> new long[2]);
			n[0] += c.systems();
			n[1] += c.monitored();
		}
		Set<Long> onSite = staffing.withOnSiteForce(counted.keySet());
		Set<Long> assessed = new HashSet<>(scope
			.bind(jdbc.sql("SELECT DISTINCT system_id FROM assessment a WHERE " + scope.filter("a.agency_id")
					+ " AND a.assessed_on >= :since AND a.kind = 'INDEPENDENT' AND a.status = 'COMPLETED'"))
			.param("since", java.sql.Date.valueOf(today.minusMonths(ASSESSMENT_MONTHS)))
			.query(Long.class)
			.list());
		Set<Long> engaged = new HashSet<>(scope
			.bind(jdbc.sql("SELECT DISTINCT system_id FROM assessment_engagement e WHERE " + scope.filter("e.agency_id")
					+ " AND e.starts_on <= :today AND e.ends_on >= :today"))
			.param("today", java.sql.Date.valueOf(today))
			.query(Long.class)
			.list());
		engaged.removeAll(assessed);
		Set<Long> connected = new HashSet<>(
				scope.bind(jdbc.sql("SELECT system_id FROM national_monitoring_link n WHERE "
						+ scope.filter("n.agency_id") + " AND n.connected = TRUE"))
					.query(Long.class)
					.list());
		Set<Long> named = new HashSet<>(assessed);
		named.addAll(engaged);
		named.addAll(connected);
		Map<Long, long[]> recorded = new HashMap<>();
		levels.inUse(named).forEach((id, s) -> {
			if (counted.containsKey(s.agencyId())) {
				long[] n = recorded.computeIfAbsent(s.agencyId(), k -> new long[3]);
				n[0] += assessed.contains(id) ? 1 : 0;
				n[1] += engaged.contains(id) ? 1 : 0;
				n[2] += connected.contains(id) ? 1 : 0;
			}
		});
		Map<Long, String> names = directory.labels(Set.copyOf(counted.keySet()));
		List<AgencyRollup> agencies = new ArrayList<>();
		Rollup province = Rollup.NONE;
		for (Map.Entry<Long, long[]> e : counted.entrySet()) {
			long[] n = e.getValue();
			if (n[0] == 0) {
				continue;
			}
			long[] r = recorded.getOrDefault(e.getKey(), new long[3]);
			Rollup layers = new Rollup(n[0], onSite.contains(e.getKey()) ? n[0] : 0, n[1], r[0], r[1], r[2]);
			agencies
				.add(new AgencyRollup(e.getKey(), names.getOrDefault(e.getKey(), String.valueOf(e.getKey())), layers));
			province = province.plus(layers);
		}
		agencies
			.sort(Comparator.comparingDouble((AgencyRollup a) -> a.layers().share() == null ? 1 : a.layers().share())
				.thenComparing(a -> -a.layers().systems())
				.thenComparing(AgencyRollup::name, VietnameseText.order()));
		return new Summary(today, province, agencies);
	}

	/** One system's layers; 404 when the caller does not read its owner agency. */
	public Layers of(long systemId) {
		InformationSystem system = systems.get(systemId);
		if (!currentUser.scope().includes(system.ownerAgencyId())) {
			throw new NotFoundException("information system", systemId);
		}
		return layers(List.of(system), AssessmentManagement.today()).get(0);
	}

	/**
	 * A page of the systems whose owner the caller reads (by code), each with its layers,
	 * read for the page at once.
	 */
	public PageResult<Layers> list(@Nullable String q, @Nullable Long agencyId, @Nullable Boolean critical,
			PageQuery page) {
		var found = systems.list(new Systems.Filter(q, agencyId, null, critical, null, null, null, null, null), page);
		List<InformationSystem> owned = found.items()
			.stream()
			.filter(s -> currentUser.scope().includes(s.ownerAgencyId()))
			.toList();
		return new PageResult<>(layers(owned, AssessmentManagement.today()), found.page(), found.size(), found.total(),
				found.totalCapped(), null);
	}

	private List<Layers> layers(List<InformationSystem> list, LocalDate today) {
		if (list.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = list.stream().map(InformationSystem::id).collect(Collectors.toSet());
		Map<Long, OnSite> onSite = new HashMap<>();
		for (long agency : list.stream().map(InformationSystem::ownerAgencyId).collect(Collectors.toSet())) {
			int staff = staffing.headcount(agency).actual();
			int points = focalPoints.ofAgency(agency).size();
			onSite.put(agency, new OnSite(staff > 0 || points > 0 ? State.MET : State.NOT_MET, staff, points));
		}
		Map<Long, Independent> assessed = new HashMap<>();
		jdbc.sql("""
				SELECT a.system_id, a.id, a.assessed_on, a.met_count, a.partly_count, a.not_met_count, a.organisation_id
				FROM assessment a WHERE a.system_id IN (:ids) AND a.kind = 'INDEPENDENT' AND a.status = 'COMPLETED'
				  AND a.assessed_on >= :since ORDER BY a.assessed_on DESC, a.id DESC""")
			.param("ids", ids)
			.param("since", java.sql.Date.valueOf(today.minusMonths(ASSESSMENT_MONTHS)))
			.query(rs -> {
				long organisation = rs.getLong("organisation_id");
				assessed.putIfAbsent(rs.getLong("system_id"),
						new Independent(State.MET, rs.getLong("id"), rs.getDate("assessed_on").toLocalDate(),
								Assessment.score(rs.getInt("met_count"), rs.getInt("partly_count"),
										rs.getInt("not_met_count")),
								organisation, organisations.name(organisation).orElse(null), null));
			});
		Map<Long, Independent> engaged = new HashMap<>();
		jdbc.sql(
				"""
						SELECT e.system_id, e.organisation_id, e.ends_on FROM assessment_engagement e
						WHERE e.system_id IN (:ids) AND e.starts_on <= :today AND e.ends_on >= :today ORDER BY e.ends_on DESC""")
			.param("ids", ids)
			.param("today", java.sql.Date.valueOf(today))
			.query(rs -> {
				long organisation = rs.getLong("organisation_id");
				engaged.putIfAbsent(rs.getLong("system_id"),
						new Independent(State.ENGAGED, null, null, null, organisation,
								organisations.name(organisation).orElse(null), rs.getDate("ends_on").toLocalDate()));
			});
		Map<Long, National> national = new HashMap<>();
		jdbc.sql("SELECT * FROM national_monitoring_link WHERE system_id IN (:ids)").param("ids", ids).query(rs -> {
			boolean connected = rs.getBoolean("connected");
			national.put(rs.getLong("system_id"), new National(connected ? State.MET : State.NOT_MET, connected,
					rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()));
		});
		Independent none = new Independent(State.NOT_MET, null, null, null, null, null, null);
		National unrecorded = new National(State.NOT_RECORDED, null, null, null, null);
		return list.stream()
			.map(s -> new Layers(s, onSite.get(s.ownerAgencyId()), monitoring(s),
					assessed.getOrDefault(s.id(), engaged.getOrDefault(s.id(), none)),
					national.getOrDefault(s.id(), unrecorded)))
			.toList();
	}

	private Monitoring monitoring(InformationSystem s) {
		Long organisation = s.monitoringKind() == MonitoringKind.ORGANISATION ? s.monitoringOrganisationId() : null;
		return new Monitoring(s.monitoringKind() == MonitoringKind.NONE ? State.NOT_MET : State.MET, s.monitoringKind(),
				organisation, organisation == null ? null : organisations.name(organisation).orElse(null));
	}

	/**
	 * Records whether the system is connected to the national monitoring system (the
	 * owner's writers and the province), audited.
	 */
	@Transactional
	public Layers recordNationalConnection(long systemId, boolean connected, @Nullable String note) {
		InformationSystem system = systems.get(systemId);
		if (!access.mayWriteFor(system.ownerAgencyId())) {
			throw new AccessDeniedException("recorded by the owner agency or the province");
		}
		String text = Engagements.text("note", note, 2000);
		Boolean before = jdbc.sql("SELECT connected FROM national_monitoring_link WHERE system_id = :s")
			.param("s", systemId)
			.query(Boolean.class)
			.optional()
			.orElse(null);
		Timestamp now = Timestamp.from(Instant.now());
		// NB: an upsert both databases take, which never fails on a concurrent insert
		jdbc.sql("""
				INSERT INTO national_monitoring_link (system_id, agency_id, connected, note, recorded_by, recorded_at)
				VALUES (:s, :agency, :connected, :note, :by, :at) ON CONFLICT DO NOTHING""")
			.param("s", systemId)
			.param("agency", system.ownerAgencyId())
			.param("connected", connected)
			.param("note", text)
			.param("by", access.actor())
			.param("at", now)
			.update();
		jdbc.sql("""
				UPDATE national_monitoring_link SET agency_id = :agency, connected = :connected, note = :note,
				  recorded_by = :by, recorded_at = :at WHERE system_id = :s""")
			.param("s", systemId)
			.param("agency", system.ownerAgencyId())
			.param("connected", connected)
			.param("note", text)
			.param("by", access.actor())
			.param("at", now)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("connected", connected);
		if (text != null) {
			after.put("note", text);
		}
		audit.record("NATIONAL_CONNECTION_RECORDED", "information_system", systemId,
				before == null ? null : Map.of("connected", before), after);
		return of(systemId);
	}

}
