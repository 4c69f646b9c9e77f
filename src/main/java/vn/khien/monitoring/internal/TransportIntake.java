package vn.khien.monitoring.internal;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.khien.monitoring.transport.EventTransport;

/**
 * Starts the event transport with the pipeline as its handler, before the receivers open
 * (they publish onto it), and stops it after they close.
 */
@Component
class TransportIntake implements SmartLifecycle {

	private final EventTransport transport;

	private final EventPipeline pipeline;

	private volatile boolean running;

	TransportIntake(EventTransport transport, EventPipeline pipeline) {
		this.transport = transport;
		this.pipeline = pipeline;
	}

	@Override
	public void start() {
		transport.start(pipeline::ingestRaw);
		running = true;
	}

	@Override
	public void stop() {
		transport.stop();
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
