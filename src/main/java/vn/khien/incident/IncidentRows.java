package vn.khien.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/** Reading incident rows: the columns every query selects and the record made of them. */
final class IncidentRows {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final String COLUMNS = """
			i.id, i.agency_id, i.system_id, i.source, i.status, i.title, i.description, i.discovered_at, i.pack_id,
			i.severity, i.tlp, i.taxonomy, i.report_type, i.impact, i.security_level, i.nationally_important,
			i.beyond_capability, i.national_security, i.serious, i.handling, i.estimated_damage, i.detected_by,
			i.initial_report, i.contact, i.external_ref, i.lead_account_id, i.merged_into_id, i.root_cause,
			i.actions_taken, i.lessons_learned, i.response_ended_at, i.closed_at, i.created_by, i.created_at,
			i.updated_at""";

	private IncidentRows() {
	}

	static Incident map(ResultSet rs, JsonMapper json) throws SQLException {
		String form = rs.getString("initial_report");
		InitialReport initial = form == null ? InitialReport.empty() : json.readValue(form, InitialReport.class);
		return new Incident(rs.getLong("id"), nullableLong(rs, "agency_id"), nullableLong(rs, "system_id"),
				IncidentSource.valueOf(rs.getString("source")), IncidentStatus.valueOf(rs.getString("status")),
				rs.getString("title"), rs.getString("description"), local(rs.getTimestamp("discovered_at").toInstant()),
				rs.getString("pack_id"), IncidentSeverity.valueOf(rs.getString("severity")),
				Tlp.valueOf(rs.getString("tlp")), taxonomy(rs.getString("taxonomy")), rs.getString("report_type"),
				rs.getString("impact") == null ? null : Impact.valueOf(rs.getString("impact")),
				(Integer) rs.getObject("security_level", Integer.class), rs.getBoolean("nationally_important"),
				rs.getBoolean("beyond_capability"), rs.getBoolean("national_security"), rs.getBoolean("serious"),
				rs.getString("handling") == null ? null : Handling.valueOf(rs.getString("handling")),
				nullableLong(rs, "estimated_damage"),
				rs.getString("detected_by") == null ? null : DetectedBy.valueOf(rs.getString("detected_by")), initial,
				rs.getString("contact"), rs.getString("external_ref"), nullableLong(rs, "lead_account_id"),
				nullableLong(rs, "merged_into_id"), rs.getString("root_cause"), rs.getString("actions_taken"),
				rs.getString("lessons_learned"), instant(rs, "response_ended_at"), instant(rs, "closed_at"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), List.of(), List.of(), List.of(), 0, List.of(), List.of(),
				List.of(), List.of());
	}

	static OffsetDateTime local(Instant instant) {
		return instant.atZone(ZONE).toOffsetDateTime();
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Taxonomy taxonomy(@Nullable String code) {
		return code == null ? null : Taxonomy.of(code).orElse(null);
	}

}
