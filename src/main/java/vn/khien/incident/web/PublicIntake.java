package vn.khien.incident.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import vn.khien.incident.IncidentSettings;

/**
 * How many public reports are accepted: a token bucket per client address (the settings’
 * reports per window) and one for all addresses together (a hundred times that), so a
 * flood from one address or many is answered 429 while the server stays up. The buckets
 * live in memory in a bounded cache and are forgotten on restart, by design (ADR 0012).
 */
@Component
class PublicIntake {

	private final Cache<String, Bucket> perAddress;

	private final Bucket all;

	private final int capacity;

	private final Duration window;

	PublicIntake(IncidentSettings settings) {
		this.capacity = settings.reportsPerAddress();
		this.window = settings.window();
		this.perAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
		this.all = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity * 100L).refillGreedy(capacity * 100L, window).build())
			.build();
	}

	/** Whether a report from {@code address} is taken now (and counted). */
	boolean tryAccept(String address) {
		Bucket bucket = perAddress.get(address,
				a -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
					.build());
		return bucket.tryConsume(1) && all.tryConsume(1);
	}

}
