package vn.khien.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
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

/** Creating and changing agencies; every change is audited and kept in the agency's history. */
@Service
public class AgencyManagement {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** What a user may set on an agency. */
	public record AgencyDetails(String code, String name, AgencyKind kind, @Nullable Long parentId,
			@Nullable String headName, @Nullable String headTitle, @Nullable String headPhone,
			@Nullable String headEmail, @Nullable String address) {
	}

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final AgencyTree tree;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	AgencyManagement(JdbcClient jdbc, Agencies agencies, AgencyTree tree, AuditLog audit, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.tree = tree;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	@Transactional
	public Agency create(AgencyDetails details) {
		return create(details, today());
	}

	/** Creates an agency whose history starts on {@code validFrom} (a reorganisation's effective date). */
	@Transactional
	public Agency create(AgencyDetails details, LocalDate validFrom) {
		checkParent(details.parentId(), null);
		checkCodeFree(details.code(), null);
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO agency (code, name, kind, parent_id, head_name, head_title, head_phone, head_email, address,
				  status, created_at, updated_at)
				VALUES (:code, :name, :kind, :parent, :headName, :headTitle, :headPhone, :headEmail, :address,
				  'ACTIVE', :now, :now)""")
			.param("code", details.code().trim())
			.param("name", details.name().trim())
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
				UPDATE agency SET code = :code, name = :name, kind = :kind, parent_id = :parent, head_name = :headName,
				  head_title = :headTitle, head_phone = :headPhone, head_email = :headEmail, address = :address,
				  updated_at = :now WHERE id = :id""")
			.param("code", details.code().trim())
			.param("name", details.name().trim())
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

	@Transactional
	public Agency move(long id, @Nullable Long newParentId) {
		return move(id, newParentId, today());
	}

	/** Moves an agency under another parent; its history records the move from {@code effective}. */
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

	/** Sets an agency's status, for deactivation and for reorganisations with their effective date. */
	@Transactional
	public Agency setStatus(long id, AgencyStatus status, @Nullable Long successorId, LocalDate effective) {
		Agency before = agencies.get(id);
		jdbc.sql("UPDATE agency SET status = :status, successor_id = :successor, updated_at = :now WHERE id = :id")
			.param("status", status.name())
			.param("successor", successorId)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
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

	/** Closes the open history row and opens one with the new state, unless nothing it tracks changed. */
	void recordHistory(Agency before, Agency after, LocalDate effective) {
		boolean tracked = !before.code().equals(after.code()) || !before.name().equals(after.name())
				|| before.kind() != after.kind() || !java.util.Objects.equals(before.parentId(), after.parentId())
				|| before.status() != after.status();
		if (!tracked) {
			return;
		}
		LocalDate recordedFrom = jdbc.sql("SELECT valid_from FROM agency_history WHERE agency_id = :id ORDER BY valid_from DESC LIMIT 1")
			.param("id", after.id())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		// rewriting recorded periods after the effective date would lose what was recorded about them
		if (recordedFrom != null && effective.isBefore(recordedFrom)) {
			throw new InvalidInputException("effectiveDate", "agency.history.beforeRecorded", after.code(),
					recordedFrom.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		}
		// NB: a second change on the same day replaces that day's row instead of leaving an empty interval
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

	/** The cached tree is reloaded now and again after commit or rollback, so it never keeps rolled-back links. */
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
