package vn.khien.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.VietnameseText;

/**
 * Creating and changing agencies; every change is audited and kept in the agency's
 * history.
 */
@Service
public class AgencyManagement {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** What a user may set on an agency. */
	public record AgencyDetails(String code, String name, AgencyKind kind, @Nullable Long parentId,
			@Nullable String headName, @Nullable String headTitle, @Nullable String headPhone,
			@Nullable String headEmail, @Nullable String address) {
	}

	/**
	 * One agency of a bulk import, its parent named by code: a registered agency or
	 * another row. On an agency that exists (same code), an empty optional value keeps
	 * what is recorded.
	 */
	public record Imported(String code, String name, AgencyKind kind, @Nullable String parentCode,
			@Nullable String headName, @Nullable String headTitle, @Nullable String headPhone,
			@Nullable String headEmail, @Nullable String address) {
	}

	public record ImportedCounts(int created, int updated) {
	}

	// Keeps IN lists short enough for any database; a province has about a thousand
	// agencies.
	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Agencies agencies;

	private final AgencyTree tree;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	AgencyManagement(JdbcClient jdbc, JdbcTemplate batch, Agencies agencies, AgencyTree tree, AuditLog audit,
			CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.agencies = agencies;
		this.tree = tree;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	@Transactional
	public Agency create(AgencyDetails details) {
		return create(details, today());
	}

	/**
	 * Creates an agency whose history starts on {@code validFrom} (a reorganisation's
	 * effective date).
	 */
	@Transactional
	public Agency create(AgencyDetails details, LocalDate validFrom) {
		checkParent(details.parentId(), null);
		checkCodeFree(details.code(), null);
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO agency (code, name, name_key, kind, parent_id, head_name, head_title, head_phone, head_email,
						  address, status, created_at, updated_at)
						VALUES (:code, :name, :nameKey, :kind, :parent, :headName, :headTitle, :headPhone, :headEmail, :address,
						  'ACTIVE', :now, :now)""")
			.param("code", details.code().trim())
			.param("name", details.name().trim())
			.param("nameKey", VietnameseText.sortKey(details.name().trim()))
			.param("kind", details.kind().name())
			.param("parent", details.parentId())
			.param("headName", blankToNull(details.headName()))
			.param("headTitle", blankToNull(details.headTitle()))
			.param("headPhone", blankToNull(details.headPhone()))
			.param("headEmail", blankToNull(details.headEmail()))
			.param("address", blankToNull(details.address()))
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		treeChanged();
		Agency created = agencies.get(id);
		openHistory(created, validFrom);
		audit.record("CREATE", "agency", id, null, created);
		return created;
	}

	@Transactional
	public Agency update(long id, AgencyDetails details) {
		return update(id, details, today());
	}

	/** Changes an agency; its history records the change from {@code effective}. */
	@Transactional
	public Agency update(long id, AgencyDetails details, LocalDate effective) {
		Agency before = editable(id);
		checkParent(details.parentId(), id);
		checkCodeFree(details.code(), id);
		jdbc.sql("""
				UPDATE agency SET code = :code, name = :name, name_key = :nameKey, kind = :kind, parent_id = :parent,
				  head_name = :headName, head_title = :headTitle, head_phone = :headPhone, head_email = :headEmail,
				  address = :address, updated_at = :now WHERE id = :id""")
			.param("code", details.code().trim())
			.param("name", details.name().trim())
			.param("nameKey", VietnameseText.sortKey(details.name().trim()))
			.param("kind", details.kind().name())
			.param("parent", details.parentId())
			.param("headName", blankToNull(details.headName()))
			.param("headTitle", blankToNull(details.headTitle()))
			.param("headPhone", blankToNull(details.headPhone()))
			.param("headEmail", blankToNull(details.headEmail()))
			.param("address", blankToNull(details.address()))
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		treeChanged();
		Agency after = agencies.get(id);
		recordHistory(before, after, effective);
		audit.record("UPDATE", "agency", id, before, after);
		return after;
	}

	/**
	 * Creates and changes agencies in bulk, for the agency import: what {@link #create}
	 * and {@link #update} do for each row (history, audit), in a number of statements
	 * that does not grow with the rows but by one per thousand: one load of the registry,
	 * then batches. A row whose code is registered changes that agency; the others are
	 * created, their history starting on {@code createdFrom}; changes are recorded from
	 * today. {@code audited} false leaves the audit trail alone (a preview that is rolled
	 * back).
	 * @throws InvalidInputException a code twice, an unknown parent, a parent link that
	 * would close a loop, a change dated before its agency's recorded history;
	 * {@link NotFoundException} for an agency the caller may not change. Nothing is
	 * written then.
	 */
	@Transactional
	public ImportedCounts importAll(List<Imported> rows, LocalDate createdFrom, boolean audited) {
		Map<String, Agency> registered = new HashMap<>();
		Map<Long, String> codeById = new HashMap<>();
		for (Agency agency : agencies.all()) {
			registered.put(agency.code(), agency);
			codeById.put(agency.id(), agency.code());
		}
		Map<String, @Nullable String> parentOf = new HashMap<>();
		registered.values()
			.forEach(a -> parentOf.put(a.code(), a.parentId() == null ? null : codeById.get(a.parentId())));
		Set<String> codes = new HashSet<>();
		for (Imported row : rows) {
			if (!codes.add(row.code())) {
				throw InvalidInputException.conflict("code", "agency.code.taken", row.code());
			}
			Agency existing = registered.get(row.code());
			if (existing != null && !currentUser.mayEdit(existing.id())) {
				throw new NotFoundException("agency", existing.id());
			}
			parentOf.put(row.code(), row.parentCode());
		}
		for (Imported row : rows) {
			if (row.parentCode() != null && !registered.containsKey(row.parentCode())
					&& !codes.contains(row.parentCode())) {
				throw new InvalidInputException("parentId", "agency.parent.unknown", row.parentCode());
			}
		}
		if (!onLoops(parentOf).isEmpty()) {
			throw new InvalidInputException("parentId", "agency.parent.cycle");
		}
		LocalDate today = today();
		Timestamp now = Timestamp.from(Instant.now());

		// New agencies first, under a registered parent or none; a parent that is new
		// itself is linked once it has an id
		List<Imported> fresh = rows.stream().filter(r -> !registered.containsKey(r.code())).toList();
		List<Object[]> inserts = new ArrayList<>(fresh.size());
		for (Imported row : fresh) {
			Agency parent = row.parentCode() == null ? null : registered.get(row.parentCode());
			inserts.add(new Object[] { row.code().trim(), row.name().trim(), VietnameseText.sortKey(row.name().trim()),
					row.kind().name(), parent == null ? null : parent.id(), blankToNull(row.headName()),
					blankToNull(row.headTitle()), blankToNull(row.headPhone()), blankToNull(row.headEmail()),
					blankToNull(row.address()), now, now });
		}
		batch.batchUpdate(
				"""
						INSERT INTO agency (code, name, name_key, kind, parent_id, head_name, head_title, head_phone, head_email,
						  address, status, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""",
				inserts);
		Map<String, Long> idOf = new HashMap<>();
		registered.forEach((code, agency) -> idOf.put(code, agency.id()));
		for (List<String> chunk : chunks(fresh.stream().map(Imported::code).toList())) {
			jdbc.sql("SELECT id, code FROM agency WHERE code IN (:codes)")
				.param("codes", chunk)
				.query((RowCallbackHandler) rs -> idOf.put(rs.getString("code"), rs.getLong("id")));
		}
		List<Object[]> links = new ArrayList<>();
		List<Object[]> opened = new ArrayList<>();
		List<AuditLog.Change> changes = new ArrayList<>();
		for (Imported row : fresh) {
			long id = idOf.get(row.code());
			Long parentId = row.parentCode() == null ? null : idOf.get(row.parentCode());
			if (parentId != null && !registered.containsKey(row.parentCode())) {
				links.add(new Object[] { parentId, id });
			}
			Agency created = new Agency(id, row.code().trim(), row.name().trim(), row.kind(), parentId,
					blankToNull(row.headName()), blankToNull(row.headTitle()), blankToNull(row.headPhone()),
					blankToNull(row.headEmail()), blankToNull(row.address()), AgencyStatus.ACTIVE, null);
			opened.add(historyRow(created, createdFrom));
			changes.add(new AuditLog.Change("CREATE", "agency", id, null, created));
		}
		batch.batchUpdate("UPDATE agency SET parent_id = ? WHERE id = ?", links);

		// Then the registered agencies the file changes
		List<Object[]> updates = new ArrayList<>();
		List<Agency[]> moved = new ArrayList<>();
		for (Imported row : rows) {
			Agency before = registered.get(row.code());
			if (before == null) {
				continue;
			}
			Agency after = new Agency(before.id(), before.code(), row.name().trim(), row.kind(),
					row.parentCode() == null ? null : idOf.get(row.parentCode()),
					keep(row.headName(), before.headName()), keep(row.headTitle(), before.headTitle()),
					keep(row.headPhone(), before.headPhone()), keep(row.headEmail(), before.headEmail()),
					keep(row.address(), before.address()), before.status(), before.successorId());
			updates.add(new Object[] { after.name(), VietnameseText.sortKey(after.name()), after.kind().name(),
					after.parentId(), after.headName(), after.headTitle(), after.headPhone(), after.headEmail(),
					after.address(), now, after.id() });
			if (tracked(before, after)) {
				moved.add(new Agency[] { before, after });
			}
			changes.add(new AuditLog.Change("UPDATE", "agency", after.id(), before, after));
		}
		batch.batchUpdate(
				"""
						UPDATE agency SET name = ?, name_key = ?, kind = ?, parent_id = ?, head_name = ?, head_title = ?, head_phone = ?,
						  head_email = ?, address = ?, updated_at = ? WHERE id = ?""",
				updates);
		recordHistories(moved, today);
		batch.batchUpdate("""
				INSERT INTO agency_history (agency_id, valid_from, code, name, kind, parent_id, status)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", opened);
		if (audited) {
			audit.recordAll(changes);
		}
		treeChanged();
		return new ImportedCounts(fresh.size(), updates.size());
	}

	/**
	 * {@link #recordHistory} for many agencies changed on one day: closes their open
	 * rows; the new ones are added.
	 */
	private void recordHistories(List<Agency[]> moved, LocalDate effective) {
		if (moved.isEmpty()) {
			return;
		}
		Map<Long, LocalDate> recordedFrom = new HashMap<>();
		for (List<Agency[]> chunk : chunks(moved)) {
			jdbc.sql(
					"SELECT agency_id, MAX(valid_from) AS recorded FROM agency_history WHERE agency_id IN (:ids) GROUP BY agency_id")
				.param("ids", chunk.stream().map(pair -> pair[1].id()).toList())
				.query((RowCallbackHandler) rs -> recordedFrom.put(rs.getLong("agency_id"),
						rs.getObject("recorded", LocalDate.class)));
		}
		List<Object[]> reopened = new ArrayList<>();
		List<Object[]> closed = new ArrayList<>();
		List<Object[]> opened = new ArrayList<>();
		for (Agency[] pair : moved) {
			Agency after = pair[1];
			LocalDate recorded = recordedFrom.get(after.id());
			if (recorded != null && effective.isBefore(recorded)) {
				throw new InvalidInputException("effectiveDate", "agency.history.beforeRecorded", after.code(),
						recorded.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
			}
			reopened.add(new Object[] { after.id(), Date.valueOf(effective) });
			closed.add(new Object[] { Date.valueOf(effective), after.id() });
			opened.add(historyRow(after, effective));
		}
		batch.batchUpdate("DELETE FROM agency_history WHERE agency_id = ? AND valid_to IS NULL AND valid_from >= ?",
				reopened);
		batch.batchUpdate("UPDATE agency_history SET valid_to = ? WHERE agency_id = ? AND valid_to IS NULL", closed);
		batch.batchUpdate("""
				INSERT INTO agency_history (agency_id, valid_from, code, name, kind, parent_id, status)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", opened);
	}

	private static Object[] historyRow(Agency agency, LocalDate from) {
		return new Object[] { agency.id(), Date.valueOf(from), agency.code(), agency.name(), agency.kind().name(),
				agency.parentId(), agency.status().name() };
	}

	/**
	 * The codes whose parents lead back to them, in a map of each code to its parent's.
	 * Each code has one parent, so each is walked once: linear in the number of agencies.
	 */
	public static Set<String> onLoops(Map<String, @Nullable String> parentOf) {
		Map<String, Integer> walkOf = new HashMap<>();
		Set<String> looped = new HashSet<>();
		int walk = 0;
		for (String start : parentOf.keySet()) {
			walk++;
			List<String> path = new ArrayList<>();
			String code = start;
			while (code != null && !walkOf.containsKey(code)) {
				walkOf.put(code, walk);
				path.add(code);
				code = parentOf.get(code);
			}
			if (code != null && walkOf.get(code) == walk) {
				// came back to a code of this very walk: from it onwards, the path is the
				// loop
				looped.addAll(path.subList(path.indexOf(code), path.size()));
			}
		}
		return looped;
	}

	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < items.size(); i += CHUNK) {
			chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
		}
		return chunks;
	}

	private static boolean tracked(Agency before, Agency after) {
		return !before.code().equals(after.code()) || !before.name().equals(after.name())
				|| before.kind() != after.kind() || !java.util.Objects.equals(before.parentId(), after.parentId())
				|| before.status() != after.status();
	}

	private static @Nullable String keep(@Nullable String value, @Nullable String recorded) {
		String given = blankToNull(value);
		return given == null ? recorded : given;
	}

	@Transactional
	public Agency move(long id, @Nullable Long newParentId) {
		return move(id, newParentId, today());
	}

	/**
	 * Moves an agency under another parent; its history records the move from
	 * {@code effective}.
	 */
	@Transactional
	public Agency move(long id, @Nullable Long newParentId, LocalDate effective) {
		Agency before = editable(id);
		var d = new AgencyDetails(before.code(), before.name(), before.kind(), newParentId, before.headName(),
				before.headTitle(), before.headPhone(), before.headEmail(), before.address());
		return update(id, d, effective);
	}

	@Transactional
	public Agency deactivate(long id) {
		return setStatus(id, AgencyStatus.INACTIVE, null, today());
	}

	@Transactional
	public Agency reactivate(long id) {
		return setStatus(id, AgencyStatus.ACTIVE, null, today());
	}

	/**
	 * Sets an agency's status, for deactivation and for reorganisations with their
	 * effective date.
	 */
	@Transactional
	public Agency setStatus(long id, AgencyStatus status, @Nullable Long successorId, LocalDate effective) {
		Agency before = agencies.get(id);
		jdbc.sql("UPDATE agency SET status = :status, successor_id = :successor, updated_at = :now WHERE id = :id")
			.param("status", status.name())
			.param("successor", successorId)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		treeChanged();
		Agency after = agencies.get(id);
		recordHistory(before, after, effective);
		audit.record("STATUS", "agency", id, before, after);
		return after;
	}

	private Agency editable(long id) {
		Agency agency = agencies.get(id);
		if (!currentUser.mayEdit(id)) {
			throw new NotFoundException("agency", id);
		}
		return agency;
	}

	private void checkParent(@Nullable Long parentId, @Nullable Long self) {
		if (parentId == null) {
			return;
		}
		if (agencies.find(parentId).isEmpty()) {
			throw new InvalidInputException("parentId", "agency.parent.unknown", parentId);
		}
		if (self != null && tree.isSelfOrDescendant(parentId, self)) {
			throw new InvalidInputException("parentId", "agency.parent.cycle");
		}
	}

	private void checkCodeFree(String code, @Nullable Long self) {
		Long owner = jdbc.sql("SELECT id FROM agency WHERE code = :code")
			.param("code", code.trim())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (owner != null && !owner.equals(self)) {
			throw InvalidInputException.conflict("code", "agency.code.taken", code.trim());
		}
	}

	/**
	 * Closes the open history row and opens one with the new state, unless nothing it
	 * tracks changed.
	 */
	void recordHistory(Agency before, Agency after, LocalDate effective) {
		if (!tracked(before, after)) {
			return;
		}
		LocalDate recordedFrom = jdbc
			.sql("SELECT valid_from FROM agency_history WHERE agency_id = :id ORDER BY valid_from DESC LIMIT 1")
			.param("id", after.id())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		// rewriting recorded periods after the effective date would lose what was
		// recorded about them
		if (recordedFrom != null && effective.isBefore(recordedFrom)) {
			throw new InvalidInputException("effectiveDate", "agency.history.beforeRecorded", after.code(),
					recordedFrom.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		}
		// NB: a second change on the same day replaces that day's row instead of leaving
		// an empty interval
		jdbc.sql("DELETE FROM agency_history WHERE agency_id = :id AND valid_to IS NULL AND valid_from >= :d")
			.param("id", after.id())
			.param("d", Date.valueOf(effective))
			.update();
		jdbc.sql("UPDATE agency_history SET valid_to = :d WHERE agency_id = :id AND valid_to IS NULL")
			.param("id", after.id())
			.param("d", Date.valueOf(effective))
			.update();
		openHistory(after, effective);
	}

	/**
	 * The cached tree is reloaded now and again after commit or rollback, so it never
	 * keeps rolled-back links.
	 */
	private void treeChanged() {
		tree.invalidate();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					tree.invalidate();
				}
			});
		}
	}

	void openHistory(Agency agency, LocalDate from) {
		jdbc.sql("""
				INSERT INTO agency_history (agency_id, valid_from, code, name, kind, parent_id, status)
				VALUES (:id, :from, :code, :name, :kind, :parent, :status)""")
			.param("id", agency.id())
			.param("from", Date.valueOf(from))
			.param("code", agency.code())
			.param("name", agency.name())
			.param("kind", agency.kind().name())
			.param("parent", agency.parentId())
			.param("status", agency.status().name())
			.update();
	}

	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
