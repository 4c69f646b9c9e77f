package vn.khien.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.khien.platform.KhienSettings;

/**
 * Counts failed sign-ins per client address in memory, so one address cannot try
 * passwords of many accounts (the per-account lock-out does not see that). Forgotten on
 * restart, by design. Sign-ins it refuses are counted by {@link ThrottledSignIns}, which
 * writes them to the audit trail in summary.
 */
@Component
class AddressThrottle {

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration window;

	private final ThrottledSignIns refusals;

	AddressThrottle(KhienSettings settings, ThrottledSignIns refusals) {
		this.maxFailures = settings.login().maxFailuresPerAddress();
		this.window = settings.login().addressWindow();
		this.refusals = refusals;
	}

	boolean blocked(@Nullable String address, Instant now) {
		if (address == null) {
			return false;
		}
		Deque<Instant> times = failures.get(address);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times, now);
			return times.size() >= maxFailures;
		}
	}

	/**
	 * A sign-in refused because {@link #blocked} said so: counted, not written to the
	 * audit trail one by one.
	 */
	void refused(@Nullable String address, String username, Instant now) {
		if (address != null) {
			refusals.refused(address, username, now);
		}
	}

	void failure(@Nullable String address, Instant now) {
		if (address == null) {
			return;
		}
		Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (times) {
			prune(times, now);
			times.addLast(now);
		}
		if (failures.size() > 10_000) {
			// NB: bounds memory under a spray of addresses; stale entries go first
			failures.entrySet().removeIf(e -> {
				synchronized (e.getValue()) {
					prune(e.getValue(), now);
					return e.getValue().isEmpty();
				}
			});
		}
	}

	private void prune(Deque<Instant> times, Instant now) {
		Instant oldest = now.minus(window);
		while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
			times.removeFirst();
		}
	}

}
