package vn.khien.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import vn.khien.monitoring.transport.EventTransport;
import vn.khien.monitoring.transport.InProcessTransport;
import vn.khien.monitoring.transport.KafkaSettings;
import vn.khien.monitoring.transport.KafkaTransport;
import vn.khien.monitoring.transport.RawEvent;
import vn.khien.monitoring.transport.TransportSettings;

/**
 * Events per second through the monitoring transport, publish to handler, on one machine: Kafka with 1 and
 * 2 consumers, the in-process queue for comparison, and how fast a backlog left on the topic is read. The
 * broker is a process of its own (the tests' KRaft broker) unless {@code -Dbench.kafka=host:port} names
 * one. Run with bench/kafka.sh; what each figure means is in bench/README.md.
 */
public final class KafkaTransportBench {

	static final int AGENCIES = 200;

	private final int events;

	private final int payloadBytes;

	private final int partitions;

	private final String servers;

	private final List<String> table = new ArrayList<>();

	private KafkaTransportBench(int events, int payloadBytes, int partitions, String servers) {
		this.events = events;
		this.payloadBytes = payloadBytes;
		this.partitions = partitions;
		this.servers = servers;
	}

	public static void main(String[] args) throws Exception {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int payload = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int partitions = (args.length > 2) ? Integer.parseInt(args[2]) : 12;
		String external = System.getProperty("bench.kafka");
		Process broker = null;
		String servers;
		if (external != null && !external.isBlank()) {
			servers = external;
		}
		else {
			broker = startBroker();
			servers = readServers(broker);
		}
		try {
			new KafkaTransportBench(events, payload, partitions, servers).run();
		}
		finally {
			if (broker != null) {
				broker.getOutputStream().close();
				if (!broker.waitFor(30, TimeUnit.SECONDS)) {
					broker.destroy();
				}
			}
		}
	}

	private static Process startBroker() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("bench.brokerClasspath", System.getProperty("java.class.path"));
		return new ProcessBuilder(java, "-Xmx512m", "-XX:+UseG1GC", "-cp", classpath,
				"vn.khien.monitoring.transport.KafkaBroker")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private static String readServers(Process broker) throws IOException {
		BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			if (line.startsWith("kafka ")) {
				return line.substring("kafka ".length()).trim();
			}
		}
		throw new IllegalStateException("The broker stopped before it was ready");
	}

	private void run() throws Exception {
		System.out.printf(Locale.ROOT, "%,d events of %d bytes, %d agencies, %d partitions, broker %s, %d processors%n",
				this.events, this.payloadBytes, AGENCIES, this.partitions, this.servers,
				Runtime.getRuntime().availableProcessors());
		for (int consumers : new int[] { 1, 2 }) {
			String topic = "bench-" + consumers + "-" + UUID.randomUUID();
			TransportSettings settings = TransportSettings.defaults().withWorkers(consumers);
			KafkaSettings kafka = KafkaSettings.of(this.servers, topic, this.partitions, "bench-" + topic);
			measure("Kafka, " + consumers + " consumer" + ((consumers > 1) ? "s" : ""),
					new KafkaTransport(kafka, settings));
			// a backlog: everything the topic holds (warm-up and measured events), read by a new group
			drain("Kafka backlog, " + consumers + " consumer" + ((consumers > 1) ? "s" : ""),
					new KafkaTransport(kafka.withGroupId("drain-" + topic), settings), this.events + warmUp());
		}
		for (int workers : new int[] { 1, 2 }) {
			measure("in-process, " + workers + " worker" + ((workers > 1) ? "s" : ""),
					new InProcessTransport(TransportSettings.defaults().withWorkers(workers)));
		}
		System.out.println();
		System.out.println("| path | publish events/s | publish→handled events/s | refused |");
		System.out.println("|---|---|---|---|");
		this.table.forEach(System.out::println);
	}

	private int warmUp() {
		return Math.min(100_000, this.events / 5);
	}

	private void measure(String name, EventTransport transport) {
		AtomicLong handled = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		transport.start((batch) -> {
			long sum = 0;
			for (RawEvent e : batch) {
				sum += e.payload().length;
			}
			bytes.addAndGet(sum);
			handled.addAndGet(batch.size());
		});
		try {
			publish(transport, warmUp());
			awaitHandled(handled, warmUp(), transport);
			long start = System.nanoTime();
			long refused = publish(transport, this.events);
			long published = System.nanoTime();
			awaitHandled(handled, warmUp() + this.events, transport);
			long done = System.nanoTime();
			double publishRate = this.events / seconds(start, published);
			double rate = this.events / seconds(start, done);
			System.out.printf(Locale.ROOT, "%-28s publish %,10.0f/s   publish→handled %,10.0f/s (%.1f MB/s)   refused %,d%n",
					name, publishRate, rate, rate * this.payloadBytes / 1e6, refused);
			this.table.add(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,d |", name, publishRate, rate, refused));
		}
		finally {
			transport.stop();
		}
	}

	private void drain(String name, EventTransport transport, long expected) {
		AtomicLong handled = new AtomicLong();
		long start = System.nanoTime();
		transport.start((batch) -> handled.addAndGet(batch.size()));
		try {
			awaitHandled(handled, expected, transport);
			double rate = expected / seconds(start, System.nanoTime());
			// a rebalance while the group forms may hand a batch to two consumers: say so, it inflates the rate
			LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
			if (handled.get() > expected) {
				System.out.printf(Locale.ROOT, "%-28s %,d events delivered twice%n", name, handled.get() - expected);
			}
			System.out.printf(Locale.ROOT, "%-28s read %,10.0f/s (from the consumer's start, group join included)%n",
					name, rate);
			this.table.add(String.format(Locale.ROOT, "| %s | | %,.0f (read only) | |", name, rate));
		}
		finally {
			transport.stop();
		}
	}

	/** Publishes as a receiver would: an event refused is tried again after a short pause. */
	private long publish(EventTransport transport, int count) {
		long refused = 0;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		byte[] payload = new byte[this.payloadBytes];
		for (int i = 0; i < count; i++) {
			random.nextBytes(payload);
			// NB: printable text, as logs are, so that compression sees what it would see
			for (int j = 0; j < payload.length; j++) {
				payload[j] = (byte) ('a' + (payload[j] & 0x0F));
			}
			RawEvent event = new RawEvent(i, 1 + (i % AGENCIES), Instant.now(), "ndjson-line", payload.clone());
			while (!transport.publish(event)) {
				refused++;
				LockSupport.parkNanos(50_000);
			}
		}
		return refused;
	}

	/** Until every event is handled; fails at once when the transport counts one lost. */
	private static void awaitHandled(AtomicLong handled, long expected, EventTransport transport) {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (handled.get() < expected) {
			long lost = transport.counters().lost();
			if (lost > 0 || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Only " + handled.get() + " of " + expected + " events handled, " + lost + " lost");
			}
			LockSupport.parkNanos(1_000_000);
		}
	}

	private static double seconds(long from, long to) {
		return (to - from) / 1e9;
	}

}
