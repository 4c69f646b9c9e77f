package vn.khien.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;
import vn.khien.vulnerability.Severity;

/**
 * Reads of rounds, their findings and the findings' corrective actions, within the
 * caller's agency scope (a round is its agency's).
 */
@Component
public class InspectionRounds {

	/** Most findings one round records. */
	public static final int MAX_FINDINGS = 500;

	/** Most corrective actions of one finding. */
	public static final int MAX_ACTIONS = 50;

	static final String COLUMNS = """
			r.id, r.plan_id, r.agency_id, r.plan_year, r.starts_on, r.ends_on, r.inspectors, r.status, r.created_by,
			r.created_at, r.status_at, r.version""";

	static final String FINDING_COLUMNS = """
			f.id, f.round_id, f.agency_id, f.kind, f.title, f.description, f.severity, f.system_id, f.created_by,
			f.created_at""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final CorrectiveActions actions;

	InspectionRounds(JdbcClient jdbc, CurrentUser currentUser, CorrectiveActions actions) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.actions = actions;
	}

	/** A finding with its corrective actions. */
	public record FindingLine(InspectionFinding finding, List<ActionLine> actions) {
	}

	/** A corrective action with its changes, newest first. */
	public record ActionLine(CorrectiveAction action, List<CorrectiveAction.Event> history) {
	}

	public InspectionRound get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("inspection round", id));
	}

	public Optional<InspectionRound> find(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM inspection_round r WHERE r.id = :id AND "
					+ scope.filter("r.agency_id"))
				.param("id", id))
			.query(InspectionRounds::map)
			.optional();
	}

	/** The round's findings in the order they were written, each with its actions. */
	public List<FindingLine> findings(long roundId) {
		get(roundId);
		List<InspectionFinding> found = findingsWhere("f.round_id = :v", roundId);
		Map<Long, List<CorrectiveAction.Event>> history = actions.historyOfRound(roundId);
		Map<Long, List<ActionLine>> byFinding = new LinkedHashMap<>();
		actions.ofRound(roundId)
			.forEach(a -> byFinding.computeIfAbsent(a.findingId(), k -> new ArrayList<>())
				.add(new ActionLine(a, history.getOrDefault(a.id(), List.of()))));
		return found.stream().map(f -> new FindingLine(f, byFinding.getOrDefault(f.id(), List.of()))).toList();
	}

	/** A finding, in scope when its agency (its round's) is; 404 otherwise. */
	public InspectionFinding finding(long id) {
		List<InspectionFinding> found = findingsWhere("f.id = :v", id);
		if (found.isEmpty()) {
			throw new NotFoundException("inspection finding", id);
		}
		return found.get(0);
	}

	private List<InspectionFinding> findingsWhere(String condition, long value) {
		AgencyScope scope = currentUser.scope();
		List<Row> rows = scope
			.bind(jdbc.sql("SELECT " + FINDING_COLUMNS + " FROM inspection_finding f WHERE " + condition + " AND "
					+ scope.filter("f.agency_id") + " ORDER BY f.id LIMIT " + MAX_FINDINGS)
				.param("v", value))
			.query(InspectionRounds::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> links = new HashMap<>();
		jdbc.sql("SELECT finding_id, vulnerability_finding_id FROM inspection_finding_link WHERE finding_id IN (:ids)"
				+ " ORDER BY vulnerability_finding_id")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(rs -> {
				links.computeIfAbsent(rs.getLong("finding_id"), k -> new ArrayList<>())
					.add(rs.getLong("vulnerability_finding_id"));
			});
		return rows.stream()
			.map(r -> new InspectionFinding(r.id(), r.roundId(), r.agencyId(), r.kind(), r.title(), r.description(),
					r.severity(), r.systemId(), links.getOrDefault(r.id(), List.of()), r.createdBy(), r.createdAt()))
			.toList();
	}

	private record Row(long id, long roundId, long agencyId, FindingKind kind, String title,
			@Nullable String description, Severity severity, @Nullable Long systemId, String createdBy,
			java.time.Instant createdAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		long system = rs.getLong("system_id");
		Long systemId = rs.wasNull() ? null : system;
		return new Row(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("agency_id"),
				FindingKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
				Severity.values()[rs.getInt("severity")], systemId, rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	static InspectionRound map(ResultSet rs, int n) throws SQLException {
		return new InspectionRound(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("agency_id"),
				rs.getInt("plan_year"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
				rs.getString("inspectors"), RoundStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("status_at").toInstant(),
				rs.getInt("version"));
	}

}
