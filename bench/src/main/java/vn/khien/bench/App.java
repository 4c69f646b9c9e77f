package vn.khien.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Khiên as its own process, as it runs in production: {@code java -Xmx256m} on two processors, demo data on, its
 * log and its GC log in the bench directory. The heap is read from the GC log, which the harness's own threads
 * and buffers cannot disturb: the heap in use just before a collection is the peak since the one before, and
 * what is left after it bounds the live data.
 */
final class App implements AutoCloseable {

	/** The PostgreSQL database the bench drops and creates; nothing else is ever touched. */
	static final String PG_DATABASE = "khien_bench";

	static final String PG_SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");

	static final String PG_USER = System.getProperty("bench.pguser", "postgres");

	static final String PG_PASSWORD = System.getProperty("bench.pgpassword", "");

	/** Peak and live heap over a stretch of the GC log; sizes in MB. */
	record Heap(int collections, int full, long peakMb, long liveMb) {

		static final Heap NONE = new Heap(0, 0, 0, 0);

		Heap and(Heap other) {
			return new Heap(collections + other.collections, full + other.full, Math.max(peakMb, other.peakMb),
					Math.max(liveMb, other.liveMb));
		}

		@Override
		public String toString() {
			return collections == 0 ? "no GC"
					: String.format("heap %d MB before GC, %d MB after (%d GCs, %d full)", peakMb, liveMb, collections, full);
		}
	}

	private static final Pattern PAUSE = Pattern.compile("(Pause \\w+).* (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

	final String base;

	final Path log;

	private final Path gcLog;

	private final Process process;

	private App(String base, Path log, Path gcLog, Process process) {
		this.base = base;
		this.log = log;
		this.gcLog = gcLog;
		this.process = process;
	}

	/** Starts Khiên on H2 in {@code dir}, or on a freshly created {@value #PG_DATABASE}, and waits until it is ready. */
	static App start(String db, Path dir, String demoPassword) throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path log = dir.resolve("app.log");
		Path gcLog = dir.resolve("gc.log");
		List<String> command = new ArrayList<>();
		String cpus = System.getenv("BENCH_APP_CPUS");
		if (cpus != null && !cpus.isBlank()) {
			// NB: on a machine with more cores, keeps the application on two and the load generator off them
			command.addAll(List.of("taskset", "-c", cpus.trim()));
		}
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:ActiveProcessorCount=2", "-XX:+UseG1GC", "-Xlog:gc:file=" + gcLog + ":uptime"));
		String extra = System.getenv("BENCH_APP_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("bench.appClasspath"), "vn.khien.KhienApplication",
				"--server.port=" + port, "--khien.data-dir=" + dir.resolve("data"), "--khien.demo=true",
				"--khien.demo-password=" + demoPassword, "--khien.admin-password=" + demoPassword + "-admin",
				"--logging.level.root=WARN"));
		if (db.equals("postgres")) {
			recreateDatabase();
			command.addAll(List.of("--spring.datasource.url=" + PG_SERVER + PG_DATABASE,
					"--spring.datasource.username=" + PG_USER, "--spring.datasource.password=" + PG_PASSWORD));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		App app = new App("http://127.0.0.1:" + port, log, gcLog, process);
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		app.awaitReady();
		return app;
	}

	/** Drops and creates {@value #PG_DATABASE}, ending any session still in it. */
	static void recreateDatabase() throws SQLException {
		try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, PG_PASSWORD);
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
			s.execute("CREATE DATABASE " + PG_DATABASE);
		}
	}

	static void dropDatabase() throws SQLException {
		try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, PG_PASSWORD);
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
		}
	}

	private void awaitReady() throws Exception {
		Http http = Http.to(base);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Khiên stopped while starting, see " + log + ":\n" + tail());
			}
			try {
				if (http.get("/actuator/health/readiness") == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Khiên not ready after 10 minutes, see " + log);
	}

	/** Where the GC log ends now: {@link #heapSince} reads the collections after it. */
	long gcMark() throws IOException {
		return Files.exists(gcLog) ? Files.size(gcLog) : 0;
	}

	Heap heapSince(long mark) throws IOException {
		byte[] all = Files.readAllBytes(gcLog);
		String since = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark), StandardCharsets.UTF_8);
		Heap heap = Heap.NONE;
		for (String line : since.split("\n")) {
			Matcher m = PAUSE.matcher(line);
			if (m.find()) {
				heap = heap.and(new Heap(1, m.group(1).equals("Pause Full") ? 1 : 0, mb(m.group(2), m.group(3)),
						mb(m.group(4), m.group(5))));
			}
		}
		return heap;
	}

	private static long mb(String value, String unit) {
		long n = Long.parseLong(value);
		return switch (unit) {
			case "K" -> n / 1024;
			case "G" -> n * 1024;
			default -> n;
		};
	}

	/** Whether the process still runs: a job that never ends may be an application that died. */
	boolean alive() {
		return process.isAlive();
	}

	/** Whether the application's log mentions running out of memory. */
	boolean ranOutOfMemory() throws IOException {
		return Files.readString(log).contains("OutOfMemoryError");
	}

	String tail() throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
