package vn.khien.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail for the viewer and the API. There is deliberately no way to
 * change it.
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every field is optional; {@code to} is exclusive. */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable Instant from, @Nullable Instant to) {
	}

	public PageResult<AuditEntry> search(Filter filter, PageQuery query) {
		var where = new ArrayList<String>();
		var params = new java.util.HashMap<String, Object>();
		add(where, params, "actor", filter.actor());
		add(where, params, "action", filter.action());
		add(where, params, "entity_type", filter.entityType());
		add(where, params, "entity_id", filter.entityId());
		if (filter.from() != null) {
			where.add("occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.add("occurred_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		String condition = where.isEmpty() ? "1=1" : String.join(" AND ", where);
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE " + condition)
			.params(params)
			.query(Long.class)
			.single();
		String order = query.orderBy(Map.of("seq", "seq", "occurredAt", "seq"), "seq DESC");
		List<AuditEntry> items = jdbc
			.sql("""
					SELECT seq, occurred_at, actor, address, action, entity_type, entity_id, before_state, after_state,
					  prev_hash, hash, hash_version FROM audit_entry WHERE\s""" + condition + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query((rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state"),
					rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("hash_version")))
			.list();
		return new PageResult<>(items, query.page(), query.size(), total);
	}

	private static void add(List<String> where, Map<String, Object> params, String column, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			where.add(column + " = :" + column);
			params.put(column, value.trim());
		}
	}

}
