package vn.khien.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import vn.khien.bench.Load.Latencies;
import vn.khien.bench.Load.Read;
import vn.khien.bench.ProvinceBench.Figure;

/**
 * The oversight's answers at province size: the dashboard (the province for the leadership, one department for
 * its officer) and a scorecard list, one request at a time, and the whole province's annual report as a job. On
 * PostgreSQL the province is first grown to 1,000 agencies and the findings written straight into the database
 * (with the tally the imports keep), so that ten million of them take minutes, not the hours an import would.
 */
final class DashboardBench {

	static final int AGENCIES = 1_000;

	static final int READS = 200;

	private final String db;

	private final long findings;

	private final Path dir;

	private final String password = "bench-" + UUID.randomUUID().toString().substring(0, 8);

	private final List<Figure> figures = new ArrayList<>();

	private DashboardBench(String db, long findings, Path dir) {
		this.db = db;
		this.findings = findings;
		this.dir = dir;
	}

	/** Arguments, in any order: {@code h2} or {@code postgres} (default both), then the findings (PostgreSQL). */
	public static void main(String[] args) throws Exception {
		List<String> dbs = List.of("h2", "postgres");
		long findings = 10_000_000;
		for (String arg : args) {
			if (arg.equals("h2") || arg.equals("postgres")) {
				dbs = List.of(arg);
			}
			else {
				findings = Long.parseLong(arg.replace("_", "").replace(",", ""));
			}
		}
		long n = findings;
		Map<String, List<Figure>> results = new LinkedHashMap<>();
		boolean ok = ProvinceBench.eachDatabase(dbs, results, (db, dir) -> new DashboardBench(db, n, dir).run());
		System.out.printf("%n=== Summary (H2: the demo province; PostgreSQL: %,d agencies and %,d findings) ===%n%n",
				AGENCIES, findings);
		ProvinceBench.printTable(results);
		System.exit(ok ? 0 : 1);
	}

	private List<Figure> run() throws Exception {
		long start = System.nanoTime();
		try (App app = App.start(db, dir, password)) {
			System.out.printf("%n=== %s ===%nKhiên started with demo data in %.1f s (log %s)%n", db,
					ProvinceBench.seconds(start), app.log);
			Http operator = Http.to(app.base).withToken("operator", password);
			if (db.equals("postgres")) {
				grow(operator);
				seed();
			}
			Http leader = Http.to(app.base).withToken("leader", password);
			Http officer = Http.to(app.base).withToken("officer", password);
			long health = ProvinceBench.agencies(operator)
				.stream()
				.filter(a -> a.path("code").asString().equals("SYT"))
				.findFirst()
				.orElseThrow()
				.path("id")
				.asLong();
			read(new Read("dashboard of the province (leader)", leader, "/api/v1/dashboard"), "< 200 ms p95", 200);
			read(new Read("dashboard of a department (officer)", officer, "/api/v1/dashboard?agency=" + health),
					"< 200 ms p95", 200);
			read(new Read("scorecards of the departments", leader, "/api/v1/scorecards?kind=department"), "", null);
			report(operator);
		}
		System.out.printf("%s done in %.0f s%n", db, ProvinceBench.seconds(start));
		return figures;
	}

	/** Up to 1,000 agencies, the new ones under the People's Committee. */
	private void grow(Http operator) throws Exception {
		List<JsonNode> demo = ProvinceBench.agencies(operator);
		long root = demo.stream()
			.filter(a -> a.path("code").asString().equals("UBND-T"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
		long start = System.nanoTime();
		for (int i = demo.size() + 1; i <= AGENCIES; i++) {
			operator.postJson("/api/v1/agencies", Map.of("code", String.format("DASH-%04d", i), "name",
					"Đơn vị đo bảng điều khiển " + i, "kind", "PUBLIC_SERVICE_UNIT", "parentId", root));
		}
		System.out.printf("grown to %,d agencies through the API in %.1f s%n", AGENCIES, ProvinceBench.seconds(start));
	}

	/**
	 * The findings spread over every active agency, a third open and past their deadline, and the tally the imports
	 * keep of them (the tally and the open ones by deadline), counted once at the end.
	 */
	private void seed() throws Exception {
		long start = System.nanoTime();
		try (Connection c = DriverManager.getConnection(App.PG_SERVER + App.PG_DATABASE, App.PG_USER, App.PG_PASSWORD);
				Statement s = c.createStatement()) {
			s.execute("CREATE TEMP TABLE bench_agency AS SELECT row_number() OVER (ORDER BY id) AS k, id FROM agency"
					+ " WHERE status = 'ACTIVE'");
			s.execute("""
					INSERT INTO finding (agency_id, owner_key, fingerprint, scanner, title, title_key, severity, host_label,
					  status, is_open, priority, due_on, first_seen_at, last_seen_at, last_scan_id, status_at)
					SELECT a.id, 'bench:' || a.id, md5(g::text), 'bench', 'Lỗ hổng đo tải ' || (g % 500),
					  'lo hong do tai ' || (g % 500), (g % 5)::smallint, 'host-' || (g % 20000) || '.bench.vn',
					  CASE WHEN g % 4 = 0 THEN 'VERIFIED' ELSE 'NEW' END, g % 4 <> 0, (g % 1000)::int,
					  CASE WHEN g % 3 = 0 THEN current_date - 10 ELSE current_date + 30 END, now(), now(),
					  0, now()
					FROM generate_series(1, :findings) g
					JOIN bench_agency a ON a.k = 1 + g % (SELECT COUNT(*) FROM bench_agency)"""
				.replace(":findings", Long.toString(findings)));
			s.execute("DELETE FROM finding_tally");
			s.execute("""
					INSERT INTO finding_tally (agency_id, system_id, severity, status, n)
					SELECT agency_id, COALESCE(system_id, 0), severity, status, COUNT(*) FROM finding
					WHERE agency_id IS NOT NULL GROUP BY agency_id, COALESCE(system_id, 0), severity, status""");
			s.execute("DELETE FROM finding_due");
			s.execute("INSERT INTO finding_due (agency_id, due_on, n) SELECT agency_id, due_on, COUNT(*) FROM finding"
					+ " WHERE agency_id IS NOT NULL AND is_open AND due_on IS NOT NULL GROUP BY agency_id, due_on");
			s.execute("ANALYZE finding");
			s.execute("ANALYZE finding_tally");
		}
		System.out.printf("seeded %,d findings and their tally in %.1f s%n", findings, ProvinceBench.seconds(start));
	}

	private void read(Read read, String target, Integer limitMs) {
		Latencies latencies = Load.sequential(read, 20, READS);
		System.out.printf("%s: %s over %d requests%n", read.name(), latencies, READS);
		figures.add(new Figure(read.name(), target, latencies.toString(),
				limitMs == null ? null : latencies.errors() == 0 && latencies.ms(95) < limitMs));
	}

	/** The whole province's annual report as PDF, from the request to the job's end. */
	private void report(Http operator) throws Exception {
		int year = java.time.LocalDate.now().getYear();
		long start = System.nanoTime();
		JsonNode accepted = operator.postJob("/api/v1/reports/periodic", Map.of("period", "annual", "from",
				year + "-01-01", "to", java.time.LocalDate.now().toString(), "scope", "province", "format", "pdf"));
		String url = accepted.path("statusUrl").asString();
		JsonNode status;
		do {
			Thread.sleep(100);
			status = operator.getJson(url);
		}
		while (!status.path("state").asString().equals("succeeded") && !status.path("state").asString().equals("failed"));
		double seconds = ProvinceBench.seconds(start);
		System.out.printf("annual report of the province (PDF): %s in %.1f s (%,d bytes)%n", status.path("state").asString(),
				seconds, status.path("counts").path("bytes").asLong());
		figures.add(new Figure("annual report of the province, PDF", "< 30 s", String.format("%.1f s", seconds),
				status.path("state").asString().equals("succeeded") && seconds < 30));
	}

}
