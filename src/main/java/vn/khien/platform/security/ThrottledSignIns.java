package vn.khien.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import vn.khien.platform.AuditLog;
import vn.khien.platform.KhienSettings;

/**
 * Sign-ins refused because their address is throttled: counted, not written one entry
 * each, so that a throttled address cannot flood the audit trail. Per address, time runs
 * in windows as long as the throttle's ({@code khien.login.address-window}). The first
 * refusal when no window is open writes a {@code LOGIN_THROTTLED} entry at once and opens
 * one; later refusals are only counted. When a window ends with refusals counted, the
 * next entry carries them and opens the next window: the entry of the first refusal after
 * the end, or the one the flush writes within {@value #FLUSH_SECONDS} seconds of it,
 * whichever comes first; at shutdown whatever is counted is written. A window that ends
 * with nothing counted forgets the address. So each refusal is in exactly one entry's
 * {@code refused}, and an address writes at most one entry per window. Refusals are also
 * counted by the {@code khien.signin.refused} meter.
 */
@Component
class ThrottledSignIns {

	private static final Logger log = LoggerFactory.getLogger(ThrottledSignIns.class);

	static final String ACTION = "LOGIN_THROTTLED";

	static final int FLUSH_SECONDS = 30;

	/**
	 * Addresses counted apart; refusals from any further address are counted together
	 * under {@link #OTHERS}.
	 */
	static final int MAX_ADDRESSES = 10_000;

	static final String OTHERS = "*";

	private static final int MAX_USERNAMES = 5;

	private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

	private final AuditLog audit;

	private final Duration window;

	private final Counter refusals;

	private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "throttled-sign-ins");
		t.setDaemon(true);
		return t;
	});

	ThrottledSignIns(AuditLog audit, KhienSettings settings, MeterRegistry meters) {
		this.audit = audit;
		this.window = settings.login().addressWindow();
		this.refusals = Counter.builder("khien.signin.refused")
			.description("Sign-ins refused before the password was checked")
			.tag("reason", "throttled")
			.register(meters);
		flusher.scheduleWithFixedDelay(() -> flush(Instant.now()), FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
	}

	/**
	 * The sign-in of {@code username} from {@code address} was refused because the
	 * address is throttled.
	 */
	void refused(String address, String username, Instant now) {
		refusals.increment();
		String key = tallies.size() >= MAX_ADDRESSES && !tallies.containsKey(address) ? OTHERS : address;
		Summary summary = withTally(key, tally -> {
			tally.count(username, now);
			return tally.windowEnds == null || !now.isBefore(tally.windowEnds) ? tally.take(now.plus(window)) : null;
		});
		if (summary != null) {
			write(summary);
		}
	}

	/** Runs {@code work} on the live tally of {@code key}, holding its lock. */
	private @Nullable Summary withTally(String key, Function<Tally, @Nullable Summary> work) {
		while (true) {
			Tally tally = tallies.computeIfAbsent(key, Tally::new);
			synchronized (tally) {
				// NB: a flush may have just forgotten it; then count on a fresh one
				if (!tally.forgotten) {
					return work.apply(tally);
				}
			}
		}
	}

	/**
	 * Writes what windows ended by {@code now} counted, each entry opening the next
	 * window; forgets addresses whose window ended with nothing counted.
	 */
	void flush(Instant now) {
		List<Summary> due = new ArrayList<>();
		for (Tally tally : tallies.values()) {
			synchronized (tally) {
				if (tally.windowEnds != null && now.isBefore(tally.windowEnds)) {
					continue;
				}
				if (tally.pending > 0) {
					due.add(tally.take(now.plus(window)));
				}
				else {
					tally.forgotten = true;
					tallies.remove(tally.address, tally);
				}
			}
		}
		due.forEach(this::write);
	}

	/**
	 * At shutdown nothing counted is left unwritten, whether or not its window has ended.
	 */
	@PreDestroy
	void flushAll() {
		flusher.shutdownNow();
		List<Summary> due = new ArrayList<>();
		for (Tally tally : tallies.values()) {
			synchronized (tally) {
				if (tally.pending > 0) {
					due.add(tally.take(Instant.now().plus(window)));
				}
			}
		}
		due.forEach(this::write);
	}

	private void write(Summary summary) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("refused", summary.refused());
		detail.put("from", summary.from().toString());
		detail.put("to", summary.to().toString());
		detail.put("usernames", summary.usernames());
		try {
			audit.recordAs(summary.usernames().get(0), ACTION, "address", summary.address(), detail);
		}
		catch (RuntimeException ex) {
			// NB: counted again, so that the next entry carries these refusals rather
			// than losing them
			log.warn("Could not write {} refused sign-ins of {} to the audit trail; kept for the next entry: {}",
					summary.refused(), summary.address(), ex.toString());
			withTally(summary.address(), tally -> {
				tally.putBack(summary);
				return null;
			});
		}
	}

	/**
	 * What one entry says: how many refusals since the address's last entry, when, and
	 * for which usernames.
	 */
	record Summary(String address, long refused, Instant from, Instant to, List<String> usernames) {
	}

	private static final class Tally {

		final String address;

		@Nullable Instant windowEnds;

		long pending;

		@Nullable Instant from;

		@Nullable Instant to;

		final Set<String> usernames = new LinkedHashSet<>();

		boolean forgotten;

		Tally(String address) {
			this.address = address;
		}

		void count(String username, Instant now) {
			pending++;
			if (from == null || now.isBefore(from)) {
				from = now;
			}
			if (to == null || now.isAfter(to)) {
				to = now;
			}
			if (usernames.size() < MAX_USERNAMES) {
				usernames.add(username.length() > 100 ? username.substring(0, 100) : username);
			}
		}

		Summary take(Instant nextWindowEnds) {
			var summary = new Summary(address, pending, from, to, List.copyOf(usernames));
			windowEnds = nextWindowEnds;
			pending = 0;
			from = null;
			to = null;
			usernames.clear();
			return summary;
		}

		void putBack(Summary summary) {
			pending += summary.refused();
			from = from == null || summary.from().isBefore(from) ? summary.from() : from;
			to = to == null || summary.to().isAfter(to) ? summary.to() : to;
			for (String username : summary.usernames()) {
				if (usernames.size() < MAX_USERNAMES) {
					usernames.add(username);
				}
			}
		}

	}

}
