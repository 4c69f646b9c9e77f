package vn.khien.compliance;

import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.law.LevelProposal;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.law.TimeLimit;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Security-level dossiers (R3.1): drafted by the owner agency for one of its systems,
 * with the level the criteria wizard proposes under the pack in force; submitted when
 * every part the pack asks for at that level is given; taken up, appraised and approved
 * by the roles that act for the authorities the pack names for that level, within the
 * pack's time limits; or returned with comments. The approved level is written to the
 * system. Every move is audited and kept as a step.
 */
@Service
public class Dossiers {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final int COUNT_CAP = 10_000;

	/** The file of the approval decision, beside the pack's parts. */
	public static final String DECISION = "decision";

	private static final String COLUMNS = """
			d.id, d.agency_id, d.system_id, d.pack_id, d.security_level, d.criterion_id, d.criterion_citation, d.status,
			d.submitted_at, d.appraisal_due, d.appraised_at, d.approval_due, d.decided_at, d.decision_number,
			d.decision_date, d.decision_signer, d.decision_file_id, d.last_comment, d.created_by, d.created_at,
			d.updated_at""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final Systems systems;

	private final RulePacks packs;

	private final LevelProposals proposals;

	private final AuditLog audit;

	private final FileStore files;

	private final ComplianceSettings settings;

	Dossiers(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, Systems systems, RulePacks packs,
			LevelProposals proposals, AuditLog audit, FileStore files, ComplianceSettings settings) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.systems = systems;
		this.packs = packs;
		this.proposals = proposals;
		this.audit = audit;
		this.files = files;
		this.settings = settings;
	}

	/**
	 * @param agencyId that agency and those below it
	 * @param overdue only dossiers past an appraisal or approval time limit
	 */
	public record Filter(@Nullable Long agencyId, @Nullable Long systemId, @Nullable DossierStatus status,
			@Nullable Boolean overdue) {
	}

	/**
	 * A move asked for: the status to go to, a note (required to return), the decision.
	 */
	public record Move(DossierStatus to, @Nullable String note, @Nullable String decisionNumber,
			@Nullable LocalDate decisionDate, @Nullable String decisionSigner) {
	}

	/** Dossiers in the caller's scope, the newest first. */
	public PageResult<Dossier> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String order = page.orderBy(Map.of("id", "d.id"), "d.id DESC");
		StringBuilder where = new StringBuilder(scope.filter("d.agency_id"));
		Map<String, Object> params = new HashMap<>();
		if (filter.agencyId() != null) {
			where.append(" AND d.agency_id IN (:within)");
			params.put("within", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.systemId() != null) {
			where.append(" AND d.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.status() != null) {
			where.append(" AND d.status = :status");
			params.put("status", filter.status().name());
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			where.append(" AND ((d.status = 'UNDER_APPRAISAL' AND d.appraisal_due < :today)"
					+ " OR (d.status = 'APPRAISED' AND d.approval_due < :today))");
			params.put("today", Date.valueOf(LocalDate.now(ZONE)));
		}
		var items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM dossier d WHERE " + where + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
				.params(params))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs, List.of(), List.of()))
			.list();
		long total = scope
			.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM dossier d WHERE " + where + " LIMIT " + (COUNT_CAP + 1)
					+ ") c")
				.params(params))
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/** The dossier with its parts and steps, or 404 outside the caller's scope. */
	public Dossier get(long id) {
		AgencyScope scope = currentUser.scope();
		Dossier head = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM dossier d WHERE d.id = :id AND " + scope.filter("d.agency_id"))
				.param("id", id))
			.query((rs, n) -> map(rs, List.of(), List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("dossier", id));
		return withDetail(head);
	}

	/**
	 * Drafts a dossier for the system at the level the pack in force today proposes for
	 * its inventory facts, or at {@code level} when the owner proposes another one (the
	 * justification part says why). One open dossier per system (dossier_open).
	 */
	@Transactional
	public Dossier create(long systemId, @Nullable Integer level) {
		InformationSystem system = systems.get(systemId);
		if (!currentUser.mayEdit(system.ownerAgencyId())) {
			throw InvalidInputException.withStatus(403, "dossier.create.notOwner");
		}
		if (level != null && (level < 1 || level > 5)) {
			throw new InvalidInputException("level", "dossier.level.range");
		}
		boolean open = jdbc.sql("SELECT COUNT(*) FROM dossier WHERE system_id = :s AND status <> 'APPROVED'")
			.param("s", systemId)
			.query(Long.class)
			.single() > 0;
		if (open) {
			throw InvalidInputException.conflict("systemId", "dossier.create.open", system.code());
		}
		LocalDate today = LocalDate.now(ZONE);
		LevelProposal proposal = proposals.propose(today, LevelProposals.factsOf(system));
		int chosen = level != null ? level : proposal.level();
		boolean byCriterion = chosen == proposal.level();
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dossier (agency_id, system_id, pack_id, security_level, criterion_id, criterion_citation,
				  status, created_by, created_at, updated_at)
				VALUES (:agency, :system, :pack, :level, :criterion, :citation, 'DRAFT', :by, :now, :now)""")
			.param("agency", system.ownerAgencyId())
			.param("system", systemId)
			.param("pack", proposal.pack())
			.param("level", chosen)
			.param("criterion", byCriterion ? proposal.criterion().id() : null)
			.param("citation", byCriterion ? proposal.criterion().citation() : null)
			.param("by", currentUser.name())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		// NB: the check above answers the common case; this row holds against two drafts
		// at once
		try {
			jdbc.sql("INSERT INTO dossier_open (system_id, dossier_id) VALUES (:s, :d)")
				.param("s", systemId)
				.param("d", id)
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw InvalidInputException.conflict("systemId", "dossier.create.open", system.code());
		}
		step(id, system.ownerAgencyId(), null, DossierStatus.DRAFT, null);
		Dossier created = get(id);
		audit.record("DOSSIER_CREATED", "dossier", id, null, summary(created));
		return created;
	}

	/** Writes a part's text while the owner drafts. */
	@Transactional
	public Dossier writePart(long id, String partId, @Nullable String content) {
		Dossier dossier = editable(id);
		partOf(dossier, partId);
		if (content != null && content.length() > 20_000) {
			throw new InvalidInputException("content", "dossier.part.tooLong", 20_000);
		}
		Long file = dossier.parts()
			.stream()
			.filter(p -> p.id().equals(partId))
			.findFirst()
			.map(Dossier.Part::fileId)
			.orElse(null);
		savePart(dossier, partId, blankToNull(content), file);
		audit.record("DOSSIER_PART", "dossier", id, null,
				Map.of("part", partId, "length", content == null ? 0 : content.length()));
		return get(id);
	}

	/**
	 * Attaches a file to a part while the owner drafts, or the decision to an approved
	 * dossier (by whoever approved it), stored as received and kept as a record.
	 */
	@Transactional
	public Dossier attach(long id, String partId, InputStream in, String filename, @Nullable String contentType) {
		Dossier dossier = get(id);
		if (DECISION.equals(partId)) {
			if (dossier.status() != DossierStatus.APPROVED) {
				throw new InvalidInputException("part", "dossier.decision.notApproved");
			}
			requireAuthority(dossier, RulePack.Approval::approver);
		}
		else {
			dossier = editable(id);
			partOf(dossier, partId);
		}
		checkType(filename, contentType);
		FileStore.StoredFile file = files.storeFor(dossier.agencyId(), in, filename, contentType,
				settings.maxUploadBytes());
		if (file.size() == 0) {
			throw new InvalidInputException("file", "dossier.file.empty");
		}
		files.keep(file.id());
		if (DECISION.equals(partId)) {
			jdbc.sql("UPDATE dossier SET decision_file_id = :f, updated_at = :now WHERE id = :id")
				.param("f", file.id())
				.param("now", Timestamp.from(Instant.now()))
				.param("id", id)
				.update();
		}
		else {
			String content = dossier.parts()
				.stream()
				.filter(p -> p.id().equals(partId))
				.findFirst()
				.map(Dossier.Part::content)
				.orElse(null);
			savePart(dossier, partId, content, file.id());
		}
		audit.record("DOSSIER_FILE", "dossier", id, null,
				Map.of("part", partId, "fileId", file.id(), "filename", file.filename(), "sha256", file.sha256()));
		return get(id);
	}

	/** A file of the dossier (a part's or the decision), or 404. */
	public FileStore.StoredFile file(long id, long fileId) {
		Dossier dossier = get(id);
		boolean belongs = dossier.parts().stream().anyMatch(p -> Long.valueOf(fileId).equals(p.fileId()))
				|| Long.valueOf(fileId).equals(dossier.decisionFileId());
		if (!belongs) {
			throw new NotFoundException("file", fileId);
		}
		return files.find(fileId).orElseThrow(() -> new NotFoundException("file", fileId));
	}

	public InputStream open(FileStore.StoredFile file) {
		return files.open(file);
	}

	/**
	 * Moves the dossier one step, if the caller may and the step follows from where it
	 * is.
	 */
	@Transactional
	public Dossier move(long id, Move move) {
		lock(id);
		Dossier dossier = get(id);
		DossierStatus from = dossier.status();
		DossierStatus to = move.to();
		String note = blankToNull(move.note());
		if (note != null && note.length() > 4000) {
			throw new InvalidInputException("note", "dossier.note.tooLong", 4000);
		}
		RulePack pack = packs.get(dossier.pack());
		RulePack.Approval approval = pack.approval(dossier.level())
			.orElseThrow(() -> new InvalidInputException("level", "dossier.level.noApproval", dossier.level()));
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(ZONE);
		switch (to) {
			case SUBMITTED -> {
				expect(from, to, DossierStatus.DRAFT, DossierStatus.RETURNED);
				if (!currentUser.mayEdit(dossier.agencyId())) {
					throw InvalidInputException.withStatus(403, "dossier.move.notOwner");
				}
				List<String> missing = dossier.parts()
					.stream()
					.filter(p -> !p.given())
					.map(Dossier.Part::title)
					.toList();
				if (!missing.isEmpty()) {
					throw new InvalidInputException("parts", "dossier.submit.missing", String.join("; ", missing));
				}
				update(id, "status = 'SUBMITTED', submitted_at = :now, appraisal_due = NULL, approval_due = NULL",
						Map.of("now", Timestamp.from(now)));
				InformationSystem system = systems.get(dossier.systemId());
				systems.setSecurityLevel(system.id(), dossier.level(), system.securityLevelApproved());
			}
			case UNDER_APPRAISAL -> {
				expect(from, to, DossierStatus.SUBMITTED);
				requireAuthority(dossier, RulePack.Approval::appraiser);
				update(id, "status = 'UNDER_APPRAISAL', appraisal_due = :due",
						params("due", dueDate(approval.appraisalTime(), today)));
			}
			case APPRAISED -> {
				expect(from, to, DossierStatus.UNDER_APPRAISAL);
				requireAuthority(dossier, RulePack.Approval::appraiser);
				update(id, "status = 'APPRAISED', appraised_at = :now, approval_due = :due",
						params("now", Timestamp.from(now), "due", dueDate(approval.approvalTime(), today)));
			}
			case APPROVED -> {
				expect(from, to, DossierStatus.APPRAISED);
				requireAuthority(dossier, RulePack.Approval::approver);
				String number = required("decisionNumber", move.decisionNumber(), 100);
				String signer = required("decisionSigner", move.decisionSigner(), 200);
				LocalDate date = move.decisionDate();
				if (date == null) {
					throw new InvalidInputException("decisionDate", "dossier.decision.date");
				}
				if (date.isAfter(today) || date.isBefore(today.minusYears(5))) {
					throw new InvalidInputException("decisionDate", "dossier.decision.dateRange");
				}
				update(id, """
						status = 'APPROVED', decided_at = :now, decision_number = :number, decision_date = :date,
						decision_signer = :signer""", params("now", Timestamp.from(now), "number", number, "date",
						Date.valueOf(date), "signer", signer));
				systems.setSecurityLevel(dossier.systemId(), dossier.level(), dossier.level());
				jdbc.sql("DELETE FROM dossier_open WHERE dossier_id = :id").param("id", id).update();
			}
			case RETURNED -> {
				expect(from, to, DossierStatus.SUBMITTED, DossierStatus.UNDER_APPRAISAL, DossierStatus.APPRAISED);
				requireAuthority(dossier,
						from == DossierStatus.APPRAISED ? RulePack.Approval::approver : RulePack.Approval::appraiser);
				if (note == null) {
					throw new InvalidInputException("note", "dossier.return.comment");
				}
				update(id, "status = 'RETURNED', last_comment = :note", params("note", note));
			}
			case DRAFT -> throw new InvalidInputException("to", "dossier.move.unknown", to.code());
		}
		step(id, dossier.agencyId(), from, to, note);
		Dossier after = get(id);
		audit.record("DOSSIER_MOVED", "dossier", id, Map.of("status", from.code()), summary(after));
		return after;
	}

	/**
	 * Whether the caller acts for the authority the pack names for this dossier's step.
	 */
	public boolean mayAct(Dossier dossier, java.util.function.Function<RulePack.Approval, RulePack.Authority> who) {
		KhienUser user = currentUser.find().orElse(null);
		if (user == null) {
			return false;
		}
		return packs.get(dossier.pack())
			.approval(dossier.level())
			.map(a -> settings.rolesOf(who.apply(a)).stream().anyMatch(user::has))
			.orElse(false);
	}

	public boolean mayEdit(Dossier dossier) {
		return currentUser.mayEdit(dossier.agencyId());
	}

	private void requireAuthority(Dossier dossier,
			java.util.function.Function<RulePack.Approval, RulePack.Authority> who) {
		if (!mayAct(dossier, who)) {
			RulePack.Authority authority = packs.get(dossier.pack()).approval(dossier.level()).map(who).orElse(null);
			throw InvalidInputException.withStatus(403, "dossier.move.notAuthority",
					authority == null ? "" : authority.name());
		}
	}

	private static void expect(DossierStatus from, DossierStatus to, DossierStatus... allowed) {
		for (DossierStatus s : allowed) {
			if (s == from) {
				return;
			}
		}
		throw InvalidInputException.conflict("to", "dossier.move.outOfOrder", from.code(), to.code());
	}

	private Dossier editable(long id) {
		Dossier dossier = get(id);
		if (!currentUser.mayEdit(dossier.agencyId())) {
			throw InvalidInputException.withStatus(403, "dossier.move.notOwner");
		}
		if (dossier.status() != DossierStatus.DRAFT && dossier.status() != DossierStatus.RETURNED) {
			throw InvalidInputException.conflict("status", "dossier.part.locked", dossier.status().code());
		}
		return dossier;
	}

	private static Dossier.Part partOf(Dossier dossier, String partId) {
		return dossier.parts()
			.stream()
			.filter(p -> p.id().equals(partId))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("part", "dossier.part.unknown", partId, dossier.level()));
	}

	private static void checkType(String filename, @Nullable String contentType) {
		String name = filename.toLowerCase(java.util.Locale.ROOT);
		Set<String> allowed = Set.of(".pdf", ".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".png", ".jpg", ".jpeg",
				".zip", ".txt");
		if (allowed.stream().noneMatch(name::endsWith)) {
			throw new InvalidInputException("file", "dossier.file.type",
					String.join(", ", allowed.stream().sorted().toList()));
		}
	}

	private void savePart(Dossier dossier, String partId, @Nullable String content, @Nullable Long fileId) {
		jdbc.sql("DELETE FROM dossier_part WHERE dossier_id = :id AND part_id = :part")
			.param("id", dossier.id())
			.param("part", partId)
			.update();
		jdbc.sql("""
				INSERT INTO dossier_part (dossier_id, part_id, content, file_id, updated_by, updated_at)
				VALUES (:id, :part, :content, :file, :by, :now)""")
			.param("id", dossier.id())
			.param("part", partId)
			.param("content", content)
			.param("file", fileId)
			.param("by", currentUser.name())
			.param("now", Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("UPDATE dossier SET updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", dossier.id())
			.update();
	}

	private void update(long id, String set, Map<String, Object> params) {
		jdbc.sql("UPDATE dossier SET " + set + ", updated_at = :updated WHERE id = :id")
			.params(params)
			.param("updated", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
	}

	private static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	/** The due date of a pack's time limit; a limit the pack does not set gives none. */
	private static @Nullable Date dueDate(@Nullable TimeLimit limit, LocalDate from) {
		LocalDate due = limit == null ? null : limit.after(from);
		return due == null ? null : Date.valueOf(due);
	}

	/** Locks the dossier's row for the move, or 404 outside the caller's scope. */
	private void lock(long id) {
		AgencyScope scope = currentUser.scope();
		boolean found = !scope
			.bind(jdbc
				.sql("SELECT d.id FROM dossier d WHERE d.id = :id AND " + scope.filter("d.agency_id") + " FOR UPDATE")
				.param("id", id))
			.query(Long.class)
			.list()
			.isEmpty();
		if (!found) {
			throw new NotFoundException("dossier", id);
		}
	}

	private void step(long id, long agencyId, @Nullable DossierStatus from, DossierStatus to, @Nullable String note) {
		jdbc.sql("""
				INSERT INTO dossier_step (dossier_id, agency_id, step_at, actor, from_status, to_status, note)
				VALUES (:id, :agency, :at, :actor, :from, :to, :note)""")
			.param("id", id)
			.param("agency", agencyId)
			.param("at", Timestamp.from(Instant.now()))
			.param("actor", currentUser.name())
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("note", note)
			.update();
	}

	private static String required(String field, @Nullable String value, int max) {
		String v = blankToNull(value);
		if (v == null) {
			throw new InvalidInputException(field, "dossier.decision.required");
		}
		if (v.length() > max) {
			throw new InvalidInputException(field, "dossier.note.tooLong", max);
		}
		return v;
	}

	private Dossier withDetail(Dossier head) {
		RulePack pack = packs.get(head.pack());
		Map<String, Object[]> given = new HashMap<>();
		jdbc.sql("SELECT part_id, content, file_id, updated_by, updated_at FROM dossier_part WHERE dossier_id = :id")
			.param("id", head.id())
			.query(rs -> {
				Long fileId = rs.getObject(3, Long.class);
				String fileName = fileId == null ? null
						: files.find(fileId).map(FileStore.StoredFile::filename).orElse(null);
				given.put(rs.getString(1), new Object[] { rs.getString(2), fileId, fileName, rs.getString(4),
						rs.getTimestamp(5).toInstant() });
			});
		List<Dossier.Part> parts = new ArrayList<>();
		for (RulePack.DossierPart p : pack.dossierParts(head.level())) {
			Object[] g = given.get(p.id());
			parts.add(
					g == null ? new Dossier.Part(p.id(), p.title(), p.source().citation(), null, null, null, null, null)
							: new Dossier.Part(p.id(), p.title(), p.source().citation(), (String) g[0], (Long) g[1],
									(String) g[2], (String) g[3], (Instant) g[4]));
		}
		List<Dossier.Step> steps = jdbc
			.sql("""
					SELECT step_at, actor, from_status, to_status, note FROM dossier_step WHERE dossier_id = :id ORDER BY id""")
			.param("id", head.id())
			.query((rs, n) -> new Dossier.Step(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getString(3) == null ? null : DossierStatus.valueOf(rs.getString(3)),
					DossierStatus.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
		return new Dossier(head.id(), head.agencyId(), head.systemId(), head.pack(), head.level(), head.criterionId(),
				head.criterionCitation(), head.status(), head.submittedAt(), head.appraisalDue(), head.appraisedAt(),
				head.approvalDue(), head.decidedAt(), head.decisionNumber(), head.decisionDate(), head.decisionSigner(),
				head.decisionFileId(), head.lastComment(), head.createdBy(), head.createdAt(), head.updatedAt(),
				List.copyOf(parts), steps);
	}

	private static Map<String, Object> summary(Dossier d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("systemId", d.systemId());
		m.put("agencyId", d.agencyId());
		m.put("pack", d.pack());
		m.put("level", d.level());
		m.put("status", d.status().code());
		if (d.decisionNumber() != null) {
			m.put("decisionNumber", d.decisionNumber());
		}
		return m;
	}

	private static Dossier map(ResultSet rs, List<Dossier.Part> parts, List<Dossier.Step> steps) throws SQLException {
		return new Dossier(rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("system_id"), rs.getString("pack_id"),
				rs.getInt("security_level"), rs.getString("criterion_id"), rs.getString("criterion_citation"),
				DossierStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"), date(rs, "appraisal_due"),
				instant(rs, "appraised_at"), date(rs, "approval_due"), instant(rs, "decided_at"),
				rs.getString("decision_number"), date(rs, "decision_date"), rs.getString("decision_signer"),
				rs.getObject("decision_file_id", Long.class), rs.getString("last_comment"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), parts, steps);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
