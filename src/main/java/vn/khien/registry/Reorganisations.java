package vn.khien.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.Accounts;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * Merging agencies into a successor and splitting one agency into several, on an
 * effective date. Each operation is one transaction: statuses, children, accounts,
 * history and the {@link AgenciesMerged} event that lets other modules move their
 * records.
 */
@Service
public class Reorganisations {

	public enum Kind {

		MERGE, SPLIT

	}

	public enum PartRole {

		SOURCE, TARGET

	}

	/** An agency created by the operation itself. */
	public record NewAgency(String code, String name, AgencyKind kind, @Nullable Long parentId) {
	}

	/** Exactly one of {@code successorId} and {@code newSuccessor}. */
	public record Merge(List<Long> sourceIds, @Nullable Long successorId, @Nullable NewAgency newSuccessor,
			LocalDate effective, @Nullable String note) {
	}

	/**
	 * A split target: an existing agency ({@code agencyId}) or one to create
	 * ({@code create}).
	 */
	public record Target(@Nullable Long agencyId, @Nullable NewAgency create) {
	}

	/**
	 * {@code recordsTo}: index in {@code targets} of the agency that takes over the
	 * source's records.
	 */
	public record Split(long sourceId, List<Target> targets, int recordsTo, LocalDate effective,
			@Nullable String note) {
	}

	public record Part(long agencyId, String code, String name, AgencyStatus status, PartRole role,
			boolean takesRecords) {
	}

	/**
	 * {@code leftBehind}: by kind of record, how many other modules could not move to the
	 * successor and left with the sources ({@link RecordsLeftBehind}).
	 */
	public record Reorganisation(long id, Kind kind, LocalDate effectiveDate, @Nullable String note, String createdBy,
			Instant createdAt, List<Part> parts, Map<String, Long> leftBehind) {

		public List<Part> sources() {
			return parts.stream().filter(p -> p.role() == PartRole.SOURCE).toList();
		}

		public List<Part> targets() {
			return parts.stream().filter(p -> p.role() == PartRole.TARGET).toList();
		}
	}

	public static final int MAX_NOTE = 1000;

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final AgencyManagement management;

	private final AgencyTree tree;

	private final Accounts accounts;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<RecordsLeftBehind> leftBehind;

	Reorganisations(JdbcClient jdbc, Agencies agencies, AgencyManagement management, AgencyTree tree, Accounts accounts,
			AuditLog audit, CurrentUser currentUser, ApplicationEventPublisher events,
			ObjectProvider<RecordsLeftBehind> leftBehind) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.management = management;
		this.tree = tree;
		this.accounts = accounts;
		this.audit = audit;
		this.currentUser = currentUser;
		this.events = events;
		this.leftBehind = leftBehind;
	}

	/**
	 * An effective date as typed: ISO (2025-07-01) or dd/MM/yyyy; never in the future.
	 */
	public static LocalDate parseDate(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("effectiveDate", "reorg.effective.required");
		}
		String t = text.trim();
		LocalDate date;
		try {
			date = t.contains("/") ? LocalDate.parse(t, DMY) : LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("effectiveDate", "reorg.effective.invalid", t);
		}
		return date;
	}

	@Transactional
	public Reorganisation merge(Merge merge) {
		checkDate(merge.effective());
		checkNote(merge.note());
		if (merge.sourceIds().isEmpty()) {
			throw new InvalidInputException("sourceIds", "reorg.merge.noSources");
		}
		if ((merge.successorId() == null) == (merge.newSuccessor() == null)) {
			throw new InvalidInputException("successorId", "reorg.merge.successorRequired");
		}
		lock(merge.sourceIds());
		List<Agency> sources = activeSources(merge.sourceIds());
		Set<Long> sourceIds = new LinkedHashSet<>(merge.sourceIds());
		if (merge.successorId() != null) {
			if (sourceIds.contains(merge.successorId())) {
				throw new InvalidInputException("successorId", "reorg.merge.successorIsSource");
			}
			Agency successor = known("successorId", merge.successorId());
			if (successor.status() != AgencyStatus.ACTIVE) {
				throw new InvalidInputException("successorId", "reorg.successor.inactive", successor.code());
			}
			for (Agency source : sources) {
				if (tree.isSelfOrDescendant(successor.id(), source.id())) {
					throw new InvalidInputException("successorId", "reorg.merge.cycle", source.code(),
							successor.code());
				}
			}
		}
		else {
			checkNewAgencies(List.of(merge.newSuccessor()), "newSuccessor");
			Long parent = merge.newSuccessor().parentId();
			for (Agency source : sources) {
				if (parent != null && tree.isSelfOrDescendant(parent, source.id())) {
					throw new InvalidInputException("newSuccessor.parentId", "reorg.newAgency.parentInside",
							source.code());
				}
			}
		}
		Map<Long, Agency> before = snapshot(sourceIds);
		long successorId = merge.successorId() != null ? merge.successorId()
				: create(merge.newSuccessor(), merge.effective()).id();
		for (Agency source : sources) {
			retire(source, AgencyStatus.MERGED, successorId, merge.effective());
		}
		long id = insert(Kind.MERGE, merge.effective(), merge.note());
		for (Agency source : sources) {
			insertPart(id, source.id(), PartRole.SOURCE, false);
		}
		insertPart(id, successorId, PartRole.TARGET, true);
		events.publishEvent(new AgenciesMerged(List.copyOf(sourceIds), successorId, merge.effective()));
		Reorganisation after = load(id);
		audit.record("MERGE", "reorganisation", id, before, after);
		return after;
	}

	@Transactional
	public Reorganisation split(Split split) {
		checkDate(split.effective());
		checkNote(split.note());
		lock(List.of(split.sourceId()));
		Agency source = activeSources(List.of(split.sourceId())).get(0);
		if (split.targets().size() < 2) {
			throw new InvalidInputException("targets", "reorg.split.twoTargets");
		}
		if (split.recordsTo() < 0 || split.recordsTo() >= split.targets().size()) {
			throw new InvalidInputException("recordsTo", "reorg.split.recordsTo");
		}
		Set<Long> existing = new HashSet<>();
		List<NewAgency> created = new ArrayList<>();
		for (Target target : split.targets()) {
			if ((target.agencyId() == null) == (target.create() == null)) {
				throw new InvalidInputException("targets", "reorg.split.targetRequired");
			}
			if (target.agencyId() != null) {
				Agency agency = known("targets", target.agencyId());
				if (agency.id() == source.id()) {
					throw new InvalidInputException("targets", "reorg.split.targetIsSource");
				}
				if (!existing.add(agency.id())) {
					throw new InvalidInputException("targets", "reorg.split.targetTwice", agency.code());
				}
				if (agency.status() != AgencyStatus.ACTIVE) {
					throw new InvalidInputException("targets", "reorg.successor.inactive", agency.code());
				}
				if (tree.isSelfOrDescendant(agency.id(), source.id())) {
					throw new InvalidInputException("targets", "reorg.split.targetInside", agency.code(),
							source.code());
				}
			}
			else {
				created.add(target.create());
				Long parent = target.create().parentId();
				if (parent != null && tree.isSelfOrDescendant(parent, source.id())) {
					throw new InvalidInputException("targets", "reorg.newAgency.parentInside", source.code());
				}
			}
		}
		checkNewAgencies(created, "targets");
		Map<Long, Agency> before = snapshot(Set.of(source.id()));
		List<Long> targetIds = new ArrayList<>();
		for (Target target : split.targets()) {
			targetIds
				.add(target.agencyId() != null ? target.agencyId() : create(target.create(), split.effective()).id());
		}
		long heir = targetIds.get(split.recordsTo());
		retire(source, AgencyStatus.SPLIT, heir, split.effective());
		long id = insert(Kind.SPLIT, split.effective(), split.note());
		insertPart(id, source.id(), PartRole.SOURCE, false);
		for (int i = 0; i < targetIds.size(); i++) {
			insertPart(id, targetIds.get(i), PartRole.TARGET, i == split.recordsTo());
		}
		events.publishEvent(new AgenciesMerged(List.of(source.id()), heir, split.effective()));
		Reorganisation after = load(id);
		audit.record("SPLIT", "reorganisation", id, before, after);
		return after;
	}

	/** The reorganisation, or 404 when it touches no agency in the user's scope. */
	public Reorganisation get(long id) {
		AgencyScope scope = currentUser.scope();
		boolean visible = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM reorganisation_part p WHERE p.reorganisation_id = :id AND "
					+ scope.filter("p.agency_id"))
				.param("id", id))
			.query(Long.class)
			.single() > 0;
		if (!visible) {
			throw new NotFoundException("reorganisation", id);
		}
		return load(id);
	}

	/**
	 * Reorganisations touching an agency in scope, newest effective date first;
	 * optionally one agency's.
	 */
	public PageResult<Reorganisation> list(@Nullable Long agencyId, @Nullable Kind kind, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		StringBuilder where = new StringBuilder(
				"EXISTS (SELECT 1 FROM reorganisation_part p WHERE p.reorganisation_id = r.id AND "
						+ scope.filter("p.agency_id") + ")");
		if (agencyId != null) {
			where.append(
					" AND EXISTS (SELECT 1 FROM reorganisation_part q WHERE q.reorganisation_id = r.id AND q.agency_id = :agency)");
		}
		if (kind != null) {
			where.append(" AND r.kind = :kind");
		}
		String order = page.orderBy(
				Map.of("effectiveDate", "r.effective_date", "createdAt", "r.created_at", "kind", "r.kind"),
				"r.effective_date DESC");
		var count = filter(scope.bind(jdbc.sql("SELECT COUNT(*) FROM reorganisation r WHERE " + where)), agencyId,
				kind);
		long total = count.query(Long.class).single();
		List<Long> ids = filter(scope.bind(jdbc.sql("SELECT r.id FROM reorganisation r WHERE " + where + " ORDER BY "
				+ order + ", r.id DESC LIMIT :limit OFFSET :offset")), agencyId, kind)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		return new PageResult<>(ids.stream().map(this::load).toList(), page.page(), page.size(), total);
	}

	/** For the agency page: every reorganisation the agency took part in. */
	public List<Reorganisation> of(long agencyId) {
		return list(agencyId, null, PageQuery.of(0, PageQuery.MAX_SIZE, "-effectiveDate")).items();
	}

	private static JdbcClient.StatementSpec filter(JdbcClient.StatementSpec spec, @Nullable Long agencyId,
			@Nullable Kind kind) {
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		if (kind != null) {
			spec = spec.param("kind", kind.name());
		}
		return spec;
	}

	/** The source goes, its sub-units move to the heir, and so do its accounts. */
	private void retire(Agency source, AgencyStatus status, long heir, LocalDate effective) {
		// merged or split sub-units are history: they stay where they were when they
		// ended
		List<Long> children = jdbc.sql("""
				SELECT id FROM agency WHERE parent_id = :id AND status IN ('ACTIVE', 'INACTIVE') ORDER BY id""")
			.param("id", source.id())
			.query(Long.class)
			.list();
		for (long child : children) {
			management.move(child, heir, effective);
		}
		management.setStatus(source.id(), status, heir, effective);
		accounts.reassignAgency(source.id(), heir);
	}

	/**
	 * Two operations on the same agency at once: the second waits, then finds it no
	 * longer active.
	 */
	private void lock(List<Long> ids) {
		List<Long> known = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		if (!known.isEmpty()) {
			jdbc.sql("SELECT id FROM agency WHERE id IN (:ids) FOR UPDATE")
				.param("ids", known)
				.query(Long.class)
				.list();
		}
	}

	private Agency create(NewAgency agency, LocalDate effective) {
		return management.create(new AgencyDetails(agency.code(), agency.name(), agency.kind(), agency.parentId(), null,
				null, null, null, null), effective);
	}

	private List<Agency> activeSources(List<Long> ids) {
		Set<Long> seen = new HashSet<>();
		List<Agency> result = new ArrayList<>();
		for (Long id : ids) {
			if (id == null) {
				throw new InvalidInputException("sourceIds", "reorg.agency.unknown", "null");
			}
			Agency agency = known("sourceIds", id);
			if (!seen.add(id)) {
				throw new InvalidInputException("sourceIds", "reorg.source.twice", agency.code());
			}
			if (agency.status() != AgencyStatus.ACTIVE) {
				throw new InvalidInputException("sourceIds", "reorg.source.inactive", agency.code());
			}
			result.add(agency);
		}
		return result;
	}

	private Agency known(String field, long id) {
		return agencies.find(id).orElseThrow(() -> new InvalidInputException(field, "reorg.agency.unknown", id));
	}

	private void checkNewAgencies(List<NewAgency> created, String field) {
		Set<String> codes = new HashSet<>();
		for (NewAgency agency : created) {
			if (agency.code() == null || agency.code().isBlank() || agency.name() == null || agency.name().isBlank()
					|| agency.kind() == null) {
				throw new InvalidInputException(field, "reorg.newAgency.incomplete");
			}
			if (agency.code().trim().length() > 50 || agency.name().trim().length() > 255) {
				throw new InvalidInputException(field, "reorg.newAgency.tooLong");
			}
			if (!codes.add(agency.code().trim())) {
				throw new InvalidInputException(field, "reorg.newAgency.duplicateCode", agency.code().trim());
			}
			if (agencies.findByCode(agency.code()).isPresent() || codeTaken(agency.code().trim())) {
				throw InvalidInputException.conflict(field, "agency.code.taken", agency.code().trim());
			}
			if (agency.parentId() != null) {
				known(field, agency.parentId());
			}
		}
	}

	private boolean codeTaken(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM agency WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	private static void checkDate(@Nullable LocalDate effective) {
		if (effective == null) {
			throw new InvalidInputException("effectiveDate", "reorg.effective.required");
		}
		if (effective.isAfter(AgencyManagement.today())) {
			throw new InvalidInputException("effectiveDate", "reorg.effective.future", effective.format(DMY));
		}
		if (effective.getYear() < 1945) {
			throw new InvalidInputException("effectiveDate", "reorg.effective.invalid", effective.format(DMY));
		}
	}

	private static void checkNote(@Nullable String note) {
		if (note != null && note.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "reorg.note.tooLong", MAX_NOTE);
		}
	}

	private Map<Long, Agency> snapshot(Set<Long> ids) {
		Map<Long, Agency> map = new LinkedHashMap<>();
		for (long id : ids) {
			map.put(id, agencies.get(id));
		}
		return map;
	}

	private long insert(Kind kind, LocalDate effective, @Nullable String note) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO reorganisation (kind, effective_date, note, created_by, created_at)
				VALUES (:kind, :effective, :note, :by, :at)""")
			.param("kind", kind.name())
			.param("effective", Date.valueOf(effective))
			.param("note", note == null || note.isBlank() ? null : note.trim())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private void insertPart(long reorganisationId, long agencyId, PartRole role, boolean takesRecords) {
		jdbc.sql("""
				INSERT INTO reorganisation_part (reorganisation_id, agency_id, role, takes_records)
				VALUES (:r, :a, :role, :takes)""")
			.param("r", reorganisationId)
			.param("a", agencyId)
			.param("role", role.name())
			.param("takes", takesRecords)
			.update();
	}

	private Reorganisation load(long id) {
		List<Part> parts = jdbc.sql("""
				SELECT p.agency_id, a.code, a.name, a.status, p.role, p.takes_records FROM reorganisation_part p
				JOIN agency a ON a.id = p.agency_id WHERE p.reorganisation_id = :id ORDER BY p.role, a.code""")
			.param("id", id)
			.query(Reorganisations::part)
			.list();
		return jdbc
			.sql("SELECT id, kind, effective_date, note, created_by, created_at FROM reorganisation WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Reorganisation(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					rs.getDate("effective_date").toLocalDate(), rs.getString("note"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(), parts, leftBehind(parts)))
			.optional()
			.orElseThrow(() -> new NotFoundException("reorganisation", id));
	}

	private Map<String, Long> leftBehind(List<Part> parts) {
		List<Long> sources = parts.stream().filter(p -> p.role() == PartRole.SOURCE).map(Part::agencyId).toList();
		Map<String, Long> counts = new TreeMap<>();
		leftBehind.orderedStream()
			.forEach(kind -> counts.put(kind.kind(), sources.isEmpty() ? 0 : kind.count(sources)));
		return counts;
	}

	private static Part part(ResultSet rs, int row) throws SQLException {
		return new Part(rs.getLong("agency_id"), rs.getString("code"), rs.getString("name"),
				AgencyStatus.valueOf(rs.getString("status")), PartRole.valueOf(rs.getString("role")),
				rs.getBoolean("takes_records"));
	}

}
