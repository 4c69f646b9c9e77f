package vn.khien.monitoring.syslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bounded queue as the pipeline: refuses when full, as the real one does. */
final class TestSink implements SyslogSink {

	final BlockingQueue<SyslogMessage> queue;

	TestSink(int capacity) {
		this.queue = new ArrayBlockingQueue<>(capacity);
	}

	@Override
	public boolean offer(SyslogMessage message) {
		return queue.offer(message);
	}

	/**
	 * The next n messages as text, waiting at most 20 s for each; fails if one is
	 * missing.
	 */
	List<String> take(int n) throws InterruptedException {
		List<String> texts = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			SyslogMessage m = queue.poll(20, TimeUnit.SECONDS);
			if (m == null) {
				throw new AssertionError("only " + i + " of " + n + " messages arrived: " + texts);
			}
			texts.add(new String(m.bytes(), StandardCharsets.UTF_8));
		}
		return texts;
	}

	SyslogMessage next() throws InterruptedException {
		SyslogMessage m = queue.poll(20, TimeUnit.SECONDS);
		if (m == null) {
			throw new AssertionError("no message arrived");
		}
		return m;
	}

}
