package vn.khien.monitoring.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events in memory: one bounded queue per worker thread, an agency's events always in the
 * same queue (as a Kafka partition keeps them), so that they are handled in order. What
 * the queues hold is lost if the process dies; Kafka is the answer when that matters.
 */
public final class InProcessTransport implements EventTransport {

	private static final Logger log = LoggerFactory.getLogger(InProcessTransport.class);

	private static final long POLL_MILLIS = 100;

	private final TransportSettings settings;

	private final List<BlockingQueue<RawEvent>> queues;

	private final Counters counters = new Counters();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean accepting = true;

	private volatile boolean stopping;

	private volatile boolean abandoned;

	public InProcessTransport(TransportSettings settings) {
		this.settings = settings;
		int perWorker = Math.max(1, (settings.queueCapacity() + settings.workers() - 1) / settings.workers());
		this.queues = new ArrayList<>(settings.workers());
		for (int i = 0; i < settings.workers(); i++) {
			this.queues.add(new ArrayBlockingQueue<>(perWorker));
		}
	}

	@Override
	public boolean publish(RawEvent event) {
		if (this.accepting && queueOf(event.agencyId()).offer(event)) {
			this.counters.accepted.increment();
			return true;
		}
		this.counters.refused.increment();
		return false;
	}

	private BlockingQueue<RawEvent> queueOf(long agencyId) {
		return this.queues.get(Math.floorMod(Long.hashCode(agencyId), this.queues.size()));
	}

	@Override
	public synchronized void start(EventHandler handler) {
		if (!this.workers.isEmpty() || this.stopping) {
			throw new IllegalStateException("already started or stopped");
		}
		for (int i = 0; i < this.queues.size(); i++) {
			BlockingQueue<RawEvent> queue = this.queues.get(i);
			Thread worker = new Thread(() -> work(queue, handler), "khien-events-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
	}

	private void work(BlockingQueue<RawEvent> queue, EventHandler handler) {
		List<RawEvent> batch = new ArrayList<>(this.settings.batchSize());
		Duration backoff = this.settings.retryBackoff();
		try {
			while (true) {
				if (this.abandoned) {
					throw new InterruptedException();
				}
				if (batch.isEmpty()) {
					@Nullable RawEvent first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
					if (first == null) {
						if (this.stopping) {
							return;
						}
						continue;
					}
					batch.add(first);
					queue.drainTo(batch, this.settings.batchSize() - 1);
				}
				if (deliver(handler, batch)) {
					batch.clear();
					backoff = this.settings.retryBackoff();
				}
				else {
					// NB: the same batch again, not back into a queue that may be full
					// and where the agency's later events would overtake it
					Thread.sleep(backoff.toMillis());
					backoff = min(backoff.multipliedBy(2), this.settings.maxRetryBackoff());
				}
			}
		}
		catch (InterruptedException ex) {
			// stop gave up waiting: what this worker still holds will not be handled
			this.counters.lost.add(batch.size() + queue.size());
			queue.clear();
			Thread.currentThread().interrupt();
		}
	}

	private boolean deliver(EventHandler handler, List<RawEvent> batch) throws InterruptedException {
		try {
			handler.handle(List.copyOf(batch));
			this.counters.handled.add(batch.size());
			return true;
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			this.counters.failed.add(batch.size());
			log.warn("Event handler failed on a batch of {}; it is offered again", batch.size(), ex);
			return false;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public void stop() {
		List<Thread> running;
		synchronized (this) {
			this.accepting = false;
			this.stopping = true;
			running = List.copyOf(this.workers);
		}
		long deadline = System.nanoTime() + this.settings.stopTimeout().toNanos();
		for (Thread worker : running) {
			joinUntil(worker, deadline);
		}
		this.abandoned = true;
		for (Thread worker : running) {
			if (worker.isAlive()) {
				worker.interrupt();
				joinUntil(worker, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
			}
		}
		// never started, or a publish that raced with stop: nobody will take these
		for (BlockingQueue<RawEvent> queue : this.queues) {
			this.counters.lost.add(queue.size());
			queue.clear();
		}
		long lost = this.counters.lost.sum();
		if (lost > 0) {
			log.warn("{} events were never handled when the transport stopped", lost);
		}
	}

	private static void joinUntil(Thread worker, long deadline) {
		long left = deadline - System.nanoTime();
		try {
			if (left > 0) {
				worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public TransportCounters counters() {
		return this.counters.snapshot();
	}

}
