package vn.khien.monitoring.transport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker for the tests: one KRaft node in combined mode (broker and
 * controller), in a temporary directory, on free local ports: {@link #shared()} starts
 * one per JVM for all test classes; the bench runs one as its own process
 * ({@link #main}).
 */
public final class KafkaBroker implements AutoCloseable {

	private static @Nullable KafkaBroker shared;

	private final Path directory;

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private KafkaBroker(Path directory, KafkaRaftServer server, String bootstrapServers) {
		this.directory = directory;
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/** The broker of this JVM, started at the first call, stopped when the JVM ends. */
	public static synchronized KafkaBroker shared() {
		if (shared == null) {
			KafkaBroker broker = start();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
			shared = broker;
		}
		return shared;
	}

	public static String servers() {
		return shared().bootstrapServers;
	}

	/** A broker of its own, which the caller closes. */
	public static KafkaBroker start() {
		quietLogs();
		// NB: a port found free may be taken before the broker binds it: try new ones
		for (int attempt = 1;; attempt++) {
			Path directory = tempDirectory();
			try {
				return start(directory);
			}
			catch (RuntimeException ex) {
				delete(directory);
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private static KafkaBroker start(Path directory) {
		int brokerPort = freePort();
		int controllerPort = freePort();
		String logDir = directory.resolve("data").toString();
		Properties props = new Properties();
		props.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
				Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
				Map.entry("listeners",
						"PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"), Map.entry("log.dirs", logDir),
				// one node: internal topics with one copy, and few partitions
				Map.entry("offsets.topic.replication.factor", "1"), Map.entry("offsets.topic.num.partitions", "4"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				// a group forms at once, not after the 3 s wait for more members
				Map.entry("group.initial.rebalance.delay.ms", "0"),
				// the transport must create its topic, with its partitions
				Map.entry("auto.create.topics.enable", "false"),
				Map.entry("log.cleaner.dedupe.buffer.size", "2097152")));
		KafkaConfig config = KafkaConfig.fromProps(props, false);
		try {
			new Formatter().setClusterId(Uuid.randomUuid().toString())
				.setNodeId(1)
				.setDirectories(List.of(logDir))
				.setMetadataLogDirectory(logDir)
				.setControllerListenerName("CONTROLLER")
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
				.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot format " + logDir, ex);
		}
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		String servers = "127.0.0.1:" + brokerPort;
		try {
			server.startup();
			awaitReady(servers);
		}
		catch (RuntimeException ex) {
			server.shutdown();
			server.awaitShutdown();
			throw ex;
		}
		return new KafkaBroker(directory, server, servers);
	}

	private static void awaitReady(String servers) {
		try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers))) {
			if (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty()) {
				throw new IllegalStateException("Broker has no nodes");
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Broker not ready on " + servers, ex);
		}
	}

	/**
	 * A broker as a process of its own, for the bench or to try Khiên with Kafka: prints
	 * {@code kafka <host:port>} once it is ready and runs until its standard input
	 * closes.
	 */
	public static void main(String[] args) throws IOException {
		try (KafkaBroker broker = start()) {
			System.out.println("kafka " + broker.bootstrapServers());
			System.out.flush();
			while (System.in.read() != -1) {
				// the parent closes our input, or is gone, when we are to stop
			}
		}
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
		delete(this.directory);
	}

	private static void quietLogs() {
		for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
			if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
				logger.setLevel(Level.WARN);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDirectory() {
		try {
			// NB: in memory where there is /dev/shm: the broker syncs its quorum state,
			// which took seconds on a busy disk
			Path shm = Path.of("/dev/shm");
			return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "khien-kafka-")
					: Files.createTempDirectory("khien-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temp directory left behind is no failure of the test
		}
	}

}
