package vn.khien.monitoring.syslog;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/** One transport's live counts; {@link #snapshot()} gives them as a record. */
final class Tally {

	final Transport transport;

	final LongAdder received = new LongAdder();

	final LongAdder droppedFull = new LongAdder();

	final LongAdder oversize = new LongAdder();

	final LongAdder badFrame = new LongAdder();

	final AtomicLong connectionsOpen = new AtomicLong();

	final LongAdder connectionsRefused = new LongAdder();

	final LongAdder pauses = new LongAdder();

	final LongAdder errors = new LongAdder();

	Tally(Transport transport, @Nullable MeterRegistry meters) {
		this.transport = transport;
		if (meters != null) {
			message(meters, "received", received);
			message(meters, "dropped_full", droppedFull);
			message(meters, "oversize", oversize);
			message(meters, "bad_frame", badFrame);
			if (transport != Transport.UDP) {
				Gauge.builder("khien.syslog.connections", connectionsOpen, AtomicLong::get)
					.description("Syslog stream connections open")
					.tag("transport", transport.tag())
					.register(meters);
				counter(meters, "khien.syslog.connections.refused", "Syslog connections refused at the maximum",
						connectionsRefused);
				counter(meters, "khien.syslog.pauses",
						"Times a syslog connection stopped reading: the pipeline was full", pauses);
				counter(meters, "khien.syslog.connection.errors", "Syslog connections closed by an error or idleness",
						errors);
			}
		}
	}

	private void message(MeterRegistry meters, String outcome, LongAdder count) {
		FunctionCounter.builder("khien.syslog.messages", count, LongAdder::sum)
			.description("Syslog messages by outcome")
			.tag("transport", transport.tag())
			.tag("outcome", outcome)
			.register(meters);
	}

	private void counter(MeterRegistry meters, String name, String description, LongAdder count) {
		FunctionCounter.builder(name, count, LongAdder::sum)
			.description(description)
			.tag("transport", transport.tag())
			.register(meters);
	}

	SyslogCounters snapshot() {
		return new SyslogCounters(transport, received.sum(), droppedFull.sum(), oversize.sum(), badFrame.sum(),
				connectionsOpen.get(), connectionsRefused.sum(), pauses.sum(), errors.sum());
	}

}
