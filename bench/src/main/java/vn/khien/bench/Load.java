package vn.khien.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/** Reads as callers make them: one after another, or many clients at once for a fixed time. Every latency is kept. */
final class Load {

	private Load() {
	}

	/** One GET as one caller; anything but a 200 (a redirect to the login page included) is an error. */
	record Read(String name, Http http, String path) {

		boolean run(Latencies... into) {
			long start = System.nanoTime();
			boolean ok;
			try {
				ok = http.get(path) == 200;
			}
			catch (Exception ex) {
				ok = false;
			}
			long elapsed = System.nanoTime() - start;
			for (Latencies latencies : into) {
				latencies.add(elapsed, ok);
			}
			return ok;
		}
	}

	static final class Latencies {

		private long[] nanos = new long[1024];

		private int count;

		private int errors;

		synchronized void add(long elapsed, boolean ok) {
			if (count == nanos.length) {
				nanos = Arrays.copyOf(nanos, count * 2);
			}
			nanos[count++] = elapsed;
			errors += ok ? 0 : 1;
		}

		synchronized int count() {
			return count;
		}

		synchronized int errors() {
			return errors;
		}

		/** Nearest-rank percentile in milliseconds. */
		synchronized double ms(double percentile) {
			if (count == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(nanos, count);
			Arrays.sort(sorted);
			return sorted[(int) Math.max(0, Math.ceil(percentile / 100 * count) - 1)] / 1e6;
		}

		@Override
		public String toString() {
			return String.format("p50 %.1f ms, p95 %.1f ms%s", ms(50), ms(95), errors == 0 ? "" : ", " + errors + " ERRORS");
		}
	}

	/**
	 * Throughput counts the good answers that arrived within the time; the latencies also keep the requests still
	 * running when it ended, so that a slow tail is not left out. {@code overrun} is how long those took to end.
	 */
	record Result(Duration duration, long withinTime, double overrun, Latencies all, Map<String, Latencies> byName) {

		double perSecond() {
			return withinTime / (duration.toNanos() / 1e9);
		}
	}

	/** {@code n} reads one after another, after {@code warmUp} that are not counted. */
	static Latencies sequential(Read read, int warmUp, int n) {
		Latencies ignored = new Latencies();
		for (int i = 0; i < warmUp; i++) {
			read.run(ignored);
		}
		Latencies latencies = new Latencies();
		for (int i = 0; i < n; i++) {
			read.run(latencies);
		}
		return latencies;
	}

	/** Each client, on its own thread, runs its reads in turn, starting at a different one, until the time is over. */
	static Result parallel(List<List<Read>> clients, Duration duration) throws InterruptedException {
		Latencies all = new Latencies();
		Map<String, Latencies> byName = new LinkedHashMap<>();
		clients.forEach(reads -> reads.forEach(r -> byName.computeIfAbsent(r.name(), n -> new Latencies())));
		LongAdder withinTime = new LongAdder();
		CountDownLatch start = new CountDownLatch(1);
		long[] deadline = new long[1];
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients.size(); c++) {
			List<Read> reads = clients.get(c);
			int first = c;
			Thread thread = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = first; System.nanoTime() < deadline[0]; i++) {
					Read read = reads.get(i % reads.size());
					if (read.run(all, byName.get(read.name())) && System.nanoTime() <= deadline[0]) {
						withinTime.increment();
					}
				}
			}, "client-" + c);
			thread.start();
			threads.add(thread);
		}
		deadline[0] = System.nanoTime() + duration.toNanos();
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		return new Result(duration, withinTime.sum(), (System.nanoTime() - deadline[0]) / 1e9, all, byName);
	}
}
