package vn.khien.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Agencies' budget proposals for security upgrades (records for oversight, not
 * accounting): an agency proposes, the province approves, funds or rejects.
 */
@Component
public class BudgetProposals {

	static final String COLUMNS = """
			p.id, p.agency_id, p.proposal_year, p.title, p.description, p.amount_vnd, p.status, p.created_by,
			p.created_at, p.status_by, p.status_at, p.status_note""";

	/** The largest amount taken: a thousand billion dong. */
	static final long MAX_AMOUNT = 1_000_000_000_000_000L;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final Agencies agencies;

	private final Trainings trainings;

	private final AuditLog audit;

	BudgetProposals(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, Agencies agencies,
			Trainings trainings, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.agencies = agencies;
		this.trainings = trainings;
		this.audit = audit;
	}

	/** {@code agencyId} is that agency and those below it. */
	public record Filter(@Nullable Long agencyId, @Nullable Integer year, @Nullable BudgetStatus status) {
	}

	public record NewProposal(@Nullable Long agencyId, @Nullable Integer year, @Nullable String title,
			@Nullable String description, @Nullable Long amountVnd) {
	}

	/** Whether the caller approves, funds and rejects (the province's operators). */
	public boolean mayDecide() {
		return currentUser.mayEditProvince();
	}

	public BudgetProposal get(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql(
					"SELECT " + COLUMNS + " FROM budget_proposal p WHERE p.id = :id AND " + scope.filter("p.agency_id"))
				.param("id", id))
			.query(BudgetProposals::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("budget proposal", id));
	}

	public PageResult<BudgetProposal> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add(scope.filter("p.agency_id"));
		if (filter.agencyId() != null) {
			where.add("p.agency_id IN (:agencies)");
			params.put("agencies", List.copyOf(hierarchy.selfAndDescendants(filter.agencyId())));
		}
		if (filter.year() != null) {
			where.add("p.proposal_year = :year");
			params.put("year", filter.year());
		}
		if (filter.status() != null) {
			where.add("p.status = :status");
			params.put("status", filter.status().name());
		}
		String condition = String.join(" AND ", where);
		String order = page.orderBy(Map.of("year", "p.proposal_year", "amount", "p.amount_vnd"),
				"p.proposal_year DESC");
		String dir = order.endsWith("ASC") ? " ASC" : " DESC";
		List<BudgetProposal> items = scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM budget_proposal p WHERE " + condition + " ORDER BY " + order
					+ ", p.id" + dir + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(BudgetProposals::map)
			.list();
		long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM budget_proposal p WHERE " + condition))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional
	public BudgetProposal propose(NewProposal form) {
		if (form.agencyId() == null) {
			throw new InvalidInputException("agencyId", "training.field.required", "agencyId");
		}
		Agency agency = agencies.get(form.agencyId());
		if (!trainings.mayWrite(agency.id())) {
			throw InvalidInputException.withStatus(403, "training.forbidden");
		}
		if (form.year() == null) {
			throw new InvalidInputException("year", "training.field.required", "year");
		}
		if (form.year() < 2000 || form.year() > 2100) {
			throw new InvalidInputException("year", "budget.year.invalid", form.year());
		}
		String title = Trainings.text("title", form.title(), 300, true);
		String description = Trainings.text("description", form.description(), 4000, false);
		if (form.amountVnd() == null) {
			throw new InvalidInputException("amountVnd", "training.field.required", "amountVnd");
		}
		if (form.amountVnd() <= 0 || form.amountVnd() > MAX_AMOUNT) {
			throw new InvalidInputException("amountVnd", "budget.amount.invalid", form.amountVnd());
		}
		Instant now = Instant.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO budget_proposal (agency_id, proposal_year, title, description, amount_vnd, status,
				  created_by, created_at, status_by, status_at)
				VALUES (:agency, :year, :title, :description, :amount, 'PROPOSED', :by, :at, :by, :at)""")
			.param("agency", agency.id())
			.param("year", form.year())
			.param("title", title)
			.param("description", description)
			.param("amount", form.amountVnd())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		BudgetProposal created = get(id);
		audit.record("BUDGET_PROPOSED", "budget_proposal", id, null, created);
		return created;
	}

	/**
	 * Moves a proposal on: approved from proposed, funded from approved, rejected from
	 * either; any other move is a 409 and changes nothing.
	 */
	@Transactional
	public BudgetProposal move(long id, BudgetStatus to, @Nullable String note) {
		BudgetProposal before = get(id);
		if (!mayDecide()) {
			throw InvalidInputException.withStatus(403, "training.forbidden");
		}
		if (!before.status().next().contains(to)) {
			throw InvalidInputException.conflict(null, "budget.status.move", before.status().code(), to.code());
		}
		String text = Trainings.text("note", note, 1000, false);
		int moved = jdbc.sql("""
				UPDATE budget_proposal SET status = :to, status_by = :by, status_at = :at, status_note = :note
				WHERE id = :id AND status = :from""")
			.param("to", to.name())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(Instant.now()))
			.param("note", text)
			.param("id", id)
			.param("from", before.status().name())
			.update();
		if (moved == 0) {
			throw InvalidInputException.conflict(null, "budget.status.move", before.status().code(), to.code());
		}
		BudgetProposal after = get(id);
		audit.record("BUDGET_PROPOSAL_STATUS_CHANGED", "budget_proposal", id, Map.of("status", before.status().code()),
				Map.of("status", to.code(), "note", text == null ? "" : text));
		return after;
	}

	/**
	 * Proposals of the year over each agency's subtree within the caller's scope, as the
	 * list filtered by agency and year counts them.
	 */
	public Map<Long, Long> countOf(Collection<Long> agencyIds, int year) {
		AgencyScope scope = currentUser.scope();
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		Set<Long> union = new HashSet<>();
		for (Long id : agencyIds) {
			Set<Long> subtree = new HashSet<>(hierarchy.selfAndDescendants(id));
			subtree.removeIf(a -> !scope.includes(a));
			subtrees.put(id, subtree);
			union.addAll(subtree);
		}
		Map<Long, Long> counts = new HashMap<>();
		List<Long> ids = new ArrayList<>(union);
		for (int i = 0; i < ids.size(); i += 1000) {
			jdbc.sql("SELECT agency_id, COUNT(*) FROM budget_proposal WHERE agency_id IN (:ids)"
					+ " AND proposal_year = :year GROUP BY agency_id")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
				.param("year", year)
				.query((RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getLong(2)));
		}
		Map<Long, Long> totals = new LinkedHashMap<>();
		subtrees.forEach((id, subtree) -> totals.put(id,
				subtree.stream().mapToLong(a -> Optional.ofNullable(counts.get(a)).orElse(0L)).sum()));
		return totals;
	}

	static BudgetProposal map(ResultSet rs, int row) throws SQLException {
		return new BudgetProposal(rs.getLong("id"), rs.getLong("agency_id"), rs.getInt("proposal_year"),
				rs.getString("title"), rs.getString("description"), rs.getLong("amount_vnd"),
				BudgetStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("status_by"),
				rs.getTimestamp("status_at").toInstant(), rs.getString("status_note"));
	}

}
