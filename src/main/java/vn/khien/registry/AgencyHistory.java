package vn.khien.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What an agency was called, and where it sat, on a given date. */
@Component
public class AgencyHistory {

	public record Period(LocalDate validFrom, @Nullable LocalDate validTo, String code, String name, AgencyKind kind,
			@Nullable Long parentId, AgencyStatus status) {
	}

	private final JdbcClient jdbc;

	private final Agencies agencies;

	AgencyHistory(JdbcClient jdbc, Agencies agencies) {
		this.jdbc = jdbc;
		this.agencies = agencies;
	}

	public List<Period> of(long agencyId) {
		agencies.get(agencyId);
		return jdbc.sql("""
				SELECT valid_from, valid_to, code, name, kind, parent_id, status FROM agency_history
				WHERE agency_id = :id ORDER BY valid_from""").param("id", agencyId).query(AgencyHistory::map).list();
	}

	public Optional<Period> on(long agencyId, LocalDate date) {
		agencies.get(agencyId);
		return jdbc.sql("""
				SELECT valid_from, valid_to, code, name, kind, parent_id, status FROM agency_history
				WHERE agency_id = :id AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)""")
			.param("id", agencyId)
			.param("d", Date.valueOf(date))
			.query(AgencyHistory::map)
			.optional();
	}

	private static Period map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Date to = rs.getDate("valid_to");
		return new Period(rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
				rs.getString("code"), rs.getString("name"), AgencyKind.valueOf(rs.getString("kind")),
				rs.getObject("parent_id", Long.class), AgencyStatus.valueOf(rs.getString("status")));
	}

}
