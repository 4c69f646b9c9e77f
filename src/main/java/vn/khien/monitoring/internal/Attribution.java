package vn.khien.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.khien.inventory.ScannedHosts;
import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.event.DecodedEvent;
import vn.khien.platform.AgencyHierarchy;

/**
 * Places an event: the inventory host its names or addresses identify (by the inventory's
 * identity rule), among the agencies the source may report for and those below them;
 * failing that, the source's one agency; failing that, nobody (the operators' queue), the
 * names kept for the operator to assign. Hosts are cached for a few minutes: a province's
 * events name the same hosts all day.
 */
@Component
class Attribution {

	private final ScannedHosts hosts;

	private final AgencyHierarchy hierarchy;

	private final JdbcClient jdbc;

	private final Cache<String, List<ScannedHosts.Host>> cache = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	private final Cache<Long, Set<Long>> within = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	private final org.springframework.transaction.support.TransactionTemplate nested;

	Attribution(ScannedHosts hosts, AgencyHierarchy hierarchy, JdbcClient jdbc,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.hosts = hosts;
		this.hierarchy = hierarchy;
		this.jdbc = jdbc;
		this.nested = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Where an event belongs; {@code placedByHost} when the inventory knew its host. */
	record Place(@Nullable Long agencyId, @Nullable Long systemId, @Nullable Long assetId, boolean placedByHost) {
	}

	/**
	 * The places of a batch's events, in order, looking up the hosts not in the cache at
	 * once.
	 */
	List<Place> place(List<DecodedEvent> events, EventSources.Bound source, long sourceId) {
		Set<String> missing = new LinkedHashSet<>();
		List<List<String>> keysOf = new ArrayList<>(events.size());
		for (DecodedEvent e : events) {
			List<String> keys = keys(e);
			keysOf.add(keys);
			for (String k : keys) {
				if (cache.getIfPresent(k) == null) {
					missing.add(k);
				}
			}
		}
		if (!missing.isEmpty()) {
			Map<String, List<ScannedHosts.Host>> found = hosts.find(missing, null);
			for (String k : missing) {
				cache.put(k, found.getOrDefault(k, List.of()));
			}
		}
		Set<Long> allowed = allowed(source);
		Long fallback = source.agencyIds().size() == 1 ? source.agencyIds().get(0) : null;
		List<Place> places = new ArrayList<>(events.size());
		Set<String> unknown = new LinkedHashSet<>();
		for (List<String> keys : keysOf) {
			Place place = null;
			for (String k : keys) {
				Optional<ScannedHosts.Host> host = Optional.ofNullable(cache.getIfPresent(k))
					.orElse(List.of())
					.stream()
					.filter(h -> allowed.contains(h.agencyId()))
					.findFirst();
				if (host.isPresent()) {
					place = new Place(host.get().agencyId(), host.get().systemId(), host.get().id(), true);
					break;
				}
			}
			if (place == null) {
				unknown.addAll(keys);
				place = new Place(fallback, null, null, false);
			}
			places.add(place);
		}
		remember(unknown, sourceId);
		return places;
	}

	/** Forgets what was looked up for a host key, once the inventory holds it. */
	void forget(String key) {
		cache.invalidate(key);
	}

	/** The host keys an event names, best first, at most a few. */
	static List<String> keys(DecodedEvent e) {
		Set<String> keys = new LinkedHashSet<>();
		for (String name : e.hostNames()) {
			keys.addAll(ScannedHosts.keysOf(name, null, null));
		}
		for (String address : e.addresses()) {
			keys.addAll(ScannedHosts.keysOf(null, address, null));
		}
		List<String> list = new ArrayList<>(keys);
		return list.size() > 6 ? list.subList(0, 6) : list;
	}

	private Set<Long> allowed(EventSources.Bound source) {
		Set<Long> all = new HashSet<>();
		for (Long agency : source.agencyIds()) {
			all.addAll(within.get(agency, hierarchy::selfAndDescendants));
		}
		return all;
	}

	/** Names nobody owns, for the operator: one row each, counted. */
	private void remember(Set<String> keys, long sourceId) {
		Timestamp now = Timestamp.from(Instant.now());
		int n = 0;
		for (String key : keys) {
			if (++n > 50) {
				break;
			}
			String k = key.length() > 300 ? key.substring(0, 300) : key;
			int updated = jdbc
				.sql("UPDATE monitoring_unknown_host SET last_seen_at = :at, events = events + 1 WHERE host_key = :k")
				.param("at", now)
				.param("k", k)
				.update();
			if (updated == 0) {
				try {
					// NB: in a savepoint: another worker may have named it first
					nested.executeWithoutResult(status -> jdbc
						.sql("""
								INSERT INTO monitoring_unknown_host (host_key, source_id, first_seen_at, last_seen_at, events)
								VALUES (:k, :s, :at, :at, 1)""")
						.param("k", k)
						.param("s", sourceId)
						.param("at", now)
						.update());
				}
				catch (org.springframework.dao.DuplicateKeyException ex) {
					// counted by the other worker; one event's count is not worth a retry
				}
			}
		}
	}

}
