package vn.khien.monitoring.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.syslog.SyslogMessage;
import vn.khien.monitoring.syslog.SyslogSink;
import vn.khien.monitoring.transport.EventTransport;
import vn.khien.monitoring.transport.RawEvent;

/**
 * Where the syslog receivers hand their messages: onto the event transport (the
 * in-process queues, or Kafka), as the source {@code khien.monitoring.syslog-source}
 * names. When the transport is full the receivers slow TCP senders and count UDP drops;
 * without the source, messages are refused and counted.
 */
@Component
class SyslogIntake implements SyslogSink {

	private final EventTransport transport;

	private final EventSources sources;

	private final String sourceName;

	private final AtomicLong refused = new AtomicLong();

	// NB: the source is looked up once in a while, not per message
	private final Cache<String, Optional<EventSources.Bound>> source = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	SyslogIntake(EventTransport transport, EventSources sources,
			@Value("${khien.monitoring.syslog-source:syslog}") String sourceName) {
		this.transport = transport;
		this.sources = sources;
		this.sourceName = sourceName;
	}

	@Override
	public boolean offer(SyslogMessage message) {
		Optional<EventSources.Bound> bound = source.get(sourceName,
				name -> EventPipeline.PIPELINE.call(() -> sources.named(name)));
		if (bound.isEmpty() || bound.get().agencyIds().isEmpty()) {
			// NB: taken, so that the sender is not slowed for a source nobody made
			refused.incrementAndGet();
			return true;
		}
		return transport.publish(new RawEvent(bound.get().id(), bound.get().agencyIds().get(0), message.receivedAt(),
				EventPipeline.RAW_SYSLOG, message.bytes()));
	}

	/** Messages refused for want of the named source. */
	long refused() {
		return refused.get();
	}

}
