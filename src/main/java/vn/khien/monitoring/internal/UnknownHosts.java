package vn.khien.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.Asset;
import vn.khien.inventory.AssetManagement;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The host names and addresses events named that no agency's inventory holds, for the
 * operator to put in the inventory of the agency that owns them; from then on their
 * events are placed on it (at once on this node, within the host cache's five minutes on
 * the others).
 */
@Service
public class UnknownHosts {

	// NB: the one sort its index serves; the list holds the internet's addresses too
	private static final Map<String, String> SORTS = Map.of("lastSeen", "u.last_seen_at");

	/** Counting stops here ("10.000+"). */
	static final int COUNT_CAP = 10_000;

	private final JdbcClient jdbc;

	private final AssetManagement assets;

	private final Attribution attribution;

	UnknownHosts(JdbcClient jdbc, AssetManagement assets, Attribution attribution) {
		this.jdbc = jdbc;
		this.assets = assets;
		this.attribution = attribution;
	}

	/**
	 * A name no inventory holds: {@code kind} is {@code host} or {@code ip}, {@code name}
	 * the normalised name or address.
	 */
	public record UnknownHost(String key, String kind, String name, long sourceId, @Nullable String source,
			Instant firstSeenAt, Instant lastSeenAt, long events) {
	}

	/** The names, the most recently seen first by default. */
	public PageResult<UnknownHost> list(PageQuery page) {
		String order = page.orderBy(SORTS, "u.last_seen_at DESC");
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM monitoring_unknown_host LIMIT " + (COUNT_CAP + 1) + ") c")
			.query(Long.class)
			.single();
		List<UnknownHost> items = jdbc.sql("""
				SELECT u.host_key, u.source_id, s.name, u.first_seen_at, u.last_seen_at, u.events
				FROM monitoring_unknown_host u LEFT JOIN event_source s ON s.id = u.source_id
				ORDER BY """ + " " + order + ", u.host_key LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> of(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4),
					rs.getTimestamp(5), rs.getLong(6)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/**
	 * Puts the named host in the agency's inventory (as {@code kind}, in {@code systemId}
	 * if given) and takes it off the list: 404 for a name not on it.
	 */
	@Transactional
	public Asset assign(@Nullable String key, @Nullable Long agencyId, @Nullable Long systemId, @Nullable String kind) {
		if (key == null || key.isBlank()) {
			throw new InvalidInputException("key", "monitoring.unknownHost.key");
		}
		if (agencyId == null) {
			throw new InvalidInputException("agencyId", "monitoring.unknownHost.agency");
		}
		int removed = jdbc.sql("DELETE FROM monitoring_unknown_host WHERE host_key = :k").param("k", key).update();
		if (removed == 0) {
			throw new NotFoundException("unknown host", key);
		}
		String name = key.substring(key.indexOf(':') + 1);
		Asset asset = key.startsWith("ip:") ? assets.createNamed(agencyId, systemId, kind, null, name)
				: assets.createNamed(agencyId, systemId, kind, name, null);
		attribution.forget(key);
		return asset;
	}

	private static UnknownHost of(String key, long sourceId, @Nullable String source, Timestamp first, Timestamp last,
			long events) {
		int colon = key.indexOf(':');
		String kind = colon < 0 ? "host" : key.substring(0, colon);
		return new UnknownHost(key, kind, key.substring(colon + 1), sourceId, source, first.toInstant(),
				last.toInstant(), events);
	}

}
