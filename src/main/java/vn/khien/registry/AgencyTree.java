package vn.khien.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyHierarchy;

/**
 * The parent links of every agency, held in memory (a province has about a thousand) and
 * reloaded after any change, so scope checks cost no query.
 */
@Component
class AgencyTree implements AgencyHierarchy, org.springframework.context.SmartLifecycle {

	private final JdbcClient jdbc;

	/** Both maps of one load, swapped together. */
	private record Links(Map<Long, List<Long>> children, Map<Long, Long> parents, String stamp) {
	}

	private volatile @Nullable Links links;

	private final AtomicLong version = new AtomicLong();

	// NB: a plain daemon thread: one light query a second, not work for the job queue
	private volatile java.util.concurrent.@Nullable ScheduledExecutorService rechecks;

	AgencyTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void start() {
		var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "agency-tree-recheck");
			t.setDaemon(true);
			return t;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				recheck();
			}
			catch (RuntimeException ex) {
				// NB: the database away for a moment: the next look will tell
			}
		}, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
		rechecks = executor;
	}

	@Override
	public void stop() {
		var executor = rechecks;
		if (executor != null) {
			executor.shutdownNow();
			rechecks = null;
		}
	}

	@Override
	public boolean isRunning() {
		return rechecks != null;
	}

	@Override
	public Set<Long> selfAndDescendants(long agencyId) {
		Map<Long, List<Long>> kids = children();
		Set<Long> result = new HashSet<>();
		var queue = new ArrayDeque<Long>();
		queue.add(agencyId);
		while (!queue.isEmpty()) {
			Long id = queue.poll();
			if (result.add(id)) {
				queue.addAll(kids.getOrDefault(id, List.of()));
			}
		}
		return result;
	}

	/** Whether {@code candidate} lies below {@code agencyId} (or is it). */
	boolean isSelfOrDescendant(long candidate, long agencyId) {
		Map<Long, Long> up = parents();
		Long current = candidate;
		int guard = 0;
		while (current != null && guard++ < 10_000) {
			if (current == agencyId) {
				return true;
			}
			current = up.get(current);
		}
		return false;
	}

	@Nullable Long parentOf(long agencyId) {
		return parents().get(agencyId);
	}

	void invalidate() {
		synchronized (this) {
			links = null;
			version.incrementAndGet();
		}
	}

	long version() {
		return version.get();
	}

	private Map<Long, List<Long>> children() {
		return links().children();
	}

	private Map<Long, Long> parents() {
		return links().parents();
	}

	/**
	 * NB: a load that read the table before a change committed must not be kept after
	 * that change's invalidation, or the new agency stays out of every scope until the
	 * next change: it is kept only if no invalidation happened while it read.
	 */
	private Links links() {
		Links current = links;
		if (current != null) {
			return current;
		}
		long readFrom = version.get();
		Links loaded = load();
		synchronized (this) {
			if (version.get() == readFrom && links == null) {
				links = loaded;
			}
		}
		return loaded;
	}

	/**
	 * Looks, once a second and off the requests' path, whether the table changed since
	 * the tree was read, by another node (or another application context on the same
	 * database), which cannot tell this one: by the agencies' count and latest change.
	 */
	void recheck() {
		Links current = links;
		if (current != null && !stamp().equals(current.stamp())) {
			invalidate();
		}
	}

	private String stamp() {
		return jdbc.sql("SELECT COUNT(*), MAX(updated_at) FROM agency")
			.query((rs, n) -> rs.getLong(1) + "@" + rs.getTimestamp(2))
			.single();
	}

	private Links load() {
		String stamp = stamp();
		Map<Long, List<Long>> c = new HashMap<>();
		Map<Long, Long> p = new HashMap<>();
		jdbc.sql("SELECT id, parent_id FROM agency").query(rs -> {
			long id = rs.getLong(1);
			long parent = rs.getLong(2);
			if (!rs.wasNull()) {
				p.put(id, parent);
				c.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
			}
		});
		return new Links(c, p, stamp);
	}

}
