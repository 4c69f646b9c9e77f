package vn.khien.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageCursors;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The retained events, for the analyst's investigation: by time range (required, at most
 * {@link #MAX_RANGE}) and normalised fields, the latest first, within the caller's scope;
 * paged by cursor only, so that no search counts the table.
 */
@Component
public class MonitoredEvents {

	/** The widest time range one search reads. */
	public static final Duration MAX_RANGE = Duration.ofDays(31);

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final PageCursors cursors;

	MonitoredEvents(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, PageCursors cursors) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.cursors = cursors;
	}

	/**
	 * A retained event: where it was placed, its normalised fields, its ECS form and its
	 * original.
	 */
	public record Event(long id, @Nullable Long agencyId, @Nullable Long systemId, @Nullable Long assetId,
			long sourceId, Instant eventAt, Instant receivedAt, String kind, @Nullable String hostName,
			@Nullable String sourceIp, @Nullable String destinationIp, @Nullable String userName,
			@Nullable String eventCode, String ecs, String original) {
	}

	/** What to look for; {@code from} and {@code to} are required. */
	public record Query(Instant from, Instant to, @Nullable Long agencyId, @Nullable String host, @Nullable String ip,
			@Nullable String user, @Nullable String code, @Nullable String kind) {
	}

	/** A page of events (its total is the page's length: searches never count). */
	public PageResult<Event> search(Query query, PageQuery page) {
		if (!query.to().isAfter(query.from())) {
			throw new InvalidInputException("to", "monitoring.events.range");
		}
		if (Duration.between(query.from(), query.to()).compareTo(MAX_RANGE) > 0) {
			throw new InvalidInputException("from", "monitoring.events.rangeTooWide", MAX_RANGE.toDays());
		}
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		List<String> sql = new ArrayList<>();
		sql.add(scope.unrestricted() ? "TRUE" : "e.agency_id IS NOT NULL AND " + scope.filter("e.agency_id"));
		sql.add("e.event_at >= :from AND e.event_at < :to");
		params.put("from", Timestamp.from(query.from()));
		params.put("to", Timestamp.from(query.to()));
		if (query.agencyId() != null) {
			sql.add("e.agency_id IN (:within)");
			params.put("within", hierarchy.selfAndDescendants(query.agencyId()));
		}
		text(sql, params, "e.host_name", "host",
				query.host() == null ? null : query.host().toLowerCase(java.util.Locale.ROOT));
		if (query.ip() != null && !query.ip().isBlank()) {
			sql.add("(e.source_ip = :ip OR e.destination_ip = :ip)");
			params.put("ip", query.ip().strip());
		}
		text(sql, params, "e.user_name", "user", query.user());
		text(sql, params, "e.event_code", "code", query.code());
		text(sql, params, "e.kind", "kind", query.kind());
		String fingerprint = "events?" + query;
		if (page.after() != null) {
			PageCursors.Position after = cursors.decode(fingerprint, page.after(), page);
			try {
				sql.add("(e.event_at, e.id) < (:k1, :k2)");
				params.put("k1", new Timestamp(Long.parseLong(after.values().get(0))));
				params.put("k2", Long.parseLong(after.values().get(1)));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("after", "page.cursor.invalid");
			}
		}
		List<Event> items = scope
			.bind(jdbc.sql("""
					SELECT e.id, e.agency_id, e.system_id, e.asset_id, e.source_id, e.event_at, e.received_at, e.kind,
					  e.host_name, e.source_ip, e.destination_ip, e.user_name, e.event_code, e.ecs, e.original
					FROM monitored_event e WHERE """ + " " + String.join(" AND ", sql)
					+ " ORDER BY e.event_at DESC, e.id DESC LIMIT :limit"))
			.params(params)
			.param("limit", page.size())
			.query((rs, n) -> new Event(rs.getLong(1), Alerts.nullableLong(rs, "agency_id"),
					Alerts.nullableLong(rs, "system_id"), Alerts.nullableLong(rs, "asset_id"), rs.getLong(5),
					rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
					rs.getString(15)))
			.list();
		String next = null;
		if (items.size() == page.size()) {
			Event last = items.get(items.size() - 1);
			next = cursors.encode(fingerprint, new PageCursors.Position("eventAt", true,
					List.of(Long.toString(last.eventAt().toEpochMilli()), Long.toString(last.id()))));
		}
		return new PageResult<>(items, 1, page.size(), items.size(), false, next);
	}

	private static void text(List<String> sql, Map<String, Object> params, String column, String name,
			@Nullable String value) {
		if (value != null && !value.isBlank()) {
			if (value.length() > PageQuery.MAX_TEXT) {
				throw new InvalidInputException(name, "monitoring.events.textTooLong", PageQuery.MAX_TEXT);
			}
			sql.add(column + " = :" + name);
			params.put(name, value.strip());
		}
	}

}
