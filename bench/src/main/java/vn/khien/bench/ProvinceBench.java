package vn.khien.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import vn.khien.bench.App.Heap;
import vn.khien.bench.HostFiles.HostFile;
import vn.khien.bench.Load.Latencies;
import vn.khien.bench.Load.Read;

/**
 * Khiên at province size, on H2 and on PostgreSQL: N hosts (default 1,000,000) across the demo province's
 * agencies and 200 more, imported through the import API, then the main reads one at a time, the API under 50
 * token clients and the pages under 50 signed-in sessions. Run with bench/run.sh; what each figure means is in
 * bench/README.md.
 */
public final class ProvinceBench {

	static final int EXTRA_AGENCIES = 200;

	/** Share of the hosts in the one large file, e.g. 300,000 of 1,000,000. */
	static final double LARGE_SHARE = 0.3;

	static final String LARGE_AGENCY = "BENCH-001";

	static final int READS = 200;

	static final int CLIENTS = 50;

	/** A line of the summary; {@code met} is null for a figure without a target. */
	record Figure(String name, String target, String value, Boolean met) {
	}

	private final String db;

	private final int hosts;

	private final Duration loadTime;

	private final Path dir;

	private final String password = "bench-" + UUID.randomUUID().toString().substring(0, 8);

	private final List<Figure> figures = new ArrayList<>();

	private ProvinceBench(String db, int hosts, Duration loadTime, Path dir) {
		this.db = db;
		this.hosts = hosts;
		this.loadTime = loadTime;
		this.dir = dir;
	}

	/** Arguments, in any order: {@code h2} or {@code postgres} (default both), hosts, then load seconds. */
	public static void main(String[] args) throws Exception {
		List<String> dbs = List.of("h2", "postgres");
		List<Integer> numbers = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("h2") || arg.equals("postgres")) {
				dbs = List.of(arg);
			}
			else {
				numbers.add(Integer.parseInt(arg.replace("_", "").replace(",", "")));
			}
		}
		int hosts = numbers.size() > 0 ? numbers.get(0) : 1_000_000;
		Duration loadTime = Duration.ofSeconds(numbers.size() > 1 ? numbers.get(1) : 20);
		Map<String, List<Figure>> results = new LinkedHashMap<>();
		boolean failed = !eachDatabase(dbs, results, (db, dir) -> new ProvinceBench(db, hosts, loadTime, dir).run());
		printSummary(hosts, results);
		System.exit(failed ? 1 : 0);
	}

	/** One run of a bench on one database, in its own temporary directory; answers its figures. */
	@FunctionalInterface
	interface Run {

		List<Figure> on(String db, Path dir) throws Exception;
	}

	/**
	 * Runs the bench on each database in turn, each in a fresh temporary directory ({@code khien-bench-<db>-…}),
	 * removed afterwards with the PostgreSQL database unless {@code -Dbench.keep=true}; a failed run keeps its
	 * directory, says where, and the next database still runs. Answers whether every run succeeded.
	 */
	static boolean eachDatabase(List<String> dbs, Map<String, List<Figure>> results, Run run) throws Exception {
		boolean keep = Boolean.getBoolean("bench.keep");
		boolean ok = true;
		for (String db : dbs) {
			Path dir = Files.createTempDirectory("khien-bench-" + db + "-");
			try {
				results.put(db, run.on(db, dir));
			}
			catch (Exception ex) {
				ok = false;
				System.out.println("\n" + db + " FAILED (files kept in " + dir + "):");
				ex.printStackTrace(System.out);
				continue;
			}
			if (!keep) {
				delete(dir);
				if (db.equals("postgres")) {
					App.dropDatabase();
				}
			}
			else {
				System.out.println("kept " + dir + (db.equals("postgres") ? " and the database " + App.PG_DATABASE : ""));
			}
		}
		return ok;
	}

	private List<Figure> run() throws Exception {
		System.out.printf("%n=== %s: %,d hosts, load phases of %d s, Java %s ===%n", db, hosts, loadTime.toSeconds(),
				System.getProperty("java.version"));
		long start = System.nanoTime();
		try (App app = App.start(db, dir, password)) {
			System.out.printf("Khiên started with demo data in %.1f s (its own JVM: -Xmx256m, 2 processors; log %s)%n",
					seconds(start), app.log);
			Http operator = Http.to(app.base).withToken("operator", password);
			HostFiles files = province(operator);
			imports(app, operator, files);
			reads(app, files);
			loads(app, files);
		}
		System.out.printf("%s done in %.0f s%n", db, seconds(start));
		return figures;
	}

	/** Adds the 200 agencies through the API, then spreads the hosts over them and the demo province's. */
	private HostFiles province(Http operator) throws Exception {
		List<JsonNode> demo = agencies(operator);
		long root = demo.stream().filter(a -> a.path("code").asString().equals("UBND-T")).findFirst().orElseThrow().path("id").asLong();
		long start = System.nanoTime();
		for (int i = 1; i <= EXTRA_AGENCIES; i++) {
			operator.postJson("/api/v1/agencies", Map.of("code", String.format("BENCH-%03d", i), "name",
					"Đơn vị đo tải " + i, "kind", "PUBLIC_SERVICE_UNIT", "parentId", root));
		}
		System.out.printf("created %d agencies through POST /api/v1/agencies in %.1f s%n", EXTRA_AGENCIES, seconds(start));
		List<JsonNode> all = agencies(operator);
		Map<Long, Long> parents = new HashMap<>();
		long officerAgency = 0;
		for (JsonNode a : all) {
			parents.put(a.path("id").asLong(), a.path("parentId").isNumber() ? a.path("parentId").asLong() : null);
			officerAgency = a.path("code").asString().equals("SYT") ? a.path("id").asLong() : officerAgency;
		}
		List<String> others = new ArrayList<>();
		for (JsonNode a : all) {
			String code = a.path("code").asString();
			if (a.path("status").asString().equals("ACTIVE") && !code.equals(LARGE_AGENCY)
					&& !within(a.path("id").asLong(), officerAgency, parents)) {
				others.add(code);
			}
		}
		HostFiles files = new HostFiles(dir.resolve("files"), hosts, LARGE_SHARE, LARGE_AGENCY, others);
		System.out.printf("agencies: %,d (%,d of the demo province + %d), %,d active; %,d hosts for %s in one file, %,d hosts"
				+ " in %,d files for the other active agencies; the officer's SYT and its units keep only their demo hosts%n",
				all.size(), demo.size(), EXTRA_AGENCIES, all.stream().filter(a -> a.path("status").asString().equals("ACTIVE")).count(),
				files.large.hosts(), LARGE_AGENCY, files.restHosts(), files.rest.size());
		return files;
	}

	static boolean within(long agency, long ancestor, Map<Long, Long> parents) {
		for (Long at = agency; at != null; at = parents.get(at)) {
			if (at == ancestor) {
				return true;
			}
		}
		return false;
	}

	/** Every agency, a page of 500 at a time. */
	static List<JsonNode> agencies(Http http) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode items = http.getJson("/api/v1/agencies?size=500&page=" + page).path("items");
			items.forEach(all::add);
			if (items.size() < 500) {
				return all;
			}
		}
	}

	private void imports(App app, Http operator, HostFiles files) throws Exception {
		// NB: the same work as an import, then rolled back, so that the measured imports run JIT-compiled
		long start = System.nanoTime();
		importAll(operator, "/api/v1/imports/assets", List.of(files.warmUp), true, "created");
		System.out.printf("warm-up: dry run of %,d hosts in %.1f s (not measured)%n", files.warmUp.hosts(), seconds(start));

		HostFiles.parseOnly(files.warmUp.path());
		double parseLarge = Double.MAX_VALUE;
		for (int i = 0; i < 2; i++) {
			start = System.nanoTime();
			HostFiles.parseOnly(files.large.path());
			parseLarge = Math.min(parseLarge, seconds(start));
		}
		start = System.nanoTime();
		for (HostFile file : files.rest) {
			HostFiles.parseOnly(file.path());
		}
		double parseRest = seconds(start);
		System.out.printf("parse-only (AssetTableParser, no-op consumer, in the harness): large file %.2f s = %,.0f hosts/s,"
				+ " other files %.2f s = %,.0f hosts/s%n", parseLarge, files.large.hosts() / parseLarge, parseRest,
				files.restHosts() / parseRest);

		String large = String.format("large file (%,d hosts, 1 agency)", files.large.hosts());
		String rest = String.format("other agencies (%,d hosts, %,d imports)", files.restHosts(), files.rest.size());
		Heap heap = Heap.NONE;
		double[] fresh = new double[2];
		for (String round : List.of("new import", "re-import unchanged")) {
			boolean isNew = round.equals("new import");
			String count = isNew ? "created" : "unchanged";
			long mark = app.gcMark();
			double largeSeconds = importAll(operator, "/api/v1/imports/assets", List.of(files.large), false, count);
			Heap largeHeap = app.heapSince(mark);
			mark = app.gcMark();
			double restSeconds = importAll(operator, "/api/v1/imports/assets", files.rest, false, count);
			Heap restHeap = app.heapSince(mark);
			heap = heap.and(largeHeap).and(restHeap);
			double largeRate = files.large.hosts() / largeSeconds;
			double restRate = files.restHosts() / restSeconds;
			System.out.printf("%s, %s: %.2f s = %,.0f hosts/s; %s%n", round, large, largeSeconds, largeRate, largeHeap);
			System.out.printf("%s, %s: %.2f s = %,.0f hosts/s; %s%n", round, rest, restSeconds, restRate, restHeap);
			if (isNew) {
				fresh = new double[] { largeRate, restRate };
				figure(round + ", " + large, "≥ 25,000 hosts/s", rate(largeRate), largeRate >= 25_000);
				figure(round + ", " + rest, "≥ 25,000 hosts/s", rate(restRate), restRate >= 25_000);
				figure("new import ÷ parse-only, large file", "≤ 2×", ratio(largeSeconds, parseLarge), largeSeconds <= 2 * parseLarge);
				figure("new import ÷ parse-only, other agencies", "≤ 2×", ratio(restSeconds, parseRest), restSeconds <= 2 * parseRest);
			}
			else {
				figure(round + ", " + large, "≥ new import", rate(largeRate), largeRate >= fresh[0]);
				figure(round + ", " + rest, "≥ new import", rate(restRate), restRate >= fresh[1]);
			}
		}

		long mark = app.gcMark();
		start = System.nanoTime();
		importAll(operator, "/api/v1/imports/coverage", List.of(new HostFile(LARGE_AGENCY, files.largeCoverage, files.large.hosts())),
				false, "matched");
		double coverageSeconds = seconds(start);
		Heap coverageHeap = app.heapSince(mark);
		heap = heap.and(coverageHeap);
		System.out.printf("coverage import, large agency: %.2f s = %,.0f records/s; %s%n", coverageSeconds,
				files.large.hosts() / coverageSeconds, coverageHeap);
		figure(String.format("coverage import, large agency (%,d records)", files.large.hosts()), "—",
				String.format("%,.0f records/s", files.large.hosts() / coverageSeconds), null);

		boolean outOfMemory = app.ranOutOfMemory();
		figure("heap during the imports (-Xmx256m): before GC / after GC", "< 256 MB",
				String.format("%d / %d MB, %d full GCs%s", heap.peakMb(), heap.liveMb(), heap.full(), outOfMemory ? ", OutOfMemoryError" : ""),
				!outOfMemory && heap.liveMb() < 256);
	}

	/**
	 * Uploads every file, then follows each job to its end; answers the seconds from the first upload to the last
	 * job's end. Says so when a job fails or does not count {@code count} as expected.
	 */
	static double importAll(Http http, String path, List<HostFile> files, boolean dryRun, String count) throws Exception {
		long start = System.nanoTime();
		List<String> statusUrls = new ArrayList<>();
		for (HostFile file : files) {
			statusUrls.add(http.upload(path, Map.of("agency", file.agency(), "format", "csv", "dryRun", String.valueOf(dryRun)),
					file.path()).path("statusUrl").asString());
		}
		long counted = 0;
		for (String statusUrl : statusUrls) {
			while (true) {
				JsonNode job = http.getJson(statusUrl);
				String state = job.path("state").asString();
				if (state.equals("succeeded")) {
					counted += job.path("counts").path(count).asLong();
					break;
				}
				if (state.equals("failed")) {
					throw new IllegalStateException("import " + statusUrl + " failed: " + job.path("error"));
				}
				Thread.sleep(25);
			}
		}
		double seconds = seconds(start);
		long expected = files.stream().mapToLong(HostFile::hosts).sum();
		if (counted != expected) {
			System.out.printf("WARNING: %,d hosts %s, expected %,d%n", counted, count, expected);
		}
		return seconds;
	}

	/** The listed reads, one at a time, as the figures a single user sees. */
	private void reads(App app, HostFiles files) throws Exception {
		Http operator = Http.to(app.base).withToken("operator", password);
		Http officer = Http.to(app.base).withToken("officer", password);
		JsonNode first = operator.getJson("/api/v1/assets?size=50");
		System.out.printf("the operator's first page says %,d%s hosts, the officer's %,d; the search finds %d host(s)%n",
				first.path("total").asLong(), first.path("totalCapped").asBoolean() ? "+" : "",
				officer.getJson("/api/v1/assets?size=50").path("total").asLong(),
				operator.getJson(search(files)).path("items").size());
		List<Read> reads = new ArrayList<>(apiReads(operator, officer, files));
		reads.add(3, new Read("home page / (operator session)", Http.to(app.base).signIn("operator", password), "/"));
		for (Read read : reads) {
			Latencies latencies = Load.sequential(read, 20, READS);
			System.out.printf("%-40s %s   (%d requests, %s)%n", read.name(), latencies, READS, read.path());
			figure(read.name() + ": p50 / p95", "p95 < 150 ms", String.format("%.0f / %.0f ms", latencies.ms(50), latencies.ms(95))
					+ errors(latencies), latencies.ms(95) < 150 && latencies.errors() == 0);
		}
	}

	private static List<Read> apiReads(Http operator, Http officer, HostFiles files) {
		return List.of(new Read("assets page, operator", operator, "/api/v1/assets?size=50"),
				new Read("assets page, officer", officer, "/api/v1/assets?size=50"),
				new Read("host-name search", operator, search(files)),
				new Read("coverage overview", operator, "/api/v1/coverage"),
				new Read("agencies", operator, "/api/v1/agencies"));
	}

	private static String search(HostFiles files) {
		return "/api/v1/assets?q=" + URLEncoder.encode(files.someHostname, StandardCharsets.UTF_8);
	}

	/** 50 API clients with their own tokens, then 50 signed-in browser sessions, each for the load time. */
	private void loads(App app, HostFiles files) throws Exception {
		long start = System.nanoTime();
		List<List<Read>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			Http http = Http.to(app.base);
			clients.add(apiReads(http.withToken("operator", password), http.withToken("officer", password), files));
		}
		System.out.printf("%d API clients took an operator and an officer token each in %.1f s%n", CLIENTS, seconds(start));
		warmUp(clients);
		long mark = app.gcMark();
		Load.Result api = Load.parallel(clients, loadTime);
		print(CLIENTS + " token clients, API reads", api, "requests", app.heapSince(mark));
		figure(CLIENTS + " token clients, API reads: throughput, p95", "p95 < 200 ms",
				String.format("%,.0f requests/s, %.0f ms", api.perSecond(), api.all().ms(95)) + errors(api.all()),
				api.all().ms(95) < 200 && api.all().errors() == 0);

		start = System.nanoTime();
		List<List<Read>> sessions = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			// NB: one session in five is the officer's, whose pages show one department
			Http session = Http.to(app.base).signIn(c % 5 == 4 ? "officer" : "operator", password);
			sessions.add(Stream.of("/", "/agencies", "/systems", "/assets", "/coverage")
				.map(page -> new Read(page, session, page))
				.toList());
		}
		System.out.printf("%d sessions signed in through the login form in %.1f s%n", CLIENTS, seconds(start));
		warmUp(sessions);
		mark = app.gcMark();
		Load.Result pages = Load.parallel(sessions, loadTime);
		print(CLIENTS + " signed-in sessions, pages", pages, "pages", app.heapSince(mark));
		figure(CLIENTS + " signed-in sessions, pages: throughput, p95", "p95 < 300 ms",
				String.format("%,.0f pages/s, %.0f ms", pages.perSecond(), pages.all().ms(95)) + errors(pages.all()),
				pages.all().ms(95) < 300 && pages.all().errors() == 0);
	}

	/**
	 * The same load, unmeasured, for half the load time (10 s at most): on two processors the JIT compiles the
	 * pages' code paths for a minute or more, and the figures are for a running province, not a fresh start.
	 */
	private void warmUp(List<List<Read>> clients) throws InterruptedException {
		Duration warmUp = loadTime.dividedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
				: loadTime.dividedBy(2);
		Load.Result ignored = Load.parallel(clients, warmUp);
		System.out.printf("warm-up under the same load for %d s (not measured): %,.0f/s%n", warmUp.toSeconds(),
				ignored.perSecond());
	}

	private static void print(String name, Load.Result result, String unit, Heap heap) {
		System.out.printf("%s for %d s: %,.0f %s/s, %s (the last ended %.1f s after the time); %s%n", name,
				result.duration().toSeconds(), result.perSecond(), unit, result.all(), result.overrun(), heap);
		result.byName().forEach((read, latencies) -> System.out.printf("    %-30s %s (%,d)%n", read, latencies, latencies.count()));
	}

	private void figure(String name, String target, String value, Boolean met) {
		figures.add(new Figure(name, target, value, met));
	}

	/** A table for bench/README.md: one row per figure, one column per database. */
	private static void printSummary(int hosts, Map<String, List<Figure>> results) {
		System.out.printf("%n=== Summary: %,d hosts (targets are for 1,000,000; ✓ met, ✗ missed) ===%n%n", hosts);
		printTable(results);
	}

	/** One row per figure, one column per database, ✓ or ✗ after each figure that has a target. */
	static void printTable(Map<String, List<Figure>> results) {
		Map<String, String> targets = new LinkedHashMap<>();
		Map<String, Map<String, String>> values = new HashMap<>();
		results.forEach((db, list) -> list.forEach(f -> {
			targets.putIfAbsent(f.name(), f.target());
			values.computeIfAbsent(f.name(), n -> new HashMap<>())
				.put(db, f.value() + (f.met() == null ? "" : f.met() ? " ✓" : " ✗"));
		}));
		System.out.println("| figure | target | " + String.join(" | ", results.keySet().stream().map(ProvinceBench::label).toList()) + " |");
		System.out.println("|---|---|" + "---|".repeat(results.size()));
		targets.forEach((name, target) -> System.out.println("| " + name + " | " + target + " | "
				+ String.join(" | ", results.keySet().stream().map(db -> values.get(name).getOrDefault(db, "")).toList()) + " |"));
	}

	static String label(String db) {
		return db.equals("h2") ? "H2" : "PostgreSQL";
	}

	private static String rate(double hostsPerSecond) {
		return String.format("%,.0f hosts/s", hostsPerSecond);
	}

	private static String ratio(double importSeconds, double parseSeconds) {
		return String.format("%.1f× (%.2f s ÷ %.2f s)", importSeconds / parseSeconds, importSeconds, parseSeconds);
	}

	static String errors(Latencies latencies) {
		return latencies.errors() == 0 ? "" : ", " + latencies.errors() + " errors";
	}

	static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	static void delete(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
