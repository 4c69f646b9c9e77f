package vn.khien.monitoring.internal;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.khien.monitoring.transport.EventTransport;

/**
 * Starts the event transport with the pipeline as its handler, before the receivers open
 * (they publish onto it), and stops it, draining what it holds, after they close when the
 * node shuts down. A transport starts once: a context stopped and started again (as a
 * test of a restart does) keeps it running.
 */
@Component
class TransportIntake implements SmartLifecycle {

	private final EventTransport transport;

	private final EventPipeline pipeline;

	private volatile boolean running;

	private volatile boolean started;

	private volatile boolean closing;

	TransportIntake(EventTransport transport, EventPipeline pipeline) {
		this.transport = transport;
		this.pipeline = pipeline;
	}

	@Override
	public synchronized void start() {
		if (!started) {
			transport.start(pipeline::ingestRaw);
			started = true;
		}
		running = true;
	}

	@EventListener
	void on(ContextClosedEvent closed) {
		closing = true;
	}

	@Override
	public synchronized void stop() {
		if (closing && started) {
			transport.stop();
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
