package vn.khien.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.syslog.SyslogMessage;
import vn.khien.monitoring.syslog.SyslogSink;

/**
 * Where the syslog receivers hand their messages: a bounded queue that one thread drains
 * in batches into the pipeline, as the source {@code khien.monitoring.syslog-source}
 * names. When the queue is full the receivers slow TCP senders and count UDP drops;
 * without the source, messages are refused and counted. Messages in the queue when the
 * node stops are handed on first (the receivers drain).
 */
@Component
class SyslogIntake implements SyslogSink, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SyslogIntake.class);

	static final int CAPACITY = 20_000;

	static final int BATCH = 1_000;

	private final BlockingQueue<SyslogMessage> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final EventPipeline pipeline;

	private final EventSources sources;

	private final String sourceName;

	private final AtomicLong refused = new AtomicLong();

	private volatile boolean running;

	private volatile Thread worker;

	SyslogIntake(EventPipeline pipeline, EventSources sources,
			@org.springframework.beans.factory.annotation.Value("${khien.monitoring.syslog-source:syslog}") String sourceName) {
		this.pipeline = pipeline;
		this.sources = sources;
		this.sourceName = sourceName;
	}

	@Override
	public boolean offer(SyslogMessage message) {
		return running && queue.offer(message);
	}

	/** Messages refused for want of the named source, or for a batch that failed. */
	long refused() {
		return refused.get();
	}

	@Override
	public void start() {
		running = true;
		Thread thread = new Thread(this::drain, "syslog-intake");
		thread.setDaemon(true);
		worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = worker;
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Before the receivers start, after they stop: what they hand on still has somewhere
	 * to go.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	private void drain() {
		List<SyslogMessage> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				SyslogMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				Optional<EventSources.Bound> source = sources.named(sourceName);
				if (source.isEmpty()) {
					refused.addAndGet(batch.size());
				}
				else {
					pipeline.ingestMessages(source.get(), batch);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// NB: a batch that cannot be stored is counted, and the intake goes on
				refused.addAndGet(batch.size());
				log.warn("A batch of {} syslog messages could not be stored: {}", batch.size(), ex.toString());
			}
			finally {
				batch.clear();
			}
		}
	}

}
