package vn.khien.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.khien.KhienApplication;
import vn.khien.inventory.AssetImport;
import vn.khien.inventory.CoverageImportJobs;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;

/**
 * Imports a generated inventory of N hosts (default 100,000) through the real import job on a fresh H2 file
 * database, then imports the matching coverage file through its job, and prints hosts per second and peak heap. Run with
 * bench/run.sh (see bench/README.md); it is not a unit test on purpose.
 */
public final class InventoryImportBench {

	public static void main(String[] args) throws Exception {
		int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path dir = Files.createTempDirectory("khien-bench-");
		Path assets = dir.resolve("assets.csv");
		Path coverage = dir.resolve("coverage.csv");
		generate(hosts, assets, coverage);
		System.out.printf("generated %,d hosts: %s (%,d bytes), coverage %s (%,d bytes)%n", hosts, assets,
				Files.size(assets), coverage, Files.size(coverage));

		ConfigurableApplicationContext app = new SpringApplication(KhienApplication.class).run(
				"--khien.data-dir=" + dir.resolve("data"), "--khien.demo=false",
				"--khien.admin-password=bench-admin-password", "--server.port=0",
				"--spring.datasource.url=" + System.getProperty("bench.db", "jdbc:h2:file:" + dir.resolve("data/khien")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
						+ System.getProperty("bench.h2options", "")), "--spring.datasource.username=" + System.getProperty("bench.dbuser", "sa"),
				"--logging.level.root=WARN");
		try {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("""
					INSERT INTO agency (code, name, kind, status, created_at, updated_at)
					VALUES ('BENCH', 'Benchmark agency', 'DEPARTMENT', 'ACTIVE', :now, :now)""").param("now", now).update();
			jdbc.sql("""
					INSERT INTO agency (code, name, kind, status, created_at, updated_at)
					VALUES ('WARMUP', 'Warm-up agency', 'DEPARTMENT', 'ACTIVE', :now, :now)""").param("now", now).update();
			var admin = new KhienUser(1, "admin", "Bench", Set.of(Role.ADMIN), null, null);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
						List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
			AssetImport assetImport = app.getBean(AssetImport.class);
			ImportJobs jobs = app.getBean(ImportJobs.class);

			// NB: one unmeasured import into another agency first, so the figures are the JIT-compiled steady state
			try (InputStream in = Files.newInputStream(assets)) {
				ImportJob warmUp = await(jobs, assetImport.submit(in, "assets.csv", "text/csv", "WARMUP", null, "csv", false).id());
				System.out.printf("warm-up import (not measured): %s%n", warmUp.counts());
			}

			for (int round = 1; round <= 2; round++) {
				resetPeaks();
				long start = System.nanoTime();
				ImportJob job;
				try (InputStream in = Files.newInputStream(assets)) {
					job = assetImport.submit(in, "assets.csv", "text/csv", "BENCH", null, "csv", false);
				}
				ImportJob done = await(jobs, job.id());
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("round %d (%s): state=%s counts=%s in %.2f s = %,.0f hosts/s, peak heap %,d MB%n",
						round, round == 1 ? "all new" : "re-import, all unchanged", done.state().code(), done.counts(),
						seconds, hosts / seconds, peakHeap() / (1024 * 1024));
				if (done.error() != null) {
					System.out.println("error: " + done.error());
				}
			}

			// the coverage records of the same hosts, through the coverage import job: every host matched, status written
			CoverageImportJobs coverageJobs = app.getBean(CoverageImportJobs.class);
			resetPeaks();
			long start = System.nanoTime();
			ImportJob job;
			try (InputStream in = Files.newInputStream(coverage)) {
				job = coverageJobs.submit(in, "coverage.csv", "text/csv", "BENCH", "csv", false);
			}
			ImportJob done = await(jobs, job.id());
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("coverage import: state=%s counts=%s in %.2f s = %,.0f records/s, peak heap %,d MB%n",
					done.state().code(), done.counts(), seconds, hosts / seconds, peakHeap() / (1024 * 1024));
			if (done.error() != null) {
				System.out.println("error: " + done.error());
			}
			System.out.printf("max heap (-Xmx): %,d MB, processors: %d%n", Runtime.getRuntime().maxMemory() / (1024 * 1024),
					Runtime.getRuntime().availableProcessors());
		}
		finally {
			SecurityContextHolder.clearContext();
			app.close();
		}
	}

	static ImportJob await(ImportJobs jobs, String id) throws InterruptedException {
		while (true) {
			ImportJob job = jobs.get(id);
			if (job.state().finished()) {
				return job;
			}
			Thread.sleep(20);
		}
	}

	static void generate(int hosts, Path assets, Path coverage) throws Exception {
		String[] kinds = { "server", "workstation", "laptop", "network device", "smart device" };
		try (BufferedWriter a = Files.newBufferedWriter(assets, StandardCharsets.UTF_8);
				BufferedWriter c = Files.newBufferedWriter(coverage, StandardCharsets.UTF_8)) {
			a.write("kind,hostname,addresses,mac,os,url,system\n");
			c.write("hostname,address,product,version,running,signature_date,last_check_in\n");
			for (int i = 0; i < hosts; i++) {
				String host = "host-" + i + ".bench.example.vn";
				String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
				String mac = String.format("02:00:%02x:%02x:%02x:%02x", i >> 24 & 255, i >> 16 & 255, i >> 8 & 255,
						i & 255);
				a.write(kinds[i % kinds.length] + "," + host + "," + address + "," + mac + ",Windows 11 Pro,,\n");
				c.write(host + "," + address + ",Bkav Endpoint,5.2," + (i % 7 == 0 ? "no" : "yes")
						+ ",2026-11-20,2026-11-23T08:00:00+07:00\n");
			}
		}
	}

	static void resetPeaks() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment since the reset. */
	static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}
}
